package analyzer_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/analyzer"
)

// TestDiagnosticsInFileOrder checks that a package's diagnostics come in
// the order of their files' names and their offsets, whatever order the
// driver parsed the files in: go/packages parses a package's files
// concurrently, so their token.Pos ranges vary from run to run, and output
// ordered by them (-json) did too.
func TestDiagnosticsInFileOrder(t *testing.T) {
	imp, err := fuzzImporter()
	if err != nil {
		t.Fatal(err)
	}
	a := sourceFile{"a.go", []byte("package p\n\ntype R struct {\n\tErrCode int `json:\"errcode\"`\n}\n\nfunc A(r R) bool { return r.ErrCode == 42001 || r.ErrCode == 40001 }\n")}
	b := sourceFile{"b.go", []byte("package p\n\nfunc B(r R) bool { return r.ErrCode == 40014 }\n")}
	want := []string{"a.go:7:40", "a.go:7:62", "b.go:3:40"}
	for _, files := range [][]sourceFile{{a, b}, {b, a}} {
		pkg := typeCheckFiles(imp, files...)
		if pkg == nil {
			t.Fatal("the package does not type-check")
		}
		graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, []*packages.Package{pkg}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for act := range graph.All() {
			for _, d := range act.Diagnostics {
				p := pkg.Fset.Position(d.Pos)
				got = append(got, fmt.Sprintf("%s:%d:%d", filepath.Base(p.Filename), p.Line, p.Column))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("files parsed in the order %s, %s: diagnostics at %q, want %q", files[0].name, files[1].name, got, want)
		}
	}
}
