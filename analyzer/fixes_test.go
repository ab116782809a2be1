package analyzer_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/constgen"
)

// TestFixes runs the fixtures that prove which constant a fix writes and how
// it imports it; runFixes type-checks every fixed file. Fixtures that share
// a configuration are loaded together: loading is most of the cost.
func TestFixes(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}),
		"fiximported",     // the constants package already imported
		"fixalias",        // imported under another name
		"fixdot",          // dot import, and a local hiding its constant
		"fixshadowed",     // package name shadowed by a local at the literal
		"fixblank",        // a blank import is no name
		"fixuserconst",    // the user's constants first, when they fit
		"fixuserpkg/user", // a constant of the user's imported package
		"fiximports",      // where the import goes, file by file
		"fixsameimport",   // several fixes, one import each, one group
		"fixswitchdup",    // no fix gives a switch a duplicate case
		"fixbuildtags",    // no constant of a file some builds leave out
	)
}

// TestFixForeignConstants proves that a fix borrows no constant of a library
// outside the user's code, success values included.
func TestFixForeignConstants(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{IncludeSuccess: true}), "fixforeignconst")
}

// TestFixConstantsSetting proves that Config.Constants sends the fixes to
// constants packages generated into the user's code, named by their path
// (an import name is written when the path's last element is not one).
func TestFixConstantsSetting(t *testing.T) {
	dir := gopath(t)
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for fam, pkg := range map[string]string{"wechat": "wechatcodes", "miniprogram": "mp-codes"} {
		src, err := constgen.GenerateWith(cat.Family(fam), constgen.Options{Generator: "a test", Name: strings.ReplaceAll(pkg, "-", "")})
		if err != nil {
			t.Fatal(err)
		}
		pkgDir := filepath.Join(dir, "src", "fixconstants", pkg)
		if err := os.MkdirAll(pkgDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(pkgDir, "codes.go"), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a := newAnalyzer(t, analyzer.Config{Constants: map[string]string{
		"wechat":      "fixconstants/wechatcodes",
		"miniprogram": "fixconstants/mp-codes",
	}})
	analysistest.RunWithSuggestedFixes(t, dir, a, "fixconstants/app")
	typeCheckGolden(t, dir, "fixconstants/app")
}

// TestFixDynamic proves that a carrier of interface type that only
// encoding/json filled is reported when compared with a type it can never
// hold, and fixed to the type it holds; its look-alikes are left alone.
func TestFixDynamic(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "dynamicany")
}

// TestCgoFile proves that a file with import "C" is checked, its findings
// in the file the user wrote, line and column, with no fix (none can land
// in that file: drivers hold cmd/cgo's rewrite), while a generated one is
// not. It needs cgo: a C compiler, CGO_ENABLED.
func TestCgoFile(t *testing.T) {
	requireCgo(t)
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "cgofile")
}

// requireCgo skips the test when go build cannot run cgo here.
func requireCgo(t *testing.T) {
	t.Helper()
	out, err := exec.Command("go", "env", "CGO_ENABLED", "CC").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	env := strings.Fields(string(out))
	if len(env) < 2 || env[0] != "1" {
		t.Skip("cgo is disabled (go env CGO_ENABLED is not 1): files with import \"C\" are not built")
	}
	if _, err := exec.LookPath(env[1]); err != nil {
		t.Skipf("cgo needs the C compiler %s, which is not installed: %v", env[1], err)
	}
}

// TestFixNumberOnly proves that no fix writes a constant whose name only
// repeats the number (a catalog's Code7, an alias, the user's Code42001):
// the finding stays, without the fix, or the fix writes a better name.
func TestFixNumberOnly(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{Catalogs: []string{"../testdata/catalog/numberonly.yaml"}})
	runFixes(t, a, "fixnumberonly/app")
}
