// Command noopfacts is the benchmark's floor for an analyzer with facts: it
// does nothing, but declares a fact type, under the same driver as
// errcodevet (singlechecker).
//
// Declaring FactTypes changes what the drivers do, not what the analyzer
// does: the standalone driver loads and type-checks the whole dependency
// closure from source and runs the analyzer on every package of it, and go
// vet runs it on every dependency to produce facts. The difference between
// bench/noop and this command is the price of facts; the difference between
// this command and errcodevet is the price of errcodevet's own work.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

// fact is never exported: the cost measured is that of declaring a fact
// type, which is what makes the drivers load and run everything.
type fact struct{}

func (*fact) AFact()         {}
func (*fact) String() string { return "fact" }

var analyzer = &analysis.Analyzer{
	Name:      "noopfacts",
	Doc:       "report nothing, declaring a fact type (the benchmark's floor for analyzers with facts)",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(fact)},
}

func main() { singlechecker.Main(analyzer) }
