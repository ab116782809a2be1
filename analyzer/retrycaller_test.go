package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/errcodevet/errcodevet/analyzer"
)

// TestRetryCaller proves issue 20's shapes: a branch on an unknown outcome
// that tells its caller "done" or answers as on a final failure is
// reported; one that does more, or keeps U apart, is not; code that runs
// only on a known outcome (a code documented with status F) is not judged
// as an unknown outcome.
func TestRetryCaller(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{Checks: []string{"retry-unknown", "retry-final"}})
	analysistest.Run(t, gopath(t), a, "retrycaller")
}

// TestCarrierMapMiniProgram proves that the Mini Program's values read from
// a map[string]any are checked by every check, with fixes that build.
func TestCarrierMapMiniProgram(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "carriermapmp")
}

// TestGiveUpFuncs shows that -give-up-funcs makes a call record a final
// outcome; without it, such calls are not judged.
func TestGiveUpFuncs(t *testing.T) {
	dir := gopath(t)
	configured := newAnalyzer(t, analyzer.Config{
		Checks:      []string{"retry-unknown", "retry-final"},
		GiveUpFuncs: []string{"retrygiveup.Orders.MarkFailed", "retrygiveup.Ledger.Close", "retrygiveup.Service.markFailed"},
	})
	analysistest.Run(t, dir, configured, "retrygiveup")

	plain := newAnalyzer(t, analyzer.Config{Checks: []string{"retry-unknown", "retry-final"}})
	var n int
	for _, r := range analysistest.Run(new(testing.T), dir, plain, "retrygiveup") {
		n += len(r.Diagnostics)
	}
	if n != 0 {
		t.Errorf("without -give-up-funcs: %d diagnostics, want 0", n)
	}
}
