package analyzer_test

import (
	"testing"

	"github.com/errcodevet/errcodevet/analyzer"
)

// Regressions found by the benchmark's generated corpus and by the smoke
// runs over real code (see BENCHMARKS.md). Each fixture says what went wrong.

func TestRegressFloatMap(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "regress_floatmap")
}

func TestRegressConstKind(t *testing.T) {
	runFixes(t, newAnalyzer(t, analyzer.Config{}), "regress_constkind")
}
