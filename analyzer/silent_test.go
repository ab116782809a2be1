package analyzer_test

import (
	"testing"

	"github.com/errcodevet/errcodevet/analyzer"
)

// TestSilent runs the fixtures of look-alikes and contexts that must not be
// reported under the default configuration.
func TestSilent(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}),
		"silentwechatpay",    // WeChat Pay xml result_code and err_code
		"silentwechatpaysdk", // the WeChat Pay SDKs: their constants, spellings of their own, HTTP status, json "code" elsewhere
		"silentalipay",       // classic Alipay json "code" and "sub_code"
		"silenthttp",         // http.Response.StatusCode, a port, a loop counter, a length
		"silenttext",         // errmsg and resultMessage compared as text
		"silentconstants",    // comparisons already using constants
		"silentundocumented", // values the catalog does not document
		"silentcontexts",     // ordering, arithmetic, declarations, literals, assignments
		"silentnotag",        // field names without the json tag
		"successdefault",     // success values, by default
		"generated",          // generated files
		"testsskipped",       // _test.go files, by default
		"perapicodes",        // known per-API values and real codes that look alike
		"silentzero",         // the empty string: a missing status or code
	)
}

// TestIncludeSuccess proves that -include-success reports success values.
func TestIncludeSuccess(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{IncludeSuccess: true}), "successincluded")
}

// TestIncludeTests proves that -include-tests checks _test.go files, of the
// package and of its external test package, and that constants of _test.go
// files are used by fixes only in _test.go files.
func TestIncludeTests(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{IncludeTests: true}), "testsincluded", "fixtestconst")
}
