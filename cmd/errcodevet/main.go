// Command errcodevet checks Go code that handles WeChat Official Account
// errcodes and Mini Program OpenAPI results. See the analyzer package for
// the checks and flags, and "errcodevet help" for the commands.
//
//	errcodevet ./...                              # standalone
//	go vet -vettool=$(which errcodevet) ./...     # under go vet
//	go fix -fixtool=$(which errcodevet) ./...     # apply the fixes
//	errcodevet sarif ./... > errcodevet.sarif     # SARIF 2.1.0 for code scanning
//	errcodevet lsp                                # a language server for editors
//	errcodevet explain 42001                      # what a code or check means
//	errcodevet catalog list wechat                # the documented codes
//
// A first argument naming a command runs it; anything else goes to the
// analysis driver (analyze.go), which also serves go vet and go fix
// (vet.go).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/cmd/errcodevet/internal/catalogcmd"
	"github.com/errcodevet/errcodevet/internal/factless"
	"github.com/errcodevet/errcodevet/internal/spell"
)

// Exit codes of every command.
const (
	exitOK       = 0
	exitError    = 1 // the command failed: packages do not load, a file is in error
	exitUsage    = 2 // bad command line
	exitFindings = 3 // the analysis found something (as singlechecker and staticcheck)
)

// A command is one of errcodevet's subcommands. The list below is the one
// place that knows them: help, the usage text and the tests read it.
type command struct {
	name    string
	args    string // the synopsis after the name
	summary string // one line for the command list
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands returns every subcommand, in the order help lists them.
func commands() []command {
	return []command{
		{"sarif", "[flags] [packages]", "write the findings as a SARIF 2.1.0 log for code scanning", runSARIF},
		{"lsp", "[flags]", "run as a language server for editors (diagnostics and quick fixes)", runLSP},
		{"explain", "CODE|CHECK", "explain a documented code (42001, wechat:-1, PARAM_ILLEGAL, U) or a check", runExplain},
		{"init", "[flags] [packages]", "write the constants packages the fixes import into your module", runInit},
		{"catalog", "list|check|import ...", "list, check and import catalogs of documented codes", catalogcmd.Main},
		{"version", "", "print errcodevet's version", runVersion},
		{"help", "[command]", "print this help, or a command's", runHelp},
	}
}

func lookupCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func main() {
	os.Exit(errcodevet(os.Args[1:], os.Stdout, os.Stderr))
}

// errcodevet runs the command with args and returns its exit code.
func errcodevet(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if c, ok := lookupCommand(args[0]); ok {
			return c.run(args[1:], stdout, stderr)
		}
		switch args[0] {
		case "-V", "--V", "-version", "--version":
			return runVersion(nil, stdout, stderr)
		case "-explain", "--explain":
			return runExplain(args[1:], stdout, stderr)
		}
		if v, ok := cutFlag(args[0], "explain"); ok {
			return runExplain(slices.Concat(args[1:], []string{"--", v}), stdout, stderr)
		}
	}
	if isVetInvocation(args) {
		return runVet(args, stdout, stderr)
	}
	if len(args) > 0 && mistypedCommand(args[0]) {
		fmt.Fprintf(stderr, "errcodevet: unknown command %q%s; run errcodevet help for the commands\n", args[0], suggest(args[0], commandNames()))
		return exitUsage
	}
	return runAnalyze(args, stdout, stderr)
}

const usage = `errcodevet checks Go code that handles the answer codes of WeChat Official
Account and WeCom (errcode), WeChat Pay, classic Alipay and Mini Program
OpenAPIs: magic numbers and strings, values that can never match, and
unknown outcomes handled as final (or final failures retried).

Usage:

	errcodevet [flags] [packages]             analyze packages (default .)
	go vet -vettool=$(which errcodevet) ./... analyze under go vet
	go fix -fixtool=$(which errcodevet) ./... apply the fixes under go fix
	errcodevet <command> [arguments]
	errcodevet -explain CODE|CHECK            the explain command

The commands are:

%s
Run "errcodevet help <command>" for a command's flags, and "errcodevet -h"
for the analysis flags. Settings can live in a .errcodevet.yaml file; see
the README's Configuration section. Documentation: %s
`

// printUsage prints the top-level help: the commands, one line each.
func printUsage(w io.Writer) {
	var b strings.Builder
	for _, c := range commands() {
		fmt.Fprintf(&b, "\t%-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, usage, b.String(), analyzer.DocsURL)
}

// cutFlag returns the value of arg if it is -name=value or --name=value.
func cutFlag(arg, name string) (string, bool) {
	for _, prefix := range []string{"-" + name + "=", "--" + name + "="} {
		if v, ok := strings.CutPrefix(arg, prefix); ok {
			return v, true
		}
	}
	return "", false
}

func runHelp(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		printUsage(stdout)
		return exitOK
	case len(args) > 1:
		fmt.Fprintf(stderr, "errcodevet help: want at most one command, got %s\n", strings.Join(args, " "))
		return exitUsage
	}
	c, ok := lookupCommand(args[0])
	if !ok {
		fmt.Fprintf(stderr, "errcodevet help: unknown command %q%s\n", args[0], suggest(args[0], commandNames()))
		return exitUsage
	}
	if c.name == "help" {
		printUsage(stdout)
		return exitOK
	}
	// Each command prints its own help for -h, on its standard error as
	// flag packages do; help was asked for, so it goes to stdout.
	c.run([]string{"-h"}, stdout, stdout)
	return exitOK
}

// mistypedCommand reports whether arg, given where a command or a package
// pattern goes, is a command mistyped rather than a package: a bare word,
// not a directory here, close to a command's name ("sarf", "explian").
func mistypedCommand(arg string) bool {
	if strings.ContainsAny(arg, "/.-\\") {
		return false
	}
	if _, err := os.Stat(arg); err == nil {
		return false
	}
	return len(spell.Closest(arg, commandNames(), 1)) > 0
}

func commandNames() []string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return names
}

// suggest returns ` (did you mean "x"?)` for the closest of known to
// word, or "".
func suggest(word string, known []string) string {
	if c := spell.Closest(word, known, 1); len(c) > 0 {
		return fmt.Sprintf(" (did you mean %q?)", c[0])
	}
	return ""
}

// newFactless returns the analyzer of the drivers built on the engine
// (internal/engine), with the default configuration, and registers its
// flags on fs: it declares no fact types, so that dependencies load from
// export data, and keeps what packages export in memory. The commands
// that analyze (the driver, sarif, lsp) hand it to their packages, which
// take it as given.
func newFactless(fs *flag.FlagSet) (*factless.Analyzer, error) {
	a, err := factless.New(analyzer.Config{}, "")
	if err != nil {
		return nil, err
	}
	addFlags(fs, a.Analyzer)
	return a, nil
}

// addFlags registers the flags of a on fs, each recording the last value
// set.
func addFlags(fs *flag.FlagSet, a *analysis.Analyzer) {
	a.Flags.VisitAll(func(f *flag.Flag) {
		_, boolean := f.Value.(interface{ IsBoolFlag() bool })
		fs.Var(&recorder{Value: f.Value, boolean: boolean}, f.Name, f.Usage)
		fs.Lookup(f.Name).DefValue = f.DefValue
	})
}

// flagIncludeTests is the analyzer's flag for checking test files. The
// drivers that load packages load their tests only when it is set, and
// take -test as another name for it: one way to say "check test files".
const flagIncludeTests = "include-tests"

// includeTests registers -test as an alias of -include-tests on fs and
// returns a function that reports whether test files are to be checked:
// as either flag says, else as the configuration file does (the one -config
// names, or the one found from the current directory).
func includeTests(fs *flag.FlagSet) func() bool {
	tests := fs.Lookup(flagIncludeTests).Value.(*recorder)
	fs.Var(tests, "test", "the same as -"+flagIncludeTests)
	config := fs.Lookup("config").Value.(*recorder)
	return func() bool {
		if tests.set {
			b, _ := strconv.ParseBool(tests.last)
			return b
		}
		cfg, _, err := analyzer.Config{ConfigFile: config.last}.In(".")
		return err == nil && cfg.IncludeTests
	}
}

// recorder is a flag.Value that remembers the last value set, for the
// analyzer's flags, whose values say nothing of themselves.
type recorder struct {
	flag.Value
	boolean bool
	last    string
	set     bool
}

func (r *recorder) Set(s string) error {
	if err := r.Value.Set(s); err != nil {
		return err
	}
	r.last, r.set = s, true
	return nil
}

func (r *recorder) IsBoolFlag() bool { return r.boolean }

func (r *recorder) String() string {
	if r == nil || r.Value == nil {
		return "" // the zero value flag.PrintDefaults makes
	}
	return r.Value.String()
}
