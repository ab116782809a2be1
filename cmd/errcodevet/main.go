// Command errcodevet checks Go code that handles WeChat Official Account
// errcodes and Mini Program OpenAPI results. See the analyzer package for
// the checks and flags.
//
//	errcodevet ./...                              # standalone
//	go vet -vettool=$(which errcodevet) ./...     # under go vet
//	go fix -fixtool=$(which errcodevet) ./...     # apply the fixes
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/errcodevet/errcodevet/analyzer"
)

func main() { singlechecker.Main(analyzer.Analyzer) }
