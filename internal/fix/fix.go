// Package fix builds the edits that replace a literal with a named
// constant of the same value, writing only qualifiers that are in scope.
//
// The constant is, in order of preference:
//  1. one the package declares at package level, not shadowed at the
//     literal, whose type is the compared expression's or untyped;
//  2. one exported by a package the file already imports (the family's
//     constants package first), reached through the import's local name or
//     a dot import, if nothing shadows it at the literal;
//  3. the family's constants package, imported under its own name (or
//     another free name when that one is taken) by an added import.
package fix

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Target describes the constant wanted: its value, and where the family's
// constants package declares one (Package and Name may be empty).
type Target struct {
	Value   constant.Value
	Package string // import path of the constants package
	Name    string // the constant's name in Package
}

// Replacement is a fix: the text that replaces the literal, and any edit
// besides (an added import).
type Replacement struct {
	Text  string // "wechat.AccessTokenExpired"
	Edits []analysis.TextEdit
}

// Find returns the replacement for lit, a literal compared against an
// expression of type against, in file. ok is false when no constant can be
// written safely. A pass that looks for many replacements should use a
// Finder, which indexes the constants once.
func Find(pass *analysis.Pass, file *ast.File, lit ast.Expr, against types.Type, want Target) (r Replacement, ok bool) {
	return NewFinder(pass).Find(file, lit, against, want)
}

// A Finder finds replacements in one package. It indexes the constants of
// the package and of each package it imports by value, once, when first
// needed, so that the cost of a lookup does not grow with the package.
type Finder struct {
	pass   *analysis.Pass
	consts map[*types.Package]map[string][]*types.Const // by valueKey, in name order
	kids   map[*types.Scope][]*types.Scope              // a file scope's children, in source order
}

// NewFinder returns a Finder for a pass.
func NewFinder(pass *analysis.Pass) *Finder {
	return &Finder{pass: pass, consts: make(map[*types.Package]map[string][]*types.Const), kids: make(map[*types.Scope][]*types.Scope)}
}

// innermost is fileScope.Innermost(pos), without its linear search of the
// file's top-level scopes (one per function): those are sorted once, and
// searched in order.
func (f *Finder) innermost(fileScope *types.Scope, pos token.Pos) *types.Scope {
	if !fileScope.Contains(pos) {
		return nil
	}
	kids, ok := f.kids[fileScope]
	if !ok {
		kids = slices.SortedFunc(fileScope.Children(), func(a, b *types.Scope) int { return cmp.Compare(a.Pos(), b.Pos()) })
		f.kids[fileScope] = kids
	}
	i := sort.Search(len(kids), func(i int) bool { return kids[i].End() > pos })
	if i < len(kids) && kids[i].Contains(pos) {
		return kids[i].Innermost(pos)
	}
	return fileScope
}

// constsOf returns the package-level constants of pkg whose value has the
// key, in name order.
func (f *Finder) constsOf(pkg *types.Package, key string) []*types.Const {
	m, ok := f.consts[pkg]
	if !ok {
		m = make(map[string][]*types.Const)
		for _, name := range pkg.Scope().Names() {
			if c, ok := pkg.Scope().Lookup(name).(*types.Const); ok {
				if k, ok := valueKey(c.Val()); ok {
					m[k] = append(m[k], c)
				}
			}
		}
		f.consts[pkg] = m
	}
	return m[key]
}

// valueKey returns a map key for a constant value that a code can equal:
// an integer (of any numeric kind) or a string.
func valueKey(v constant.Value) (string, bool) {
	switch v.Kind() {
	case constant.String:
		return "s" + constant.StringVal(v), true
	case constant.Int, constant.Float:
		if i := constant.ToInt(v); i.Kind() == constant.Int {
			return "i" + i.ExactString(), true
		}
	}
	return "", false
}

// Find returns the replacement for lit, a literal compared against an
// expression of type against, in file. ok is false when no constant can be
// written safely.
func (f *Finder) Find(file *ast.File, lit ast.Expr, against types.Type, want Target) (r Replacement, ok bool) {
	pass := f.pass
	key, ok := valueKey(want.Value)
	if !ok {
		return Replacement{}, false
	}
	fileScope := pass.TypesInfo.Scopes[file]
	if fileScope == nil {
		return Replacement{}, false
	}
	scope := f.innermost(fileScope, lit.Pos())
	if scope == nil {
		return Replacement{}, false
	}
	fits := func(c *types.Const) bool {
		if !sameKind(c.Val(), want.Value) || !constant.Compare(c.Val(), token.EQL, want.Value) {
			return false
		}
		if b, ok := c.Type().(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
			return true
		}
		return types.AssignableTo(c.Type(), against) || types.AssignableTo(against, c.Type())
	}

	// 1. The package's own constants, but not those of test files outside
	// tests: the package is built without them.
	inTest := isTestFile(pass.Fset, lit.Pos())
	var own []*types.Const
	for _, c := range f.constsOf(pass.Pkg, key) {
		if fits(c) && visible(scope, lit.Pos(), c.Name(), c) && (inTest || !isTestFile(pass.Fset, c.Pos())) {
			own = append(own, c)
		}
	}
	if len(own) > 0 {
		slices.SortStableFunc(own, func(a, b *types.Const) int {
			return cmp.Compare(rank(a, against), rank(b, against))
		})
		return Replacement{Text: own[0].Name()}, true
	}

	// 2. Constants of packages the file imports.
	type candidate struct {
		text   string
		family bool
	}
	var imported []candidate
	for _, spec := range file.Imports {
		pkgName := pkgNameOf(pass.TypesInfo, spec)
		if pkgName == nil || pkgName.Name() == "_" {
			continue
		}
		pkg := pkgName.Imported()
		for _, c := range f.constsOf(pkg, key) {
			name := c.Name()
			if !c.Exported() || !fits(c) {
				continue
			}
			var text string
			if pkgName.Name() == "." {
				if !visible(scope, lit.Pos(), name, c) {
					continue
				}
				text = name
			} else {
				if !visible(scope, lit.Pos(), pkgName.Name(), pkgName) {
					continue
				}
				text = pkgName.Name() + "." + name
			}
			family := pkg.Path() == want.Package && name == want.Name
			imported = append(imported, candidate{text, family})
		}
	}
	if len(imported) > 0 {
		slices.SortStableFunc(imported, func(a, b candidate) int {
			if a.family != b.family {
				if a.family {
					return -1
				}
				return 1
			}
			return cmp.Compare(a.text, b.text)
		})
		return Replacement{Text: imported[0].text}, true
	}

	// 3. The family's constants package, imported anew.
	if want.Package == "" || want.Name == "" || want.Package == pass.Pkg.Path() {
		return Replacement{}, false
	}
	name, ok := freeName(scope, lit.Pos(), importName(want.Package))
	if !ok {
		return Replacement{}, false
	}
	edit, ok := addImport(pass.Fset, file, want.Package, name)
	if !ok {
		return Replacement{}, false
	}
	return Replacement{Text: name + "." + want.Name, Edits: []analysis.TextEdit{edit}}, true
}

// isTestFile reports whether pos is in a _test.go file.
func isTestFile(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// sameKind reports whether two constants are both numbers or both strings.
// Only then does constant.Compare compare them: it reports values of
// different kinds equal.
func sameKind(a, b constant.Value) bool {
	num := func(v constant.Value) bool { return v.Kind() == constant.Int || v.Kind() == constant.Float }
	return num(a) && num(b) || a.Kind() == constant.String && b.Kind() == constant.String
}

// rank orders the package's constants: those of the compared type first,
// then untyped ones, then by name.
func rank(c *types.Const, against types.Type) int {
	if types.Identical(c.Type(), against) {
		return 0
	}
	return 1
}

// visible reports whether name, looked up at pos, resolves to obj.
func visible(scope *types.Scope, pos token.Pos, name string, obj types.Object) bool {
	_, found := scope.LookupParent(name, pos)
	return found == obj
}

func pkgNameOf(info *types.Info, spec *ast.ImportSpec) *types.PkgName {
	if spec.Name != nil {
		pn, _ := info.Defs[spec.Name].(*types.PkgName)
		return pn
	}
	pn, _ := info.Implicits[spec].(*types.PkgName)
	return pn
}

// importName is the name an import path is written under: its last element,
// unless that is a major version suffix or not an identifier.
func importName(importPath string) string {
	base := path.Base(importPath)
	if len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" {
		base = path.Base(path.Dir(importPath))
	}
	base = strings.Map(func(r rune) rune {
		if r == '-' || r == '.' {
			return -1
		}
		return r
	}, base)
	if !token.IsIdentifier(base) {
		return "codes"
	}
	return base
}

// freeName returns base, or base with a suffix, such that nothing named so
// is in scope at pos: the added import can be referred to there.
func freeName(scope *types.Scope, pos token.Pos, base string) (string, bool) {
	for i := 0; i < 10; i++ {
		name := base
		switch i {
		case 0:
		case 1:
			name = base + "codes"
		default:
			name = base + "codes" + strconv.Itoa(i)
		}
		if _, obj := scope.LookupParent(name, pos); obj == nil && !token.IsKeyword(name) {
			return name, true
		}
	}
	return "", false
}

// addImport returns the edit that imports importPath as name into file: in
// the last import declaration, in a group of its own after standard library
// imports, or in a new declaration after the package clause.
func addImport(fset *token.FileSet, file *ast.File, importPath, name string) (analysis.TextEdit, bool) {
	spec := strconv.Quote(importPath)
	if name != path.Base(importPath) {
		spec = name + " " + spec
	}
	var last *ast.GenDecl
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			break // imports come first
		}
		last = gd
	}
	switch {
	case last == nil:
		end := afterLineComments(fset, file, file.Name.End())
		return analysis.TextEdit{Pos: end, End: end, NewText: []byte("\n\nimport " + spec)}, true
	case !last.Lparen.IsValid() || isCgo(last):
		end := afterLineComments(fset, file, last.End())
		return analysis.TextEdit{Pos: end, End: end, NewText: []byte("\n\nimport " + spec)}, true
	default:
		if len(last.Specs) == 0 {
			return analysis.TextEdit{Pos: last.Rparen, End: last.Rparen, NewText: []byte("\n\t" + spec + "\n")}, true
		}
		prev := last.Specs[len(last.Specs)-1].(*ast.ImportSpec)
		sep := "\n\t"
		if p, err := strconv.Unquote(prev.Path.Value); err == nil && !strings.Contains(strings.Split(p, "/")[0], ".") {
			sep = "\n\n\t" // after a standard library import: a group of its own
		}
		end := prev.End()
		if prev.Comment != nil {
			end = prev.Comment.End()
		}
		if fset.Position(end).Line == fset.Position(last.Rparen).Line {
			// import ("fmt"): put the closing parenthesis on a line of its own.
			return analysis.TextEdit{Pos: end, End: end, NewText: []byte(sep + spec + "\n")}, true
		}
		return analysis.TextEdit{Pos: end, End: end, NewText: []byte(sep + spec)}, true
	}
}

// afterLineComments returns the end of the comments that follow pos on its
// line, or pos: text inserted there does not split a line from its comment.
func afterLineComments(fset *token.FileSet, file *ast.File, pos token.Pos) token.Pos {
	line := fset.Position(pos).Line
	// file.Comments is in source order: start at the first one after pos.
	i, _ := slices.BinarySearchFunc(file.Comments, pos, func(cg *ast.CommentGroup, p token.Pos) int { return cmp.Compare(cg.Pos(), p) })
	for _, cg := range file.Comments[i:] {
		if fset.Position(cg.Pos()).Line != line {
			break
		}
		pos = cg.End()
	}
	return pos
}

func isCgo(d *ast.GenDecl) bool {
	for _, s := range d.Specs {
		if s.(*ast.ImportSpec).Path.Value == `"C"` {
			return true
		}
	}
	return false
}

// Describe renders a constant value as Go source, for messages.
func Describe(v constant.Value) string {
	if v.Kind() == constant.String {
		return strconv.Quote(constant.StringVal(v))
	}
	return fmt.Sprint(v)
}
