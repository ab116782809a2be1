package analyzer_test

import (
	"testing"

	"github.com/errcodevet/errcodevet/analyzer"
)

// TestDirectives proves what errcodevet:ignore suppresses and which
// directives are reported.
func TestDirectives(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "directives", "directivesnocarrier")
}

// TestDirectiveForDisabledCheck proves that a directive for a check that is
// off is not reported as unused.
func TestDirectiveForDisabledCheck(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{Checks: []string{"string-code"}}), "directivesdisabled")
}

// TestChecksFlag proves that -checks=magic-code, set through the analyzer's
// flags as drivers do, runs only magic-code.
func TestChecksFlag(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{})
	if err := a.Flags.Set("checks", "magic-code"); err != nil {
		t.Fatal(err)
	}
	runFixes(t, a, "checksonly")
}

// TestDirectiveProblems proves that malformed directives are reported, each
// problem once, and suppress nothing. (These cannot be analysistest
// fixtures: an expectation in a comment on the directive's line would be
// read as its reason.)
func TestDirectiveProblems(t *testing.T) {
	src := `package checkexample

type Response struct {
	ErrCode int ` + "`json:\"errcode\"`" + `
}

func handle(resp Response) bool {
	//errcodevet:ignore magic-code
	if resp.ErrCode == 42001 {
		return true
	}
	//errcodevet:ignore
	if resp.ErrCode == 40001 {
		return true
	}
	//errcodevet:ignore magic-cod
	return resp.ErrCode == 42002
}
`
	got := analyze(t, newAnalyzer(t, analyzer.Config{}), map[string]string{"p.go": src})
	const magic = "magic-code"
	checkFindings(t, got,
		finding{8, "directive", "errcodevet:ignore directive needs a reason after the check"},
		finding{9, magic, "errcode 42001 compared as a magic number: access_token expired (wechat.AccessTokenExpired)"},
		finding{12, "directive", "errcodevet:ignore directive names no check: want errcodevet:ignore CHECK reason"},
		finding{13, magic, "errcode 40001 compared as a magic number: incorrect AppSecret or invalid access_token (wechat.InvalidCredential)"},
		finding{16, "directive", "errcodevet:ignore directive names unknown check magic-cod"},
		finding{16, "directive", "errcodevet:ignore directive needs a reason after the check"},
		finding{17, magic, "errcode 42002 compared as a magic number: refresh_token expired (wechat.RefreshTokenExpired)"},
	)
}
