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
	runFixes(t, newAnalyzer(t, analyzer.Config{Checks: []string{"string-code", "directive"}}), "directivesdisabled")
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

// TestFileIgnore proves that errcodevet:file-ignore suppresses a check in
// the whole file, wherever it stands, and is reported when it suppresses
// nothing; and that -checks turns directive reports off unless it lists
// "directive".
func TestFileIgnore(t *testing.T) {
	src := `package checkexample

type Response struct {
	ErrCode int ` + "`json:\"errcode\"`" + `
}

type Result struct {
	ResultCode string ` + "`json:\"resultCode\"`" + `
}

func handle(resp Response, res Result) bool {
	if resp.ErrCode == 42001 || resp.ErrCode == 40001 {
		return true
	}
	return res.ResultCode == "PARAM_ILLEGAL"
}

//errcodevet:file-ignore magic-code this file mirrors the vendor's sample
//errcodevet:file-ignore unknown-code nothing here can never match
//errcodevet:file-ignore
`
	files := map[string]string{"p.go": src}
	checkFindings(t, analyze(t, newAnalyzer(t, analyzer.Config{}), files),
		finding{15, "string-code", `resultCode "PARAM_ILLEGAL" compared as a magic string: illegal parameters (miniprogram.ParamIllegal)`},
		finding{19, "directive", "errcodevet:file-ignore directive for unknown-code suppresses nothing"},
		finding{20, "directive", "errcodevet:file-ignore directive names no check: want errcodevet:file-ignore CHECK reason"},
	)
	checkFindings(t, analyze(t, newAnalyzer(t, analyzer.Config{Checks: []string{"string-code", "unknown-code"}}), files),
		finding{15, "string-code", `resultCode "PARAM_ILLEGAL" compared as a magic string: illegal parameters (miniprogram.ParamIllegal)`},
	)
	checkFindings(t, analyze(t, newAnalyzer(t, analyzer.Config{Checks: []string{"unknown-code", "directive"}}), files),
		finding{19, "directive", "errcodevet:file-ignore directive for unknown-code suppresses nothing"},
		finding{20, "directive", "errcodevet:file-ignore directive names no check: want errcodevet:file-ignore CHECK reason"},
	)
}
