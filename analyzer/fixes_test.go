package analyzer_test

import (
	"os"
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
