package fix

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/catalog"
)

// A Verifier makes sure that fixes leave a package that type-checks: the
// general net under what the fixes guarantee by construction (no
// duplicate switch case, no constant of a file some builds leave out, no
// shadowed name). It type-checks the package again, with the files that
// fixes edit read from the source the driver gives (Pass.ReadFile), edited
// and parsed again, against the packages the package imports; a constants package that a fix imports
// and the package does not is given from the constants the fixes use
// (Provide), as the generated packages declare them: untyped.
//
// It costs nothing for a package without fixes, and one type-check for a
// package whose fixes all check together; only when they do not is each
// fix checked on top of those kept, in the order of the source.
type Verifier struct {
	pass  *analysis.Pass
	extra map[string]*types.Package // constants packages fixes import, by path

	src     map[string][]byte // the source of files with fixes, by name, on first use
	imports map[string]*types.Package
}

// NewVerifier returns a Verifier for pass.
func NewVerifier(pass *analysis.Pass) *Verifier {
	return &Verifier{pass: pass, extra: make(map[string]*types.Package)}
}

// Provide declares that the constants package at importPath, when a fix
// imports it, has an untyped constant name of value v.
func (v *Verifier) Provide(importPath, name string, val constant.Value) {
	pkg := v.extra[importPath]
	if pkg == nil {
		pkg = types.NewPackage(importPath, catalog.PackageName(importPath))
		pkg.MarkComplete()
		v.extra[importPath] = pkg
	}
	if pkg.Scope().Lookup(name) != nil {
		return
	}
	t := types.Typ[types.UntypedInt]
	if val.Kind() == constant.String {
		t = types.Typ[types.UntypedString]
	}
	pkg.Scope().Insert(types.NewConst(token.NoPos, pkg, name, t, val))
}

// Filter removes from diags each fix whose edits, with those of the fixes
// kept before it, leave the package not type-checking. It leaves the fixes
// alone when it cannot tell: the driver gives no ReadFile, a file cannot be
// read or parsed, or is not the text analyzed, or the package does not
// type-check without the fixes.
func (v *Verifier) Filter(diags []analysis.Diagnostic) {
	var fixed []int
	for i, d := range diags {
		if len(d.SuggestedFixes) > 0 {
			fixed = append(fixed, i)
		}
	}
	if len(fixed) == 0 || v.pass.ReadFile == nil || !v.load() {
		return
	}
	var all []analysis.TextEdit
	for _, i := range fixed {
		all = append(all, diags[i].SuggestedFixes[0].TextEdits...)
	}
	err := v.check(all)
	if err == nil {
		return
	}
	if _, ok := err.(errCannotTell); ok || v.check(nil) != nil {
		return // a file cannot be read, or the package is broken already
	}
	var kept []analysis.TextEdit
	for _, i := range fixed {
		try := append(slices.Clip(kept), diags[i].SuggestedFixes[0].TextEdits...)
		switch err := v.check(try); err.(type) {
		case nil:
			kept = try
		case errCannotTell:
		default:
			diags[i].SuggestedFixes = nil
		}
	}
}

// load finds what the package's imports name, once.
func (v *Verifier) load() bool {
	if v.imports != nil {
		return true
	}
	// What each import path written in the package names: its imports as
	// the driver resolved them (vendored ones included).
	v.imports = make(map[string]*types.Package)
	for _, f := range v.pass.Files {
		for _, spec := range f.Imports {
			if pn := pkgNameOf(v.pass.TypesInfo, spec); pn != nil {
				if p, err := strconv.Unquote(spec.Path.Value); err == nil {
					v.imports[p] = pn.Imported()
				}
			}
		}
	}
	for _, p := range v.pass.Pkg.Imports() { // blank imports name no package
		if _, ok := v.imports[p.Path()]; !ok {
			v.imports[p.Path()] = p
		}
	}
	v.src = make(map[string][]byte)
	return true
}

// source returns the text of the analyzed file tf, or an error if the
// driver cannot give it.
func (v *Verifier) source(tf *token.File) ([]byte, error) {
	if data, ok := v.src[tf.Name()]; ok {
		return data, nil
	}
	data, err := v.pass.ReadFile(tf.Name())
	if err != nil {
		return nil, err
	}
	if !sameText(tf, data) {
		// Not what was analyzed: an editor's unsaved buffer, which
		// x/tools' checker does not give to ReadFile.
		return nil, fmt.Errorf("%s changed since it was analyzed", tf.Name())
	}
	v.src[tf.Name()] = data
	return data, nil
}

// sameText reports whether data has the size and line breaks of the
// analyzed file tf.
func sameText(tf *token.File, data []byte) bool {
	if tf.Size() != len(data) {
		return false
	}
	lines := tf.Lines()
	n := 1
	for i, b := range data {
		if b == '\n' && i+1 < len(data) {
			if n >= len(lines) || lines[n] != i+1 {
				return false
			}
			n++
		}
	}
	return n == len(lines)
}

func (v *Verifier) importPkg(path string) (*types.Package, error) {
	if p, ok := v.imports[path]; ok {
		return p, nil
	}
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	if p, ok := v.extra[path]; ok {
		return p, nil
	}
	return nil, fmt.Errorf("package %s is not imported", path)
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// check type-checks the package with edits applied; it returns the first
// error. Only the files with edits are parsed again (into the pass's
// FileSet); the others are the pass's own.
func (v *Verifier) check(edits []analysis.TextEdit) error {
	byFile := make(map[*token.File][]analysis.TextEdit)
	for _, e := range edits {
		tf := v.pass.Fset.File(e.Pos)
		if tf == nil {
			return fmt.Errorf("an edit outside any file")
		}
		byFile[tf] = append(byFile[tf], e)
	}
	files := make([]*ast.File, 0, len(v.pass.Files))
	for _, f := range v.pass.Files {
		tf := v.pass.Fset.File(f.FileStart)
		es, ok := byFile[tf]
		if !ok {
			files = append(files, f)
			continue
		}
		src, err := v.source(tf)
		if err != nil {
			return errCannotTell{err}
		}
		data, err := apply(tf, src, es)
		if err != nil {
			return err
		}
		af, err := parser.ParseFile(v.pass.Fset, tf.Name(), data, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		files = append(files, af)
	}
	var first error
	conf := types.Config{
		Importer:  importerFunc(v.importPkg),
		Sizes:     v.pass.TypesSizes,
		GoVersion: v.pass.Pkg.GoVersion(),
		Error: func(err error) {
			if first == nil {
				first = err
			}
		},
	}
	conf.Check(v.pass.Pkg.Path(), v.pass.Fset, files, nil)
	return first
}

// errCannotTell is a check's failure to read a file: it says nothing of
// the fixes.
type errCannotTell struct{ err error }

func (e errCannotTell) Error() string { return e.err.Error() }

// apply applies edits, in positions of tf, to src: identical edits once,
// as drivers do; overlapping ones are an error.
func apply(tf *token.File, src []byte, edits []analysis.TextEdit) ([]byte, error) {
	var es []Edit
	for _, e := range edits {
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		x := Edit{tf.Offset(e.Pos), tf.Offset(end), string(e.NewText)}
		if !slices.Contains(es, x) {
			es = append(es, x)
		}
	}
	out, err := Apply(src, es)
	if err != nil {
		return nil, fmt.Errorf("overlapping edits")
	}
	return out, nil
}
