package analyzer_test

import (
	"testing"

	"github.com/errcodevet/errcodevet/analyzer"
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
	)
}

// TestFixForeignConstants proves that a fix borrows no constant of a library
// outside the user's code, success values included.
func TestFixForeignConstants(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{IncludeSuccess: true}), "fixforeignconst")
}
