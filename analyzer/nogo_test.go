package analyzer_test

import (
	"encoding/json"
	"flag"
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
	"github.com/errcodevet/errcodevet/internal/testmodule"
)

// Bazel's nogo imports the analyzer package, takes its exported Analyzer
// and configures it only through Analyzer.Flags.Set(name, value), with the
// strings of the analyzer_flags in its JSON config. These tests do the
// same with the config docs/nogo.md shows.

// Analyzer must be an exported *analysis.Analyzer named errcodevet: nogo
// generates `analyzer.Analyzer` and its config is keyed by the name.
var _ *analysis.Analyzer = analyzer.Analyzer

// nogoConfig returns the analyzer_flags of errcodevet in the nogo.json of
// docs/nogo.md.
func nogoConfig(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "docs", "nogo.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```json\n(.*?)```").FindSubmatch(data)
	if m == nil {
		t.Fatal("docs/nogo.md has no JSON config")
	}
	var config map[string]struct {
		AnalyzerFlags map[string]string `json:"analyzer_flags"`
	}
	if err := json.Unmarshal(m[1], &config); err != nil {
		t.Fatalf("docs/nogo.md: the JSON config: %v", err)
	}
	flags, ok := config[analyzer.Analyzer.Name]
	if !ok {
		t.Fatalf("docs/nogo.md: the JSON config has no key %q", analyzer.Analyzer.Name)
	}
	return flags.AnalyzerFlags
}

// setFlags sets flags on analyzer.Analyzer as nogo does, and restores the
// defaults when the test ends.
func setFlags(t *testing.T, flags map[string]string) {
	t.Helper()
	t.Cleanup(func() {
		for name, value := range map[string]string{
			"checks": "all", "catalog": "", "include-success": "false", "include-tests": "false", "retry-funcs": "", "give-up-funcs": "",
		} {
			if err := analyzer.Analyzer.Flags.Set(name, value); err != nil {
				t.Errorf("restoring -%s: %v", name, err)
			}
		}
	})
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range flags {
			if !yield(name) {
				return
			}
		}
	})
	for _, name := range names {
		if err := analyzer.Analyzer.Flags.Set(name, flags[name]); err != nil {
			t.Fatalf("Flags.Set(%q, %q): %v", name, flags[name], err)
		}
	}
}

func TestNogoName(t *testing.T) {
	if analyzer.Analyzer.Name != "errcodevet" {
		t.Errorf("Analyzer.Name = %q, want errcodevet", analyzer.Analyzer.Name)
	}
}

// TestNogoConfigDocumented checks that the documented config sets every
// flag, each from a string.
func TestNogoConfigDocumented(t *testing.T) {
	flags := nogoConfig(t)
	analyzer.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
		if _, ok := flags[f.Name]; !ok {
			t.Errorf("docs/nogo.md: the config does not show the flag %s", f.Name)
		}
	})
	for name := range flags {
		if analyzer.Analyzer.Flags.Lookup(name) == nil {
			t.Errorf("docs/nogo.md: the config sets %s, which is not a flag", name)
		}
	}
	// The documented catalog path is relative to the execution root.
	root := t.TempDir()
	writeCatalog(t, filepath.Join(root, filepath.FromSlash(flags["catalog"])))
	t.Chdir(root)
	setFlags(t, flags)
}

// TestNogoREADME checks the nogo config in the README: its flags exist
// and take its values.
func TestNogoREADME(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range regexp.MustCompile("(?s)```json\n(.*?)```").FindAllSubmatch(data, -1) {
		var config map[string]struct {
			AnalyzerFlags map[string]string `json:"analyzer_flags"`
		}
		if err := json.Unmarshal(m[1], &config); err != nil || config[analyzer.Analyzer.Name].AnalyzerFlags == nil {
			continue // not a nogo config
		}
		n++
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			setFlags(t, config[analyzer.Analyzer.Name].AnalyzerFlags)
		})
	}
	if n == 0 {
		t.Error("README.md shows no nogo config")
	}
}

// acmeCatalog adds the family acme: string codes in json field errorCode.
const acmeCatalog = `family: acme
title: ACME Pay
codes:
  kind: string
  carriers:
    json: [errorCode]
  success: [OK]
  documented:
    - value: RATE_LIMITED
      name: RateLimited
      message: Too many requests.
      action: Slow down.
      retry: reduce-traffic
  known:
    - value: OK
`

func writeCatalog(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(acmeCatalog), 0o644); err != nil {
		t.Fatal(err)
	}
}

const nogoAppGo = `package app

import (
	"errors"

	"github.com/errcodevet/errcodevet/miniprogram"
)

type Response struct {
	ErrCode int ` + "`json:\"errcode\"`" + `
}

type Result struct {
	ResultStatus string ` + "`json:\"resultStatus\"`" + `
}

type Reply struct {
	ErrorCode string ` + "`json:\"errorCode\"`" + `
}

func ok(resp *Response) bool {
	return resp.ErrCode == 0 // line 22: include-success
}

func never(res Result) bool {
	return res.ResultStatus == "X" // line 26: unknown-code, not in checks
}

func limited(r Reply) bool {
	return r.ErrorCode == "RATE_LIMITED" // line 30: acme, from the catalog
}

// Settle resolves an unknown outcome; only retry-funcs says so.
func Settle() {}

func settle(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown { // line 37: retry-unknown, unless retry-funcs
		Settle()
		return errors.New("pending")
	}
	return nil
}
`

const nogoAppTestGo = `package app

func expired(resp *Response) bool {
	return resp.ErrCode == 42001 // line 4: include-tests
}
`

// findings runs analyzer.Analyzer on the packages of dir, with tests, and
// returns its findings as "check file:line".
func findings(t *testing.T, dir string) []string {
	t.Helper()
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   dir,
		Env:   testmodule.Env(),
		Tests: true,
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
	})
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			out = append(out, fmt.Sprintf("%s %s:%d", d.Category, filepath.Base(p.Filename), p.Line))
		}
	}
	slices.Sort(out)
	return slices.Compact(out) // a package and its test variant
}

// TestNogoFlags sets every flag from a string, as nogo does, and checks
// that each one takes effect.
func TestNogoFlags(t *testing.T) {
	dir := testmodule.New(t, map[string]string{"app/app.go": nogoAppGo, "app/app_test.go": nogoAppTestGo})
	catalog := filepath.Join(t.TempDir(), "acme.yaml")
	writeCatalog(t, catalog)

	if got, want := findings(t, dir), []string{"retry-unknown app.go:37", "unknown-code app.go:26"}; !slices.Equal(got, want) {
		t.Fatalf("with the defaults: %q, want %q", got, want)
	}

	setFlags(t, map[string]string{
		"checks":          "magic-code,string-code,retry-unknown,retry-final", // unknown-code off
		"catalog":         catalog,                                            // the acme family
		"include-success": "true",                                             // errcode 0
		"include-tests":   "true",                                             // app_test.go
		"retry-funcs":     "example.com/fixture/app.Settle",                   // Settle retries
	})
	want := []string{
		"magic-code app.go:22",
		"magic-code app_test.go:4",
		"string-code app.go:30",
	}
	if got := findings(t, dir); !slices.Equal(got, want) {
		t.Errorf("with every flag set: %q, want %q", got, want)
	}
}

// TestNogoBadFlags checks that nogo gets a clear error for a bad value and
// that the analyzer keeps its last good configuration.
func TestNogoBadFlags(t *testing.T) {
	setFlags(t, map[string]string{"checks": "magic-code"})
	for _, tc := range []struct{ name, value, want string }{
		{"checks", "magic-code,nope", `unknown check "nope" (known: magic-code, `},
		{"catalog", "no/such/file.yaml", "open no/such/file.yaml: no such file or directory"},
		{"include-success", "yes", `want true or false, got "yes"`},
		{"include-tests", "1x", `want true or false, got "1x"`},
		{"retry-funcs", "Retry", `retry function "Retry" is not of the form import/path.Func or import/path.Type.Method`},
	} {
		err := analyzer.Analyzer.Flags.Set(tc.name, tc.value)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Flags.Set(%q, %q) = %v, want an error containing %q", tc.name, tc.value, err, tc.want)
		}
	}
	dir := testmodule.New(t, map[string]string{"app/app.go": nogoAppGo})
	if got := findings(t, dir); len(got) != 0 {
		t.Errorf("after bad values, with checks=magic-code: %q, want none", got)
	}
}
