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
