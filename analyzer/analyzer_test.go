package analyzer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/internal/testmodule"
)

// gopath returns a GOPATH holding the fixtures of testdata/src and, beside
// them, the real constants packages, so that fixtures import them as users do.
func gopath(t *testing.T) string {
	dir, _ := testmodule.FixtureGOPATH(t)
	return dir
}

func newAnalyzer(t *testing.T, cfg analyzer.Config) *analysis.Analyzer {
	t.Helper()
	a, err := analyzer.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// runFixes runs a on pkgs, checks the want comments and the .golden files,
// then type-checks the golden files: every fix must compile.
func runFixes(t *testing.T, a *analysis.Analyzer, pkgs ...string) {
	t.Helper()
	dir := gopath(t)
	analysistest.RunWithSuggestedFixes(t, dir, a, pkgs...)
	typeCheckGolden(t, dir, pkgs...)
}

// typeCheckGolden replaces each fixture file that has a .golden with it,
// then loads and type-checks the packages.
func typeCheckGolden(t *testing.T, dir string, pkgs ...string) {
	t.Helper()
	for _, pkg := range pkgs {
		pkgDir := filepath.Join(dir, "src", pkg)
		entries, err := os.ReadDir(pkgDir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			name, ok := strings.CutSuffix(e.Name(), ".golden")
			if !ok {
				continue
			}
			data, err := os.ReadFile(filepath.Join(pkgDir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(pkgDir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	cfg := &packages.Config{
		Mode:  packages.NeedTypes | packages.NeedSyntax | packages.NeedName,
		Dir:   dir,
		Env:   append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off"),
		Tests: true,
	}
	loaded, err := packages.Load(cfg, pkgs...)
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(loaded, nil, func(p *packages.Package) {
		for _, err := range p.Errors {
			t.Errorf("fixed code of %s does not compile: %v", p.PkgPath, err)
		}
	})
}

func TestBasic(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "basic")
}

// TestWeChatTables checks codes of the tables beyond the English page.
func TestWeChatTables(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "wechattables")
}

// TestMiniProgramAPITables checks the codes of the Mini Program OpenAPIs'
// Result sections: text, constants, the status A, and their retry classes.
func TestMiniProgramAPITables(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "mpapitables")
}

func TestRetryUnknown(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{Checks: []string{"retry-unknown"}})
	analysistest.Run(t, gopath(t), a, "retryunknown", "retryhelper", "alipayretry", "alipaygrouped", "alipaygopaynil", "alipaybizerr", "alipayrefundno")
}

// TestRetryOutcome proves the model: a branch that hands an unknown
// outcome to its caller intact is left alone, one that gives up is reported,
// whatever the shape of the code.
func TestRetryOutcome(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{Checks: []string{"retry-unknown", "retry-final"}})
	analysistest.Run(t, gopath(t), a, "retryoutcome")
}

// TestRetryPerAPI proves that a code whose status differs between APIs
// gives no status its retry class.
func TestRetryPerAPI(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{
		Checks:   []string{"retry-unknown", "retry-final"},
		Catalogs: []string{"../testdata/catalog/retryperapi.yaml"},
	})
	analysistest.Run(t, gopath(t), a, "retryperapi")
}

func TestRetryPolicy(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{Checks: []string{"retry-unknown", "retry-final"}})
	analysistest.Run(t, gopath(t), a, "retrypolicy")
}

func TestRetryFinal(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{Checks: []string{"retry-final"}})
	analysistest.Run(t, gopath(t), a, "retryfinal", "example.com/retrypause")
}

// TestRetryFuncs shows that -retry-funcs makes a function count as a retry:
// without it the branch gives up.
func TestRetryFuncs(t *testing.T) {
	dir := gopath(t)
	configured := newAnalyzer(t, analyzer.Config{Checks: []string{"retry-unknown"}, RetryFuncs: []string{"retryfuncs.Settler.Settle"}})
	analysistest.Run(t, dir, configured, "retryfuncs")

	plain := newAnalyzer(t, analyzer.Config{Checks: []string{"retry-unknown"}})
	var n int
	for _, r := range analysistest.Run(new(testing.T), dir, plain, "retryfuncs") {
		n += len(r.Diagnostics)
	}
	if n != 1 {
		t.Errorf("without -retry-funcs: %d diagnostics, want 1", n)
	}
}

// TestWeChatPaySDKs proves the carriers of the WeChat Pay SDKs (fixtures
// with stubs of their types under their import paths): the official SDK's
// APIError.Code, directly, after errors.As and as core.IsAPIError's code
// argument, its trade state and refund status, gopay's v3 and v2 fields;
// and the retry checks over them.
func TestWeChatPaySDKs(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "wechatpaysdk")
	analysistest.Run(t, gopath(t), newAnalyzer(t, analyzer.Config{}), "wechatpayretry")
	analysistest.Run(t, gopath(t), newAnalyzer(t, analyzer.Config{}), "wechatpayrefundno")
	analysistest.Run(t, gopath(t), newAnalyzer(t, analyzer.Config{}), "gopayunreadstatus")
}
