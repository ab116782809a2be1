package factless_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/internal/factless"
	"github.com/errcodevet/errcodevet/internal/testmodule"
)

// TestFactless proves that the analyzer golangci-lint runs (New:
// no fact types, facts kept in memory) finds what New's finds on every
// fixture, when it sees packages after their imports, as golangci-lint
// shows them: each fixture package on its own, dependencies first, through
// one analyzer. It then states the cost: a package whose imports were not
// analyzed in the process (a dependency outside the linted packages) loses
// the findings that need those imports' functions.
func TestFactless(t *testing.T) {
	dir, patterns := testmodule.FixtureGOPATH(t)
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(dir, "src"),
		Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	var ordered []*packages.Package // dependencies first
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if slices.Contains(pkgs, p) {
			ordered = append(ordered, p)
		}
	})

	for _, cfg := range []analyzer.Config{{}, {IncludeTests: true, IncludeSuccess: true}} {
		t.Run(fmt.Sprintf("%+v", cfg), func(t *testing.T) {
			want := checkerFindings(t, must(analyzer.New(cfg)), pkgs)
			factless := must(newFactless(cfg, ""))
			got := make(map[string][]string)
			for _, p := range ordered {
				found := checkerFindings(t, factless, []*packages.Package{p})
				got[p.PkgPath] = found[p.PkgPath]
			}
			compared := 0
			for _, p := range pkgs {
				if !slices.Equal(want[p.PkgPath], got[p.PkgPath]) {
					t.Errorf("%s: factless found\n\t%s\nwant (New)\n\t%s", p.PkgPath,
						strings.Join(got[p.PkgPath], "\n\t"), strings.Join(want[p.PkgPath], "\n\t"))
				}
				compared += len(want[p.PkgPath])
			}
			if compared < 100 {
				t.Errorf("only %d findings compared: the fixtures did not load", compared)
			}
		})
	}

	// The cost: carrierfacts/user analyzed by a fresh analyzer that never
	// saw carrierfacts/sdk or carrierfacts/wrap keeps the findings its
	// imports' types show and loses those of their functions.
	var user *packages.Package
	for _, p := range pkgs {
		if p.PkgPath == "carrierfacts/user" {
			user = p
		}
	}
	got := checkerFindings(t, must(newFactless(analyzer.Config{}, "")), []*packages.Package{user})[user.PkgPath]
	if len(got) != 0 {
		t.Errorf("carrierfacts/user alone: got %q, want nothing: every finding there needs an imported function's fact", got)
	}

	// A later process (golangci-lint re-analyzing only the edited user)
	// reads the facts an earlier one kept, while the files they were
	// computed from are unchanged.
	factsDir := t.TempDir()
	earlier := must(newFactless(analyzer.Config{}, factsDir))
	for _, p := range ordered {
		if strings.HasPrefix(p.PkgPath, "carrierfacts/") && p != user {
			checkerFindings(t, earlier, []*packages.Package{p})
		}
	}
	want := checkerFindings(t, must(analyzer.New(analyzer.Config{})), []*packages.Package{user})[user.PkgPath]
	got = checkerFindings(t, must(newFactless(analyzer.Config{}, factsDir)), []*packages.Package{user})[user.PkgPath]
	if len(want) != 6 || !slices.Equal(got, want) {
		t.Errorf("carrierfacts/user after sdk and wrap in an earlier process: got\n\t%s\nwant (New)\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	// Only packages that export something keep a record (user exposes
	// carriers through its imports); one that exports nothing keeps none.
	if records := factRecords(t, factsDir); len(records) != 3 {
		t.Errorf("facts records after sdk, wrap and user: %q, want 3", records)
	}
	for _, p := range ordered {
		if p.PkgPath == "silenthttp" {
			checkerFindings(t, must(newFactless(analyzer.Config{}, factsDir)), []*packages.Package{p})
		}
	}
	if records := factRecords(t, factsDir); len(records) != 3 {
		t.Errorf("facts records after silenthttp, which exports nothing: %q, want the 3 before", records)
	}
	// Once sdk's files change, its kept facts are not used (the driver
	// would analyze it again).
	sdk := filepath.Join(dir, "src", "carrierfacts", "sdk", "sdk.go")
	data, err := os.ReadFile(sdk)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(sdk, append(data, "\n// edited\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	got = checkerFindings(t, must(newFactless(analyzer.Config{}, factsDir)), []*packages.Package{user})[user.PkgPath]
	if len(got) != 2 || !strings.Contains(got[0], "40001") || !strings.Contains(got[1], "40001") {
		t.Errorf("carrierfacts/user after sdk changed: got %q, want only the two findings through wrap (whose files did not change)", got)
	}

	// Once sdk carries no code, the driver analyzes sdk and wrap again
	// (wrap's dependency changed, its files did not): wrap now exports
	// nothing and its old record must go, or user would still find 40001
	// through it.
	for _, tag := range []string{`json:"errcode"`, `json:"resultStatus"`} {
		data = []byte(strings.ReplaceAll(string(data), tag, `json:"other"`))
	}
	if err := os.WriteFile(sdk, data, 0o644); err != nil {
		t.Fatal(err)
	}
	reloaded, err := packages.Load(cfg, "carrierfacts/...")
	if err != nil {
		t.Fatal(err)
	}
	later := must(newFactless(analyzer.Config{}, factsDir))
	user = nil
	packages.Visit(reloaded, nil, func(p *packages.Package) {
		switch p.PkgPath {
		case "carrierfacts/sdk", "carrierfacts/wrap":
			checkerFindings(t, later, []*packages.Package{p})
		case "carrierfacts/user":
			user = p
		}
	})
	if got := checkerFindings(t, must(newFactless(analyzer.Config{}, factsDir)), []*packages.Package{user})[user.PkgPath]; len(got) != 0 {
		t.Errorf("carrierfacts/user after sdk stopped carrying codes: got %q, want nothing", got)
	}
	if records := factRecords(t, factsDir); len(records) != 0 {
		t.Errorf("facts records after sdk stopped carrying codes: %q, want none", records)
	}
}

// factRecords returns the names of the facts records kept in dir.
func factRecords(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".json") {
			names = append(names, e.Name())
		}
	}
	return names
}

// newFactless returns the analysis.Analyzer of New(cfg, factsDir).
func newFactless(cfg analyzer.Config, factsDir string) (*analysis.Analyzer, error) {
	a, err := factless.New(cfg, factsDir)
	if err != nil {
		return nil, err
	}
	return a.Analyzer, nil
}

func must(a *analysis.Analyzer, err error) *analysis.Analyzer {
	if err != nil {
		panic(err)
	}
	return a
}

// checkerFindings runs a on pkgs and returns each package's diagnostics as
// "file:line:col: message" lines.
func checkerFindings(t *testing.T, a *analysis.Analyzer, pkgs []*packages.Package) map[string][]string {
	t.Helper()
	g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string][]string)
	for act := range g.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			out[act.Package.PkgPath] = append(out[act.Package.PkgPath], "error: "+act.Err.Error())
		}
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			out[act.Package.PkgPath] = append(out[act.Package.PkgPath],
				fmt.Sprintf("%s:%d:%d: %s", filepath.Base(pos.Filename), pos.Line, pos.Column, d.Message))
		}
	}
	return out
}
