package analyzer_test

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/analyzer"
)

// A finding, reduced to what tests compare.
type finding struct {
	Line     int
	Category string
	Message  string
}

func (f finding) String() string { return fmt.Sprintf("%d: [%s] %s", f.Line, f.Category, f.Message) }

// analyze writes files as the package "checkexample" of a temp GOPATH that
// holds the real constants packages and the fixture retry libraries, runs a
// on it, and returns its findings
// sorted by line. Loading or analysis errors fail the test.
func analyze(t *testing.T, a *analysis.Analyzer, files map[string]string) []finding {
	t.Helper()
	dir := t.TempDir()
	for _, lib := range []string{"github.com/cenkalti", "github.com/avast", "github.com/sethvargo", "github.com/hashicorp", "k8s.io"} {
		if err := os.CopyFS(filepath.Join(dir, "src", lib), os.DirFS(filepath.Join("..", "testdata", "src", lib))); err != nil {
			t.Fatal(err)
		}
	}
	for _, pkg := range []string{"wechat", "miniprogram"} {
		dst := filepath.Join(dir, "src", "github.com", "errcodevet", "errcodevet", pkg)
		if err := os.CopyFS(dst, os.DirFS(filepath.Join("..", pkg))); err != nil {
			t.Fatal(err)
		}
	}
	pkgDir := filepath.Join(dir, "src", "checkexample")
	if err := os.MkdirAll(pkgDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(pkgDir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, "checkexample")
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, err := range p.Errors {
			t.Fatalf("loading %s: %v", p.PkgPath, err)
		}
	})
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []finding
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("analysis of %s: %v", act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			f := finding{act.Package.Fset.Position(d.Pos).Line, d.Category, d.Message}
			checkDiagnostic(t, f, d)
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b finding) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), strings.Compare(a.Category, b.Category), strings.Compare(a.Message, b.Message))
	})
	return out
}

var fixMessage = regexp.MustCompile(`^Use \S+ instead of \S+$`)

// checkDiagnostic checks what every diagnostic must have: a URL into the
// documentation of its check (or of suppression, for directive findings),
// and at most one fix, named by a verb phrase.
func checkDiagnostic(t *testing.T, f finding, d analysis.Diagnostic) {
	t.Helper()
	want := analyzer.DocsURL + "#" + f.Category
	if f.Category == "directive" {
		want = analyzer.DocsURL + "#suppressing-a-finding"
	}
	if d.URL != want {
		t.Errorf("%s: URL %q, want %q", f, d.URL, want)
	}
	if len(d.SuggestedFixes) > 1 {
		t.Errorf("%s: %d fixes, want at most one", f, len(d.SuggestedFixes))
	}
	for _, fix := range d.SuggestedFixes {
		if !fixMessage.MatchString(fix.Message) {
			t.Errorf("%s: fix message %q is not of the form \"Use X instead of Y\"", f, fix.Message)
		}
		// One edit per position: drivers that drop only adjacent duplicate
		// edits (golangci-lint) would otherwise apply an import twice.
		for i := range fix.TextEdits {
			for j := range i {
				if fix.TextEdits[i].Pos == fix.TextEdits[j].Pos {
					t.Errorf("%s: fix has two edits at one position", f)
				}
			}
		}
	}
}

// checkFindings fails the test unless got lists exactly want, in order.
func checkFindings(t *testing.T, got []finding, want ...finding) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", joinFindings(got), joinFindings(want))
	}
}

func joinFindings(fs []finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\t%s\n", f)
	}
	if len(fs) == 0 {
		b.WriteString("\t(none)\n")
	}
	return b.String()
}
