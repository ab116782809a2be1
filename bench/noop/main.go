// Command noop is the benchmark's floor: an analyzer that does nothing,
// under the same driver as errcodevet (singlechecker), so that the cost of
// loading, type-checking and the driver itself is measured alone.
//
// It declares no facts: the standalone driver then loads only the named
// packages from source. Compare bench/noopfacts.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

var analyzer = &analysis.Analyzer{
	Name: "noop",
	Doc:  "report nothing (the benchmark's floor)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { singlechecker.Main(analyzer) }
