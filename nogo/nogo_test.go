package nogo_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/nogo"
)

func TestCheckIDInMessages(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nogo.Analyzer, "ids")
}

func TestSameAnalyzer(t *testing.T) {
	a := nogo.Analyzer
	if a.Name != analyzer.Analyzer.Name || a.Flags.Lookup("checks") != analyzer.Analyzer.Flags.Lookup("checks") {
		t.Errorf("nogo.Analyzer = %s with its own flags, want errcodevet's analyzer and flags", a.Name)
	}
	if len(a.FactTypes) != len(analyzer.Analyzer.FactTypes) {
		t.Errorf("nogo.Analyzer has %d fact types, want the analyzer's %d", len(a.FactTypes), len(analyzer.Analyzer.FactTypes))
	}
}
