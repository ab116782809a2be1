package analyzer_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/analyzer"
)

// fuzzImports are the packages a fuzzed file may import: those the
// fixtures import from the standard library, and the constants packages
// that fixes import. A file importing anything else is skipped.
var fuzzImports = []string{
	"context", "encoding/json", "errors", "fmt", "net/http", "os", "sort", "strconv", "strings", "sync", "time",
	"github.com/errcodevet/errcodevet/wechat",
	"github.com/errcodevet/errcodevet/miniprogram",
}

// importer resolves imports from packages loaded once, from export data.
var fuzzImporter = sync.OnceValues(func() (types.Importer, error) {
	// The constants packages are modules of their own: each is loaded
	// from its directory, the standard library from here.
	byPath := make(map[string]*types.Package)
	for _, load := range []struct {
		dir      string
		patterns []string
	}{
		{"", fuzzImports[:len(fuzzImports)-2]},
		{"../wechat", []string{"."}},
		{"../miniprogram", []string{"."}},
	} {
		cfg := &packages.Config{
			Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports | packages.NeedDeps,
			Dir:  load.dir,
			Env:  append(os.Environ(), "GOWORK=off", "GOPROXY=off"),
		}
		pkgs, err := packages.Load(cfg, load.patterns...)
		if err != nil {
			return nil, err
		}
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			if p.Types != nil && byPath[p.PkgPath] == nil {
				byPath[p.PkgPath] = p.Types
			}
		})
	}
	return importerFunc(func(path string) (*types.Package, error) {
		if p := byPath[path]; p != nil {
			return p, nil
		}
		return nil, os.ErrNotExist
	}), nil
})

// fuzzImportable reports whether src imports only fuzzImports.
func fuzzImportable(src string) bool {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.ImportsOnly)
	if err != nil {
		return false
	}
	for _, spec := range f.Imports {
		if !slices.Contains(fuzzImports, strings.Trim(spec.Path.Value, `"`)) {
			return false
		}
	}
	return true
}

// gluedSeeds are files that are not gofmt-clean, with a literal glued to
// the keyword before it: a fix must keep the keyword a token of its own
// (the first is what fuzzing found, issue 24).
var gluedSeeds = []string{
	"package A\nimport (\"encoding/json\"\n \"io\" )\nfunc A(body []byte) string {m := map[string]any{}\njson.Unmarshal(body, &m)\n if+0!=m[\"errcode\"]{}\nreturn\"\"}\nfunc B(A io.Reader,A000[]byte)",
	"package a\nimport \"encoding/json\"\nfunc a(body []byte) bool {m := map[string]any{}\njson.Unmarshal(body, &m)\nif+42001==m[\"errcode\"]{return true}\nreturn-1==m[\"errcode\"]}\n",
	"package a\ntype R struct{ErrCode int `json:\"errcode\"`; ResultStatus string `json:\"resultStatus\"`}\nfunc a(r R) bool {if-1==r.ErrCode{return true}\nswitch r.ResultStatus{case\"U\":return true}\nfor 40013!=r.ErrCode{}\nreturn+42001==r.ErrCode}\n",
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// FuzzAnalyzer runs the analyzer, through the public checker API, over
// mutated fixture files that still parse and type-check. It must not panic
// (the checker does not recover), must not fail, and every suggested fix
// must apply cleanly (the checker validates edits: in the file, in order,
// not overlapping) and give a file that still type-checks: fixes always
// compile.
func FuzzAnalyzer(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/src/*/*.go")
	for _, name := range seeds {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	for _, c := range analyzer.Checks() {
		f.Add([]byte(c.Bad))
		f.Add([]byte(c.Good))
	}
	for _, src := range gluedSeeds {
		f.Add([]byte(src))
	}
	imp, err := fuzzImporter()
	if err != nil {
		f.Fatal(err)
	}
	var analyzers []*analysis.Analyzer
	for _, cfg := range []analyzer.Config{{}, {IncludeSuccess: true, IncludeTests: true}} {
		a, err := analyzer.New(cfg)
		if err != nil {
			f.Fatal(err)
		}
		analyzers = append(analyzers, a)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		pkg := typeCheck(imp, "fuzz.go", src)
		if pkg == nil {
			return // does not parse or type-check: not the analyzer's input
		}
		for _, a := range analyzers { // one at a time: they share fact types
			graph, err := checker.Analyze([]*analysis.Analyzer{a}, []*packages.Package{pkg}, nil)
			if err != nil {
				t.Fatal(err)
			}
			checkActions(t, imp, pkg, src, graph)
		}
	})
}

func checkActions(t *testing.T, imp types.Importer, pkg *packages.Package, src []byte, graph *checker.Graph) {
	t.Helper()
	for act := range graph.All() {
		if act.Err != nil {
			t.Fatalf("%s failed: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				fixed, err := applyEdits(pkg.Fset, src, fix.TextEdits)
				if err != nil {
					t.Fatalf("%s: fix %q: %v", pkg.Fset.Position(d.Pos), fix.Message, err)
				}
				if typeCheck(imp, "fuzz.go", fixed) == nil {
					t.Fatalf("%s: fix %q gives code that does not compile:\n%s", pkg.Fset.Position(d.Pos), fix.Message, fixed)
				}
			}
		}
	}
}

// typeCheck parses and type-checks a one-file package as go/packages would
// load it, or returns nil if the file has errors.
func typeCheck(imp types.Importer, name string, src []byte) *packages.Package {
	return typeCheckFiles(imp, sourceFile{name, src})
}

// constantsModuleDir is the directory of a module that requires the
// constants modules: the bundled example's (a file need not exist there).
var constantsModuleDir, _ = filepath.Abs(filepath.Join("..", "example"))

type sourceFile struct {
	name string
	src  []byte
}

// typeCheckFiles type-checks a package of these files, parsed in this
// order (which decides their token.Pos ranges in the package's FileSet).
func typeCheckFiles(imp types.Importer, files ...sourceFile) *packages.Package {
	fset := token.NewFileSet()
	var syntax []*ast.File
	var names []string
	for _, f := range files {
		// The files are named as if in a module that requires the
		// constants modules: fixes import a package only when the
		// package's module provides it.
		name := filepath.Join(constantsModuleDir, f.name)
		file, err := parser.ParseFile(fset, name, f.src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil || file.Name.Name == "_" {
			return nil
		}
		syntax = append(syntax, file)
		names = append(names, name)
	}
	path := "example.com/" + syntax[0].Name.Name
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	sizes := types.SizesFor("gc", "amd64")
	conf := types.Config{Importer: imp, Sizes: sizes, Error: func(error) {}}
	tpkg, err := conf.Check(path, fset, syntax, info)
	if err != nil {
		return nil
	}
	return &packages.Package{
		ID: path, Name: tpkg.Name(), PkgPath: path,
		GoFiles: names, CompiledGoFiles: names,
		Fset: fset, Syntax: syntax,
		Types: tpkg, TypesInfo: info, TypesSizes: sizes,
	}
}

// applyEdits applies a fix's edits to src. They must lie in the file, in
// order, without overlapping.
func applyEdits(fset *token.FileSet, src []byte, edits []analysis.TextEdit) ([]byte, error) {
	type edit struct {
		start, end int
		text       []byte
	}
	var es []edit
	for _, e := range edits {
		tf := fset.File(e.Pos)
		if tf == nil || fset.File(e.End) != tf && e.End.IsValid() {
			return nil, fmt.Errorf("edit %v-%v is not within one file", e.Pos, e.End)
		}
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		s, t := tf.Offset(e.Pos), tf.Offset(end)
		if s > t || t > len(src) {
			return nil, fmt.Errorf("edit [%d,%d) out of range (file has %d bytes)", s, t, len(src))
		}
		es = append(es, edit{s, t, e.NewText})
	}
	slices.SortStableFunc(es, func(a, b edit) int { return a.start - b.start })
	var out bytes.Buffer
	last := 0
	for _, e := range es {
		if e.start < last {
			return nil, fmt.Errorf("edits overlap at offset %d", e.start)
		}
		out.Write(src[last:e.start])
		out.Write(e.text)
		last = e.end
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}

// TestFuzzHarness checks the harness FuzzAnalyzer relies on: each check's
// Bad example type-checks, gives one diagnostic, and its fix gives Good;
// applyEdits refuses overlapping edits.
func TestFuzzHarness(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages")
	}
	imp, err := fuzzImporter()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range analyzer.Checks() {
		if !fuzzImportable(c.Bad) {
			continue // TestCheckExamples runs it, with the fixture retry libraries
		}
		pkg := typeCheck(imp, "fuzz.go", []byte(c.Bad))
		if pkg == nil {
			t.Fatalf("%s: Bad does not type-check", c.ID)
		}
		graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, []*packages.Package{pkg}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var diags []analysis.Diagnostic
		for act := range graph.All() {
			diags = append(diags, act.Diagnostics...)
		}
		if len(diags) != 1 {
			t.Fatalf("%s: got %d diagnostics, want 1", c.ID, len(diags))
		}
		if strings.HasPrefix(c.ID, "retry-") {
			if len(diags[0].SuggestedFixes) != 0 {
				t.Errorf("%s: a retry finding has a fix: any rewrite would change behaviour", c.ID)
			}
			continue
		}
		if len(diags[0].SuggestedFixes) != 1 {
			t.Fatalf("%s: %d fixes, want 1", c.ID, len(diags[0].SuggestedFixes))
		}
		fixed, err := applyEdits(pkg.Fset, []byte(c.Bad), diags[0].SuggestedFixes[0].TextEdits)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := format.Source(fixed); err != nil || string(got) != c.Good {
			t.Errorf("%s: fixed Bad is\n%s\nwant Good:\n%s", c.ID, got, c.Good)
		}
	}
	fset := token.NewFileSet()
	tf := fset.AddFile("x.go", -1, 10)
	overlapping := []analysis.TextEdit{{Pos: tf.Pos(1), End: tf.Pos(5)}, {Pos: tf.Pos(3), End: tf.Pos(4)}}
	if _, err := applyEdits(fset, make([]byte, 10), overlapping); err == nil {
		t.Error("applyEdits accepted overlapping edits")
	}
	outside := []analysis.TextEdit{{Pos: tf.Pos(8), End: tf.Pos(10)}}
	if _, err := applyEdits(fset, make([]byte, 9), outside); err == nil {
		t.Error("applyEdits accepted an edit beyond the end of the source")
	}
}

// FuzzComparisons fuzzes the values compared, rather than the syntax: a
// program that always type-checks compares carriers of every kind with the
// fuzzed literals, beside a local whose fuzzed name may shadow the
// constants packages' names. The same properties hold as in FuzzAnalyzer.
func FuzzComparisons(f *testing.F) {
	f.Add(int64(42001), "ACCESS_DENIED", "U", "x", false)
	f.Add(int64(-1), "ACCES_DENIED", "X", "wechat", true)
	f.Add(int64(0), "param_illegal", "S", "miniprogram", false)
	f.Add(int64(40001), "SUCCESS", "F", "wechatcodes", true)
	imp, err := fuzzImporter()
	if err != nil {
		f.Fatal(err)
	}
	a, err := analyzer.New(analyzer.Config{IncludeSuccess: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, code int64, resultCode, status, local string, imported bool) {
		if !token.IsIdentifier(local) || local == "fmt" || local == "m" || local == "resp" || local == "res" {
			return
		}
		imports := `"fmt"`
		if imported {
			imports += "\n\t\"github.com/errcodevet/errcodevet/wechat\""
		}
		src := fmt.Appendf(nil, `package p

import (
	%s
)

type Response struct {
	ErrCode int `+"`json:\"errcode\"`"+`
}

type Result struct {
	ResultCode   string `+"`json:\"resultCode\"`"+`
	ResultStatus string `+"`json:\"resultStatus\"`"+`
}

func f(resp *Response, res Result, m map[string]any) {
	%s := 1
	_ = %s
	if resp.ErrCode == %d || %d != resp.ErrCode {
		fmt.Println()
	}
	if res.ResultCode == %q {
		fmt.Println()
	}
	switch res.ResultStatus {
	case %q:
	}
	if v, ok := m["errcode"].(float64); ok && v == %d {
		fmt.Println()
	}
}
`, imports, local, local, code, code, resultCode, status, code)
		if imported {
			src = append(src, "\nvar _ = wechat.Success\n"...)
		}
		pkg := typeCheck(imp, "fuzz.go", src)
		if pkg == nil {
			return // e.g. a local named like a type or a keyword-like builtin misuse
		}
		graph, err := checker.Analyze([]*analysis.Analyzer{a}, []*packages.Package{pkg}, nil)
		if err != nil {
			t.Fatal(err)
		}
		checkActions(t, imp, pkg, src, graph)
	})
}
