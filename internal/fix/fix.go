// Package fix builds the edits that replace a literal with a named
// constant of the same value, writing only qualifiers that are in scope.
//
// The constant is, in order of preference:
//  1. one the user declares, in the enclosing function or at package level
//     (not in a _test.go file unless the literal is in one), visible at the
//     literal, whose type is the compared expression's or untyped;
//  2. the family's constant, one of the compared expression's own named
//     type declared beside it (an SDK's alipay.CodeOrderSuccessPayInProcess
//     for its alipay.Code), or one exported by a package of the user's own
//     code, from a package the file already imports, reached through the
//     import's local name or a dot import, if nothing shadows it there;
//  3. the family's constants package, imported under its own name (or
//     another free name when that one is taken) by an added import, when
//     the package can import it as its build stands (HeldBack lists
//     those it cannot).
//
// A constant whose name says nothing but the number (NumberOnly) is never
// written: it reads no better than the literal.
package fix

import (
	"cmp"
	"go/ast"
	"go/build/constraint"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/catalog"
)

// Target describes the constant wanted: its value, and where the family's
// constants package declares one (Package and Name may be empty).
type Target struct {
	Value   constant.Value
	Family  string // the family's name
	Package string // import path of the constants package
	Name    string // the constant's name in Package
}

// Replacement is a fix: the text that replaces the literal, and any edit
// besides (an added import).
type Replacement struct {
	Text  string // "wechat.AccessTokenExpired"
	Edits []analysis.TextEdit
	// SDK is set when the constant is the compared type's own, from the
	// package declaring the type (alipay.CodeOrderSuccessPayInProcess),
	// not the family's.
	SDK bool
}

// Finder finds replacements in one package. It indexes the constants of
// package scopes by value on first use: a package with many literals would
// otherwise list and sort its scope's names once per literal.
type Finder struct {
	pass        *analysis.Pass
	consts      map[*types.Package]map[valueKey][]*types.Const
	kids        map[*types.Scope][]*types.Scope  // a file scope's children, in source order
	constraints map[*token.File]string           // build constraints by file, on first use
	keywordEnds map[*ast.File]map[token.Pos]bool // see Spaced
	importables map[string]bool                  // see importable
	heldBack    map[Target]bool                  // see HeldBack
	held        bool                             // see Held
}

type valueKey struct {
	kind  constant.Kind
	exact string
}

// NewFinder returns a Finder for pass.
func NewFinder(pass *analysis.Pass) *Finder {
	return &Finder{
		pass:        pass,
		consts:      make(map[*types.Package]map[valueKey][]*types.Const),
		kids:        make(map[*types.Scope][]*types.Scope),
		constraints: make(map[*token.File]string),
		keywordEnds: make(map[*ast.File]map[token.Pos]bool),
		importables: make(map[string]bool),
		heldBack:    make(map[Target]bool),
	}
}

// innermost is fileScope.Innermost(pos) without its linear search of the
// file's top-level scopes (one per function), which made a huge file's
// fixes quadratic: they are sorted once and searched by position.
func (f *Finder) innermost(fileScope *types.Scope, pos token.Pos) *types.Scope {
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

// constsOf returns pkg's package-level constants with value v, by name.
func (f *Finder) constsOf(pkg *types.Package, v constant.Value) []*types.Const {
	index, ok := f.consts[pkg]
	if !ok {
		index = make(map[valueKey][]*types.Const)
		for _, name := range pkg.Scope().Names() {
			if c, ok := pkg.Scope().Lookup(name).(*types.Const); ok {
				k := valueKey{c.Val().Kind(), c.Val().ExactString()}
				index[k] = append(index[k], c)
			}
		}
		f.consts[pkg] = index
	}
	return index[valueKey{v.Kind(), v.ExactString()}]
}

// Find returns the replacement for lit, a literal compared against an
// expression of type against, in file. ok is false when no constant can be
// written safely.
func (f *Finder) Find(file *ast.File, lit ast.Expr, against types.Type, want Target) (r Replacement, ok bool) {
	f.held = false
	pass := f.pass
	fileScope := pass.TypesInfo.Scopes[file]
	if fileScope == nil {
		return Replacement{}, false
	}
	scope := f.innermost(fileScope, lit.Pos())
	fits := func(c *types.Const) bool {
		if !sameValue(c.Val(), want.Value) {
			return false
		}
		if b, ok := c.Type().(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
			return true
		}
		return types.AssignableTo(c.Type(), against) || types.AssignableTo(against, c.Type())
	}
	inTest := isTestFile(pass.Fset, lit.Pos())

	// 1. The user's own constants in scope: local ones, then the package's.
	// A constant of a _test.go file is no use outside tests: the package
	// builds without it.
	var own []*types.Const
	for s := scope; s != nil && s != types.Universe; s = s.Parent() {
		if s == fileScope {
			continue // imports: step 2
		}
		var consts []*types.Const
		if s == pass.Pkg.Scope() {
			consts = f.constsOf(pass.Pkg, want.Value)
		} else {
			for _, name := range s.Names() { // a function's scopes: small
				if c, ok := s.Lookup(name).(*types.Const); ok {
					consts = append(consts, c)
				}
			}
		}
		for _, c := range consts {
			if !fits(c) || NumberOnly(c.Name(), want.Value) || !visible(scope, lit.Pos(), c.Name(), c) {
				continue
			}
			if !inTest && isTestFile(pass.Fset, c.Pos()) {
				continue
			}
			if !f.builtWith(c.Pos(), lit.Pos()) {
				continue // declared in a file some builds of the literal's leave out
			}
			own = append(own, c)
		}
	}
	if len(own) > 0 {
		slices.SortStableFunc(own, func(a, b *types.Const) int {
			return cmp.Compare(rank(a, against), rank(b, against))
		})
		return Replacement{Text: own[0].Name()}, true
	}

	// 2. Constants of packages the file imports: the family's constant, or
	// one of the user's own packages. Other libraries' constants that merely
	// share the value (io.SeekStart, os.O_RDONLY) mean something else.
	type candidate struct {
		text   string
		family bool
		named  bool // the name the catalog gives the code, not an alias
		sdk    bool // a constant of the compared type, from the package declaring it
	}
	// An SDK's own constants of the compared type, declared beside it, are
	// its names for the values (alipay.CodeOrderSuccessPayInProcess for its
	// alipay.Code): used like the user's own.
	var typeName *types.TypeName
	if n, ok := types.Unalias(against).(*types.Named); ok {
		typeName = n.Obj()
	}
	var imported []candidate
	for _, spec := range file.Imports {
		pkgName := pkgNameOf(pass.TypesInfo, spec)
		if pkgName == nil || pkgName.Name() == "_" {
			continue
		}
		pkg := pkgName.Imported()
		family := pkg.Path() == want.Package
		own := ownCode(pass, pkg.Path())
		sdk := !family && !own && typeName != nil && typeName.Pkg() == pkg
		if !family && !own && !sdk {
			continue
		}
		for _, c := range f.constsOf(pkg, want.Value) {
			name := c.Name()
			if !c.Exported() || !fits(c) || family && name != want.Name || NumberOnly(name, want.Value) {
				continue
			}
			if sdk && !types.Identical(c.Type(), against) {
				continue // the SDK's constants of other types are other things
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
			imported = append(imported, candidate{text, family, name == want.Name, sdk})
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
			if a.named != b.named {
				if a.named {
					return -1
				}
				return 1
			}
			return cmp.Compare(a.text, b.text)
		})
		return Replacement{Text: imported[0].text, SDK: imported[0].sdk}, true
	}

	// 3. The family's constants package, imported anew.
	if want.Package == "" || want.Name == "" || want.Package == pass.Pkg.Path() || NumberOnly(want.Name, want.Value) {
		return Replacement{}, false
	}
	if !f.importable(file, want.Package) {
		f.heldBack[Target{Family: want.Family, Package: want.Package}] = true
		f.held = true
		return Replacement{}, false
	}
	name, ok := freeName(scope, lit.Pos(), catalog.PackageName(want.Package))
	if !ok {
		return Replacement{}, false
	}
	edits, ok := addImport(pass.Fset, file, want.Package, name)
	if !ok {
		return Replacement{}, false
	}
	return Replacement{Text: name + "." + want.Name, Edits: edits}, true
}

// HeldBack returns the families and constants packages (Family and
// Package set) that Find would have imported but did not, because the
// package cannot import them as its build stands: its module neither
// requires the constants module nor holds the package (see importable).
func (f *Finder) HeldBack() []Target {
	held := slices.Collect(maps.Keys(f.heldBack))
	slices.SortFunc(held, func(a, b Target) int {
		return cmp.Or(cmp.Compare(a.Family, b.Family), cmp.Compare(a.Package, b.Package))
	})
	return held
}

// Held reports whether the last Find found no replacement only because the
// package cannot import the family's constants package (see HeldBack): a
// caller with another fix in mind (the literal itself, converted) holds it
// back too, since once the package can, the constant is the fix.
func (f *Finder) Held() bool { return f.held }

// Universal reports whether name, written at pos in file, means the
// universe's object of that name (float64, string): nothing shadows it.
func (f *Finder) Universal(file *ast.File, pos token.Pos, name string) bool {
	fileScope := f.pass.TypesInfo.Scopes[file]
	if fileScope == nil {
		return false
	}
	_, obj := f.innermost(fileScope, pos).LookupParent(name, pos)
	return obj != nil && obj == types.Universe.Lookup(name)
}

// builtWith reports whether the file declaring decl is compiled in every
// build that compiles the file holding use: it has no build constraint
// (a //go:build line, a _GOOS or _GOARCH file name suffix, import "C",
// which the driver may show as cmd/cgo rewrote it),
// or the same ones. A constant of a file for linux only is no use in a
// file for every system: the fixed code would not build on the others.
func (f *Finder) builtWith(decl, use token.Pos) bool {
	d, u := f.pass.Fset.File(decl), f.pass.Fset.File(use)
	if d == nil || u == nil || d == u {
		return true
	}
	dc := f.constraint(d)
	return dc == "" || dc == f.constraint(u)
}

// constraint returns a file's build constraints as one comparable string.
func (f *Finder) constraint(tf *token.File) string {
	if c, ok := f.constraints[tf]; ok {
		return c
	}
	var parts []string
	for _, file := range f.pass.Files {
		if f.pass.Fset.File(file.Pos()) != tf {
			continue
		}
		for _, cg := range file.Comments {
			if cg.Pos() > file.Package {
				break
			}
			for _, c := range cg.List {
				if constraint.IsGoBuild(c.Text) {
					parts = append(parts, strings.TrimSpace(c.Text))
				}
			}
		}
		for _, spec := range file.Imports {
			if spec.Path.Value == `"C"` {
				parts = append(parts, "cgo")
			}
		}
		if len(file.Comments) > 0 && file.Comments[0].List[0].Text == cgoHeader {
			parts = append(parts, "cgo") // import "C", as cmd/cgo rewrote it
		}
	}
	// The file name: x_linux.go, x_linux_amd64.go, x_amd64_test.go.
	name := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(tf.Name()), ".go"), "_test")
	if elems := strings.Split(name, "_"); len(elems) > 1 {
		for _, e := range elems[len(elems)-min(2, len(elems)-1):] {
			if knownOS[e] || knownArch[e] {
				parts = append(parts, e)
			}
		}
	}
	c := strings.Join(parts, " ")
	f.constraints[tf] = c
	return c
}

// cgoHeader is the first line of what cmd/cgo writes for a file with
// import "C": the file itself, rewritten, its positions mapped back to the
// original by //line directives (and the package's glue, which has none).
const cgoHeader = "// Code generated by cmd/cgo; DO NOT EDIT."

// knownOS and knownArch are the GOOS and GOARCH values a file name suffix
// constrains the build with (go/build's lists).
var knownOS = setOf("aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1 windows zos")
var knownArch = setOf("386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm")

func setOf(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// sameValue reports whether a constant has the wanted value: an integer
// for an integer, a string for a string. (constant.Compare reports values
// of different kinds, such as 64 and "U", as equal.)
func sameValue(v, want constant.Value) bool {
	switch want.Kind() {
	case constant.Int:
		return v.Kind() == constant.Int && constant.Compare(v, token.EQL, want)
	case constant.String:
		return v.Kind() == constant.String && constant.StringVal(v) == constant.StringVal(want)
	}
	return false
}

// rank orders the package's constants: those of the compared type first,
// then untyped ones, then by name.
func rank(c *types.Const, against types.Type) int {
	if types.Identical(c.Type(), against) {
		return 0
	}
	return 1
}

// ownCode reports whether the package with the given import path is part of
// the user's code: in the analyzed package's module or, when the driver
// does not say which module that is, under the same first path element.
func ownCode(pass *analysis.Pass, importPath string) bool {
	if m := pass.Module; m != nil && m.Path != "" {
		return importPath == m.Path || strings.HasPrefix(importPath, m.Path+"/")
	}
	first := func(p string) string { return strings.Split(p, "/")[0] }
	return first(importPath) == first(pass.Pkg.Path())
}

func isTestFile(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
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

// addImport returns the edits that import importPath as name into file: in
// the last import declaration, in a group of its own after standard library
// imports, or in a new declaration after the package clause.
//
// The import is one insertion, the same in every fix that adds that import
// there: every driver (go fix, golangci-lint, nogo, an editor) applies
// identical edits once. In an import group, the blank line that opens a
// new group after standard library imports is an edit of its own, the
// same in every fix, and the spec goes at the start of the closing
// parenthesis's line: two fixes adding two packages write one group, and
// no fix has two edits at one position.
func addImport(fset *token.FileSet, file *ast.File, importPath, name string) ([]analysis.TextEdit, bool) {
	spec := strconv.Quote(importPath)
	if name != path.Base(importPath) {
		spec = name + " " + spec
	}
	insert := func(pos token.Pos, texts ...string) []analysis.TextEdit {
		return []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(strings.Join(texts, ""))}}
	}
	var last, lastAny *ast.GenDecl
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			lastAny = gd
			if !isCgo(gd) { // import "C" stays alone with its preamble
				last = gd
			}
		}
	}
	if last != nil && !last.Lparen.IsValid() {
		if edits, ok := groupImport(fset, file, last, spec); ok {
			return edits, true
		}
	}
	switch {
	case lastAny == nil:
		end := afterLineComments(fset, file, file.Name.End())
		return insert(end, "\n", "\nimport "+spec+"\n"), true
	case last == nil || !last.Lparen.IsValid():
		end := afterLineComments(fset, file, lastAny.End())
		return insert(end, "\n", "\nimport "+spec+"\n"), true
	default:
		if len(last.Specs) == 0 {
			return insert(last.Rparen, "\n\t"+spec+"\n"), true
		}
		prev := last.Specs[len(last.Specs)-1].(*ast.ImportSpec)
		afterStd := false
		if p, err := strconv.Unquote(prev.Path.Value); err == nil && !strings.Contains(strings.Split(p, "/")[0], ".") {
			afterStd = true // after a standard library import: a group of its own
		}
		end := prev.End()
		if prev.Comment != nil {
			end = prev.Comment.End()
		}
		tf := fset.File(last.Rparen)
		lineStart := tf.LineStart(tf.Line(last.Rparen))
		if tf.Line(end) < tf.Line(last.Rparen) && noComment(file, lineStart, last.Rparen) {
			// The new spec goes on a line of its own before the closing
			// parenthesis.
			edits := []analysis.TextEdit{{Pos: lineStart, End: lineStart, NewText: []byte("\t" + spec + "\n")}}
			if afterStd {
				edits = append(insert(end, "\n"), edits...)
			}
			return edits, true
		}
		texts := []string{"\n\t" + spec}
		if afterStd {
			texts = []string{"\n", "\n\t" + spec}
		}
		if tf.Line(end) == tf.Line(last.Rparen) {
			// import ("fmt"): put the closing parenthesis on a line of its own.
			texts[len(texts)-1] += "\n"
		}
		return insert(end, texts...), true
	}
}

// noComment reports whether no comment of file lies in [pos, end).
func noComment(file *ast.File, pos, end token.Pos) bool {
	for _, cg := range file.Comments {
		if cg.Pos() < end && cg.End() > pos {
			return false
		}
	}
	return true
}

// groupImport returns the edits that turn the one-line import decl into a
// group holding spec too: "import (" for "import ", the new spec after the
// old one's line, and ")" at the start of the next line. Only the spec's
// insertion differs between fixes adding different packages, and no two
// edits share a position, so drivers that join identical edits and order
// insertions at one position as they please all write a valid group. It
// declines when the declaration is not laid out as "import spec\n".
func groupImport(fset *token.FileSet, file *ast.File, decl *ast.GenDecl, spec string) ([]analysis.TextEdit, bool) {
	tf := fset.File(decl.Pos())
	old := decl.Specs[0].(*ast.ImportSpec)
	keywordEnd := decl.TokPos + token.Pos(len("import"))
	if old.Pos() != keywordEnd+1 {
		return nil, false // a comment or more between import and the spec
	}
	end := afterLineComments(fset, file, decl.End())
	line := tf.Line(end)
	if line >= tf.LineCount() || tf.LineStart(line+1) != end+1 {
		return nil, false // something follows on the line, or it is the file's last
	}
	text := "\n\t" + spec
	if p, err := strconv.Unquote(old.Path.Value); err == nil && !strings.Contains(strings.Split(p, "/")[0], ".") {
		// After a standard library import: a group of its own. (Two fixes
		// adding two packages here open two groups: one blank line for
		// both would be a second edit at the spec's position, which
		// golangci-lint, dropping only adjacent duplicates, would repeat.)
		text = "\n\n\t" + spec
	}
	return []analysis.TextEdit{
		{Pos: keywordEnd, End: old.Pos(), NewText: []byte(" (\n\t")},
		{Pos: end, End: end, NewText: []byte(text)},
		{Pos: end + 1, End: end + 1, NewText: []byte(")\n")},
	}, true
}

// afterLineComments returns the end of the comments that follow pos on its
// line, or pos: text inserted there does not split a line from its comment.
func afterLineComments(fset *token.FileSet, file *ast.File, pos token.Pos) token.Pos {
	line := fset.Position(pos).Line
	for _, cg := range file.Comments {
		if cg.Pos() >= pos && fset.Position(cg.Pos()).Line == line {
			pos = cg.End()
		}
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
