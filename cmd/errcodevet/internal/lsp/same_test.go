package lsp

import (
	"fmt"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/analyzer"
)

// TestSameFindings is the guard of the server's loading and analysis: for
// every fixture package of the analyzer, the diagnostics the server
// publishes for its files (workspace packages from source, analyzed in
// dependency order by a factless analyzer; the rest from export data) are
// those of the fact-declaring analyzer under x/tools' checker with every
// package loaded from source: same ranges, checks, messages and related
// information.
func TestSameFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every fixture package")
	}
	gopath, dirs := fixtureGOPATH(t)
	env := append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS=", "GOWORK=off")
	for _, cfg := range []analyzer.Config{{IncludeSuccess: true}} {
		t.Run(fmt.Sprintf("%+v", cfg), func(t *testing.T) {
			// What the command-line driver finds, all from source, with facts.
			a, err := analyzer.New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			var patterns []string
			for _, d := range dirs {
				rel, _ := filepath.Rel(filepath.Join(gopath, "src"), d)
				patterns = append(patterns, filepath.ToSlash(rel))
			}
			pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: filepath.Join(gopath, "src"), Env: env}, patterns...)
			if err != nil {
				t.Fatal(err)
			}
			graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := make(map[string][]string) // by file
			for _, act := range graph.Roots {
				for _, d := range act.Diagnostics {
					name, line := describe(t, act.Package, d)
					want[name] = append(want[name], line)
				}
			}

			// What the server publishes, every fixture file open at once.
			c := startServer(t, Options{Analyzer: newAnalyzer(t, cfg), Env: env})
			c.initialize(nil)
			open := make(map[string]string) // URI -> path
			for _, d := range dirs {
				files, _ := filepath.Glob(filepath.Join(d, "*.go"))
				for _, f := range files {
					if strings.HasSuffix(f, "_test.go") {
						continue
					}
					open[c.open(f, readFile(t, f))] = f
				}
			}
			got := make(map[string][]string)
			published := make(map[string]bool)
			deadline := time.After(waitLimit)
			for len(published) < len(open) {
				select {
				case p := <-c.diags:
					path, ok := open[p.URI]
					if !ok || published[p.URI] {
						continue
					}
					published[p.URI] = true
					for _, d := range p.Diagnostics {
						got[path] = append(got[path], describeLSP(d))
					}
				case <-deadline:
					t.Fatalf("%d of %d files got diagnostics within %v", len(published), len(open), waitLimit)
				}
			}

			compared := 0
			for _, path := range slices.Sorted(maps.Keys(open)) {
				name := open[path]
				w, g := want[name], got[name]
				slices.Sort(w)
				slices.Sort(g)
				if !slices.Equal(g, w) {
					t.Errorf("%s: the server published\n\t%s\nwant (the driver's, with facts, all from source)\n\t%s", name, strings.Join(g, "\n\t"), strings.Join(w, "\n\t"))
				}
				compared += len(w)
			}
			if compared < 100 {
				t.Errorf("only %d findings compared: the fixtures did not load", compared)
			}
		})
	}
}

// describe returns the file of d and a line naming its range (as the
// server maps it), check, message and related information.
func describe(t *testing.T, pkg *packages.Package, d analysis.Diagnostic) (string, string) {
	t.Helper()
	rangeOf := func(pos, end token.Pos) (string, lspRange) {
		tf := pkg.Fset.File(pos)
		m := newMapper([]byte(readFile(t, tf.Name())))
		if !end.IsValid() {
			end = pos
		}
		r, err := m.rangeOf(tf.Offset(pos), tf.Offset(end))
		if err != nil {
			t.Fatal(err)
		}
		return filepath.Clean(tf.Name()), r
	}
	name, r := rangeOf(d.Pos, d.End)
	line := fmt.Sprintf("%v %s %s", r, d.Category, d.Message)
	for _, rel := range d.Related {
		relName, rr := rangeOf(rel.Pos, rel.End)
		line += fmt.Sprintf(" | %s %v %s", filepath.Base(relName), rr, rel.Message)
	}
	return name, line
}

func describeLSP(d diagnostic) string {
	line := fmt.Sprintf("%v %s %s", d.Range, d.Code, d.Message)
	for _, rel := range d.RelatedInformation {
		path, _ := uriToPath(rel.Location.URI)
		line += fmt.Sprintf(" | %s %v %s", filepath.Base(path), rel.Location.Range, rel.Message)
	}
	return line
}

// fixtureGOPATH returns a GOPATH holding the analyzer's fixtures and the
// constants packages they import, and the fixture packages' directories.
func fixtureGOPATH(t *testing.T) (string, []string) {
	t.Helper()
	gopath := t.TempDir()
	root := filepath.Join("..", "..", "..", "..")
	src := filepath.Join(gopath, "src")
	if err := os.CopyFS(src, os.DirFS(filepath.Join(root, "testdata", "src"))); err != nil {
		t.Fatal(err)
	}
	for _, pkg := range []string{"wechat", "miniprogram"} {
		if err := os.CopyFS(filepath.Join(src, "github.com", "errcodevet", "errcodevet", pkg), os.DirFS(filepath.Join(root, pkg))); err != nil {
			t.Fatal(err)
		}
	}
	var dirs []string
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if rel, _ := filepath.Rel(src, path); strings.HasPrefix(rel, filepath.Join("github.com", "errcodevet")) {
			return filepath.SkipDir // the constants packages: real code, not fixtures
		}
		if files, _ := filepath.Glob(filepath.Join(path, "*.go")); slices.ContainsFunc(files, func(f string) bool { return !strings.HasSuffix(f, "_test.go") }) {
			dirs = append(dirs, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return gopath, dirs
}
