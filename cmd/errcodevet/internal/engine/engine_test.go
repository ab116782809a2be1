package engine_test

import (
	"fmt"
	"go/token"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/cmd/errcodevet/internal/engine"
	"github.com/errcodevet/errcodevet/internal/factless"
	"github.com/errcodevet/errcodevet/internal/testmodule"
)

// TestSameFindings is the guard of the engine: over every fixture package,
// with and without tests, the factless analyzer run by the engine (the
// packages from source, their dependencies from export data) finds exactly
// what the fact-declaring analyzer finds under x/tools' checker with every
// package loaded from source: the same positions, checks, messages,
// related information and fixes.
func TestSameFindings(t *testing.T) {
	dir, patterns := fixtures(t)
	for _, cfg := range []analyzer.Config{{}, {IncludeTests: true, IncludeSuccess: true}} {
		t.Run(fmt.Sprintf("%+v", cfg), func(t *testing.T) {
			env := append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS=")
			all, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: filepath.Join(dir, "src"), Env: env, Tests: cfg.IncludeTests}, patterns...)
			if err != nil {
				t.Fatal(err)
			}
			want := findings(t, must(t)(analyzer.New(cfg)), func(a *analysis.Analyzer) (*checker.Graph, error) {
				return checker.Analyze([]*analysis.Analyzer{a}, all, nil)
			})

			prog, err := engine.Load(&packages.Config{Dir: filepath.Join(dir, "src"), Env: env, Tests: cfg.IncludeTests}, patterns...)
			if err != nil {
				t.Fatal(err)
			}
			fromExport := 0
			packages.Visit(prog.Packages, nil, func(p *packages.Package) {
				if p.Types != nil && p.Syntax == nil {
					fromExport++
				}
			})
			if fromExport == 0 {
				t.Errorf("no dependency was loaded from export data")
			}
			fa := newFactless(t, cfg)
			got := findings(t, fa.Analyzer, func(*analysis.Analyzer) (*checker.Graph, error) {
				return prog.Analyze(fa, nil)
			})

			compared := 0
			for id, w := range want {
				if !slices.Equal(got[id], w) {
					t.Errorf("%s: the engine found\n\t%s\nwant (facts, all from source)\n\t%s", id, strings.Join(got[id], "\n\t"), strings.Join(w, "\n\t"))
				}
				compared += len(w)
			}
			for id, g := range got {
				if _, ok := want[id]; !ok {
					t.Errorf("%s: the engine found\n\t%s\nwant nothing", id, strings.Join(g, "\n\t"))
				}
			}
			if compared < 100 {
				t.Errorf("only %d findings compared: the fixtures did not load", compared)
			}
		})
	}
}

// TestDependenciesFromSource is the guard for what the engine loads from
// export data: the fixture packages that import other fixture packages,
// analyzed without them (as "errcodevet ./user" analyzes user without
// sdk), find what the fact-declaring analyzer finds with every package
// from source: the engine must load from source the imports that can
// export facts (factless.Rule).
func TestDependenciesFromSource(t *testing.T) {
	dir, patterns := fixtures(t)
	env := append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS=")
	src := filepath.Join(dir, "src")
	all, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: src, Env: env}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	want := findings(t, must(t)(analyzer.New(analyzer.Config{})), func(a *analysis.Analyzer) (*checker.Graph, error) {
		return checker.Analyze([]*analysis.Analyzer{a}, all, nil)
	})
	// The fixture packages that import others and that no other imports,
	// loaded together: the fixture packages they import are dependencies.
	importers, imported := make(map[string]bool), make(map[string]bool)
	for _, p := range all {
		for _, imp := range p.Imports {
			if slices.Contains(patterns, imp.PkgPath) {
				importers[p.PkgPath] = true
				imported[imp.PkgPath] = true
			}
		}
	}
	var top []string
	for path := range importers {
		if !imported[path] {
			top = append(top, path)
		}
	}
	if len(top) < 5 {
		t.Fatalf("only %d fixture packages import others: %v", len(top), top)
	}
	prog, err := engine.Load(&packages.Config{Dir: src, Env: env}, top...)
	if err != nil {
		t.Fatal(err)
	}
	// Twice: the second run takes the rule's answers kept by the first
	// (Program.VerdictsDir).
	prog.VerdictsDir = t.TempDir()
	compared := 0
	for run := 1; run <= 2; run++ {
		fa := newFactless(t, analyzer.Config{})
		got := findings(t, fa.Analyzer, func(*analysis.Analyzer) (*checker.Graph, error) {
			return prog.Analyze(fa, nil)
		})
		for _, path := range top {
			if !slices.Equal(got[path], want[path]) {
				t.Errorf("run %d: %s without its imports: the engine found\n\t%s\nwant (facts, all from source)\n\t%s", run, path, strings.Join(got[path], "\n\t"), strings.Join(want[path], "\n\t"))
			}
			compared += len(want[path])
		}
		if _, err := os.Stat(filepath.Join(prog.VerdictsDir, "dependency-carriers.txt")); err != nil {
			t.Errorf("run %d kept no verdicts: %v", run, err)
		}
	}
	if compared < 10 {
		t.Errorf("only %d findings compared", compared)
	}
	t.Logf("%d packages analyzed without their fixture imports, %d findings compared: %v", len(top), compared, top)
}

// TestSequential checks the order of passes with opts.Sequential, where
// a pass waiting for a later package would never end.
func TestSequential(t *testing.T) {
	dir, _ := fixtures(t)
	env := append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS=")
	patterns := []string{"carrierfacts/user", "carrierfacts/wrap", "carrierfacts/sdk"} // importers first
	prog, err := engine.Load(&packages.Config{Dir: filepath.Join(dir, "src"), Env: env}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	fa := newFactless(t, analyzer.Config{})
	got := findings(t, fa.Analyzer, func(*analysis.Analyzer) (*checker.Graph, error) {
		return prog.Analyze(fa, &checker.Options{Sequential: true})
	})
	if n := len(got["carrierfacts/user"]); n != 6 {
		t.Errorf("carrierfacts/user: %d findings, want the 6 that need sdk's and wrap's facts:\n\t%s", n, strings.Join(got["carrierfacts/user"], "\n\t"))
	}
}

// fixtures returns a GOPATH holding the analyzer's fixtures and the
// constants packages they import, and the fixture packages' paths.
func fixtures(t *testing.T) (dir string, patterns []string) {
	return testmodule.FixtureGOPATH(t)
}

func newFactless(t *testing.T, cfg analyzer.Config) *factless.Analyzer {
	a, err := factless.New(cfg, "")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func must(t *testing.T) func(*analysis.Analyzer, error) *analysis.Analyzer {
	return func(a *analysis.Analyzer, err error) *analysis.Analyzer {
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
}

// findings runs a by analyze and returns each root package's diagnostics
// (by package ID, sorted), with everything a driver prints or applies: position,
// check, message, related information and fixes.
func findings(t *testing.T, a *analysis.Analyzer, analyze func(*analysis.Analyzer) (*checker.Graph, error)) map[string][]string {
	t.Helper()
	g, err := analyze(a)
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string][]string)
	for _, act := range g.Roots {
		fset := act.Package.Fset
		at := func(pos, end token.Pos) string {
			s, e := fset.Position(pos), fset.Position(end)
			return fmt.Sprintf("%s:%d:%d-%d:%d", filepath.Base(s.Filename), s.Line, s.Column, e.Line, e.Column)
		}
		var lines []string
		if act.Err != nil {
			lines = append(lines, "error: "+act.Err.Error())
		}
		for _, d := range act.Diagnostics {
			line := fmt.Sprintf("%s: %s (%s) %s", at(d.Pos, d.End), d.Message, d.Category, d.URL)
			for _, r := range d.Related {
				line += fmt.Sprintf("\n\t\trelated %s: %s", at(r.Pos, r.End), r.Message)
			}
			for _, f := range d.SuggestedFixes {
				line += "\n\t\tfix " + f.Message
				for _, e := range f.TextEdits {
					line += fmt.Sprintf("\n\t\t\t%s: %q", at(e.Pos, e.End), e.NewText)
				}
			}
			lines = append(lines, line)
		}
		if len(lines) > 0 {
			// Files are parsed in parallel: their positions' order, and so
			// the diagnostics', varies from one load to another.
			slices.Sort(lines)
			out[act.Package.ID] = lines
		}
	}
	return out
}

// TestLoadFailingGoList: when go list fails for the whole load (here a
// go.mod that needs updating: the module imports a package of a module it
// requires only indirectly), Load says why instead of loading nothing,
// as go vet fails on the same module.
func TestLoadFailingGoList(t *testing.T) {
	dir := t.TempDir()
	testmodule.WriteFiles(t, dir, map[string]string{
		"go.mod":   "module example.com/a\n\ngo 1.22\n\nrequire example.com/b v0.0.0\n\nreplace example.com/b => ./b\n\nreplace example.com/c => ./c\n",
		"a.go":     "package a\n\nimport \"example.com/b\"\n\nvar Z = b.X\n",
		"b/go.mod": "module example.com/b\n\ngo 1.22\n\nrequire example.com/c v0.0.0\n",
		"b/b.go":   "package b\n\nimport \"example.com/c\"\n\nvar X = c.Y\n",
		"c/go.mod": "module example.com/c\n\ngo 1.22\n",
		"c/c.go":   "package c\n\nvar Y = 1\n",
	})
	prog, err := engine.Load(&packages.Config{Dir: dir, Env: testmodule.Env()}, "./...")
	if err == nil {
		t.Fatalf("Load: no error, %d packages; want go list's error", len(prog.Packages))
	}
	if !strings.Contains(err.Error(), "go mod tidy") {
		t.Errorf("Load: %v; want go list's advice to run go mod tidy", err)
	}
}

// TestRootsNotCompiled: Load type-checks the packages matching the
// patterns from source and has the go command compile only their
// dependencies, as go vet does: compiling a package of the patterns for
// export data nobody reads made a package of one large generated file take
// 6-8x go vet's time (issue 24.8). A -toolexec wrapper records every tool
// the go command runs; the packages' text is new to the build cache, so
// that a compile would show. The module's own dependency (dep), which the
// root imports, is compiled; a package that imports a root (with -test,
// the external test's dependency on it) is checked from source too.
func TestRootsNotCompiled(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the -toolexec wrapper is a shell script")
	}
	dir := t.TempDir()
	nonce := fmt.Sprintf("// %d\n", time.Now().UnixNano())
	testmodule.WriteFiles(t, dir, map[string]string{
		"go.mod":          "module example.com/r\n\ngo 1.22\n",
		"root/root.go":    "package root\n\nimport (\n\t\"strconv\"\n\n\t\"example.com/r/dep\"\n)\n\nfunc F(x int) string { return strconv.Itoa(x + dep.N) }\n" + nonce,
		"root/x_test.go":  "package root_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/r/root\"\n\t\"example.com/r/user\"\n)\n\nfunc TestF(t *testing.T) { _ = root.F(user.G()) }\n" + nonce,
		"user/user.go":    "package user\n\nimport \"example.com/r/root\"\n\nfunc G() int { return len(root.F(1)) }\n" + nonce,
		"dep/dep.go":      "package dep\n\nconst N = 1\n" + nonce,
		"toolexec/log.sh": "#!/bin/sh\necho \"$@\" >> \"$TOOLEXEC_LOG\"\nexec \"$@\"\n",
	})
	script := filepath.Join(dir, "toolexec", "log.sh")
	if err := os.Chmod(script, 0o755); err != nil {
		t.Fatal(err)
	}
	logFile := filepath.Join(dir, "tools.log")
	env := append(testmodule.Env(), "GOFLAGS=-toolexec="+script, "TOOLEXEC_LOG="+logFile)
	defer engine.SetHugeFileLines(5)() // root.go is huge: 9 lines
	prog, err := engine.Load(&packages.Config{Dir: dir, Env: env, Tests: true}, "./root")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range prog.Packages {
		ids = append(ids, p.ID)
		if len(p.Errors) > 0 {
			t.Errorf("%s: %v", p.ID, p.Errors)
		}
		if strings.HasSuffix(p.ID, ".test") {
			continue // the generated test main: no files
		}
		if p.Types == nil || len(p.Syntax) == 0 || p.TypesInfo == nil {
			t.Errorf("%s: not checked from source", p.ID)
		}
	}
	if len(prog.Packages) != 3 {
		t.Errorf("packages %v, want root, its external test and the test main", ids)
	}
	data, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatalf("no tool ran: %v", err)
	}
	compiled := make(map[string]bool)
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || filepath.Base(f[0]) != "compile" {
			continue
		}
		if i := slices.Index(f, "-p"); i >= 0 && i+1 < len(f) {
			compiled[f[i+1]] = true
		}
	}
	for _, path := range []string{"example.com/r/root", "example.com/r/root_test", "example.com/r/user"} {
		if compiled[path] {
			t.Errorf("the go command compiled %s, which Load type-checks from source", path)
		}
	}
	if !compiled["example.com/r/dep"] {
		t.Errorf("the go command did not compile example.com/r/dep (compiled %v): the wrapper saw nothing?", slices.Sorted(maps.Keys(compiled)))
	}
}

// TestUnreadableExportData: a dependency whose export data cannot be read
// (here the build cache's file overwritten, size kept, in a build cache of
// the test's own) is one error, said once with the dependency however
// many packages import it, and those packages are not checked against
// half-read types: they are ill-typed.
func TestUnreadableExportData(t *testing.T) {
	dir := t.TempDir()
	testmodule.WriteFiles(t, dir, map[string]string{
		"go.mod":   "module example.com/u\n\ngo 1.22\n",
		"dep/d.go": "package dep\n\nconst N = 1\n",
		"a/a.go":   "package a\n\nimport \"example.com/u/dep\"\n\nvar X = dep.N\n",
		"b/b.go":   "package b\n\nimport \"example.com/u/dep\"\n\nvar Y = dep.N\n",
	})
	env := append(testmodule.Env(), "GOCACHE="+filepath.Join(dir, "gocache"))
	cmd := exec.Command("go", "list", "-export", "-f", "{{.Export}}", "example.com/u/dep")
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -export: %v", err)
	}
	export := strings.TrimSpace(string(out))
	fi, err := os.Stat(export)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(export, []byte(strings.Repeat("x", int(fi.Size()))), 0o644); err != nil {
		t.Fatal(err)
	}
	// Through go/packages, and as a package with a huge file loads.
	for _, huge := range []int{0, 1} {
		if huge > 0 {
			defer engine.SetHugeFileLines(huge)()
		}
		prog, err := engine.Load(&packages.Config{Dir: dir, Env: env}, "./a", "./b")
		if err != nil {
			t.Fatal(err)
		}
		var said []string
		packages.Visit(prog.Packages, nil, func(p *packages.Package) {
			for _, e := range p.Errors {
				said = append(said, p.PkgPath+": "+e.Msg)
			}
		})
		if len(said) != 1 || !strings.HasPrefix(said[0], "example.com/u/dep: reading ") || !strings.Contains(said[0], "export data") {
			t.Errorf("huge file lines %d: errors %q, want one, dep's, about its export data", huge, said)
		}
		for _, p := range prog.Packages {
			if !p.IllTyped {
				t.Errorf("huge file lines %d: %s is not ill-typed: it imports dep, whose types did not load", huge, p.PkgPath)
			}
		}
	}
}
