package analyzer

import (
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/internal/testmodule"
)

// TestCanMatterHasNoSideEffects: the cheap exit, asked twice, answers the
// same and neither reports nor records anything, with either kind of
// facts; run, asked twice over the same packages by one analyzer, finds
// the same.
func TestCanMatterHasNoSideEffects(t *testing.T) {
	dir, _ := testmodule.FixtureGOPATH(t)
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(dir, "src"),
		Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, "carrierfacts/sdk", "carrierfacts/wrap", "carrierfacts/user", "carriermapuse", "silenthttp")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]bool{ // matters, exposes
		"carrierfacts/sdk":  {true, true},
		"carrierfacts/wrap": {true, true},
		"carrierfacts/user": {true, true},
		"carriermapuse":     {true, false},
		"silenthttp":        {false, false},
	}
	s, err := compile(Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []facts{analysisFacts{}, newProcessFacts("", nil)} {
		st := &state{settings: s, facts: f}
		for _, p := range pkgs {
			pass := &analysis.Pass{
				Fset: p.Fset, Files: p.Syntax, Pkg: p.Types, TypesInfo: p.TypesInfo,
				Report: func(d analysis.Diagnostic) { t.Errorf("%s: the cheap exit reported %q", p.PkgPath, d.Message) },
				// The packages it imports expose carriers by their types.
				ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
				ExportPackageFact: func(analysis.Fact) { t.Errorf("%s: the cheap exit exported a fact", p.PkgPath) },
			}
			matters, exposes := st.canMatter(pass, s)
			again, exposesAgain := st.canMatter(pass, s)
			if matters != again || exposes != exposesAgain {
				t.Errorf("%T, %s: canMatter = %v, %v, then %v, %v", f, p.PkgPath, matters, exposes, again, exposesAgain)
			}
			if _, isAnalysis := f.(analysisFacts); isAnalysis && (p.PkgPath == "carrierfacts/wrap" || p.PkgPath == "carrierfacts/user") {
				continue // they use carriers through their imports' facts, which this pass has none of
			}
			if w := want[p.PkgPath]; matters != w[0] || exposes != w[1] {
				t.Errorf("%T, %s: canMatter = %v, %v, want %v, %v", f, p.PkgPath, matters, exposes, w[0], w[1])
			}
		}
		if pf, ok := f.(*processFacts); ok {
			for path, rec := range pf.pkgs {
				if rec != nil {
					t.Errorf("the cheap exit left a facts record for %s", path)
				}
			}
		}
	}

	// run twice over the same packages, dependencies first, with one
	// factless analyzer: the second run finds what the first did.
	_, a, err := newAnalyzer(Config{}, newProcessFacts("", nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	var ordered []*packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if slices.Contains(pkgs, p) {
			ordered = append(ordered, p)
		}
	})
	var runs [2][]string
	for i := range runs {
		for _, p := range ordered {
			g, err := checker.Analyze([]*analysis.Analyzer{a}, []*packages.Package{p}, nil)
			if err != nil {
				t.Fatal(err)
			}
			for act := range g.All() {
				if !act.IsRoot {
					continue
				}
				for _, d := range act.Diagnostics {
					runs[i] = append(runs[i], fmt.Sprintf("%v: %s", p.Fset.Position(d.Pos), d.Message))
				}
			}
		}
	}
	if len(runs[0]) < 5 || !slices.Equal(runs[0], runs[1]) {
		t.Errorf("run twice: %d findings, then %d; want the same, at least 5:\n%q\n%q", len(runs[0]), len(runs[1]), runs[0], runs[1])
	}
}
