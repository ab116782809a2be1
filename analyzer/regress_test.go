package analyzer_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/analyzer"
)

// Regressions found by the benchmark's generated corpus and by the smoke
// runs over real code (see BENCHMARKS.md). Each fixture says what went wrong.

func TestRegressFloatMap(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "regress_floatmap")
}

func TestRegressConstKind(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "regress_constkind")
}

func TestRegressTestConst(t *testing.T) {
	dir := gopath(t)
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   dir,
		Env:   append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off"),
		Tests: true,
	}
	pkgs, err := packages.Load(cfg, "regress_testconst")
	if err != nil {
		t.Fatal(err)
	}
	a := newAnalyzer(t, analyzer.Config{IncludeTests: true})
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Each file's fixes, in every variant of the package.
	want := map[string]string{"p.go": "wechat.AccessTokenExpired", "p_test.go": "tokenExpired"}
	got := make(map[string]int)
	for act := range graph.All() {
		for _, d := range act.Diagnostics {
			file := filepath.Base(act.Package.Fset.Position(d.Pos).Filename)
			if len(d.SuggestedFixes) != 1 {
				t.Fatalf("%s: %s: %d fixes, want 1", act.Package.ID, file, len(d.SuggestedFixes))
			}
			var text string // of the edit that replaces the literal
			for _, e := range d.SuggestedFixes[0].TextEdits {
				if e.Pos == d.Pos {
					text = string(e.NewText)
				}
			}
			if text != want[file] {
				t.Errorf("%s: %s: fix writes %s, want %s", act.Package.ID, file, text, want[file])
			}
			got[file]++
		}
	}
	// p.go in the package and its test variant; p_test.go in the latter.
	if got["p.go"] != 2 || got["p_test.go"] != 1 {
		t.Errorf("findings by file: %v, want p.go 2 and p_test.go 1", got)
	}
}

func TestRegressChain(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "regress_chain")
}

func TestRegressRetryChain(t *testing.T) {
	analysistest.Run(t, gopath(t), newAnalyzer(t, analyzer.Config{}), "regress_retrychain")
}
