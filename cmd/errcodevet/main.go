// Command errcodevet checks Go code that handles WeChat Official Account
// errcodes and Mini Program OpenAPI results. See the analyzer package for
// the checks and flags.
//
//	errcodevet ./...                              # standalone
//	go vet -vettool=$(which errcodevet) ./...     # under go vet
//	go fix -fixtool=$(which errcodevet) ./...     # apply the fixes
//	errcodevet sarif ./... > errcodevet.sarif     # SARIF 2.1.0 for code scanning
//	errcodevet lsp                                # a language server for editors
//	errcodevet catalog list wechat                # the documented codes
//
// A first argument naming a subcommand runs it; anything else goes to the
// analysis driver, which also serves go vet and go fix.
package main

import (
	"flag"
	"io"
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/errcodevet/errcodevet/analyzer"
)

// subcommands are the commands beside analysis. Each returns the exit code.
var subcommands = map[string]func(args []string, stdout, stderr io.Writer) int{}

func main() {
	if len(os.Args) > 1 {
		if cmd, ok := subcommands[os.Args[1]]; ok {
			os.Exit(cmd(os.Args[2:], os.Stdout, os.Stderr))
		}
	}
	singlechecker.Main(analyzer.Analyzer)
}

// newAnalyzer returns a new analyzer with the default configuration and
// registers its flags on fs. The subcommands that analyze (sarif, lsp) hand
// the analyzer it returns to their packages, which take it as given.
func newAnalyzer(fs *flag.FlagSet) (*analysis.Analyzer, error) {
	a, err := analyzer.New(analyzer.Config{})
	if err != nil {
		return nil, err
	}
	a.Flags.VisitAll(func(f *flag.Flag) {
		fs.Var(f.Value, f.Name, f.Usage)
	})
	return a, nil
}
