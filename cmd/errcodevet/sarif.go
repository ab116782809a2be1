package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/cmd/errcodevet/internal/sarif"
	"github.com/errcodevet/errcodevet/internal/atomicfile"
)

const sarifUsage = `usage: errcodevet sarif [flags] [packages]

Sarif runs errcodevet on the packages (default ".") and writes its findings
as a SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers.
File locations are relative to -root (uriBaseId %SRCROOT%); columns are
counted in UTF-16 code units. The exit code is 0 when the log is written,
whatever it holds, 1 when the packages do not load or type-check (nothing
is written), 2 for bad flags.

Flags (the analyzer flags are errcodevet's own):
`

// runSARIF runs `errcodevet sarif` with args and returns its exit code.
func runSARIF(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("errcodevet sarif", flag.ContinueOnError)
	fs.SetOutput(stderr)
	a, err := newAnalyzer(fs)
	if err != nil {
		fmt.Fprintf(stderr, "errcodevet sarif: %v\n", err)
		return 1
	}
	out := fs.String("o", "", "write the log to this file instead of the standard output")
	root := fs.String("root", "", "directory that file locations are relative to; the repository root\n"+
		"for GitHub code scanning (default the main module's directory, else the current one)")
	tests := fs.Bool("test", true, "load the packages' tests too (whether findings in _test.go files\n"+
		"are reported is -include-tests)")
	if code, ok := parseFlags(fs, args, stderr, sarifUsage); !ok {
		return code
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"."}
	}

	dir, err := rootFlag(*root)
	if err != nil {
		fmt.Fprintf(stderr, "errcodevet sarif: %v\n", err)
		return 1
	}
	findings, pkgs, err := analyzeForSARIF(a, *tests, patterns)
	if err != nil {
		fmt.Fprintf(stderr, "errcodevet sarif: %v\n", err)
		return 1
	}
	if dir == "" {
		if dir, err = moduleDir(pkgs); err != nil {
			fmt.Fprintf(stderr, "errcodevet sarif: %v\n", err)
			return 1
		}
	}
	log, err := sarif.Build(findings, sarifRules(analyzer.Checks()), dir, version())
	if err != nil {
		fmt.Fprintf(stderr, "errcodevet sarif: %v\n", err)
		return 1
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		fmt.Fprintf(stderr, "errcodevet sarif: %v\n", err)
		return 1
	}
	if *out == "" {
		_, err = stdout.Write(buf.Bytes())
	} else if err = atomicfile.Write(*out, buf.Bytes(), 0o644); err != nil {
		err = fmt.Errorf("writing %s: %v", *out, err)
	}
	if err != nil {
		fmt.Fprintf(stderr, "errcodevet sarif: %v\n", err)
		return 1
	}
	return 0
}

// analyzeForSARIF loads the packages matching patterns (with their tests if tests
// is set) and runs a on them. It returns the findings in the root packages
// and the packages. A package that does not load or type-check, in the
// patterns or their dependencies, is an error listing every problem.
func analyzeForSARIF(a *analysis.Analyzer, tests bool, patterns []string) ([]sarif.Finding, []*packages.Package, error) {
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Tests: tests,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, nil, err
	}
	if len(pkgs) == 0 {
		return nil, nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	var problems []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			problems = append(problems, e.Error())
		}
		if p.Module != nil && p.Module.Error != nil {
			problems = append(problems, p.Module.Error.Err)
		}
	})
	if len(problems) > 0 {
		// A package appears once per variant; say each problem once.
		slices.Sort(problems)
		problems = slices.Compact(problems)
		return nil, nil, fmt.Errorf("packages do not load (no SARIF written):\n\t%s", strings.Join(problems, "\n\t"))
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		return nil, nil, err
	}
	var failed []string
	for act := range graph.All() {
		if act.Err != nil {
			failed = append(failed, fmt.Sprintf("%s: %v", act.Package.PkgPath, act.Err))
		}
	}
	if len(failed) > 0 {
		slices.Sort(failed)
		return nil, nil, fmt.Errorf("analysis failed (no SARIF written):\n\t%s", strings.Join(failed, "\n\t"))
	}
	var findings []sarif.Finding
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			findings = append(findings, sarif.Finding{Fset: act.Package.Fset, Diagnostic: d})
		}
	}
	return findings, pkgs, nil
}

// rootFlag returns the absolute directory of -root, or "" if unset.
func rootFlag(flag string) (string, error) {
	if flag == "" {
		return "", nil
	}
	dir, err := filepath.Abs(flag)
	if err != nil {
		return "", err
	}
	if fi, err := os.Stat(dir); err != nil {
		return "", fmt.Errorf("-root: %v", err)
	} else if !fi.IsDir() {
		return "", fmt.Errorf("-root: %s is not a directory", flag)
	}
	return dir, nil
}

// moduleDir returns the main module's directory, or the current directory
// outside modules.
func moduleDir(pkgs []*packages.Package) (string, error) {
	for _, p := range pkgs {
		if p.Module != nil && p.Module.Main && p.Module.Dir != "" {
			return p.Module.Dir, nil
		}
	}
	return os.Getwd()
}

// sarifRules returns the rules of the log: one per check, in documentation
// order, then the rule of directive findings.
func sarifRules(checks []analyzer.Check) []sarif.Rule {
	var rules []sarif.Rule
	for _, c := range checks {
		rules = append(rules, sarif.Rule{
			ID:               c.ID,
			ShortDescription: sarif.Message{Text: c.Title},
			FullDescription:  &sarif.Message{Text: c.Doc},
			Help: &sarif.Message{
				Text:     c.Doc + "\n\nDocumentation: " + c.URL(),
				Markdown: checkHelp(c),
			},
			HelpURI:              c.URL(),
			DefaultConfiguration: &sarif.Configuration{Level: "warning"},
		})
	}
	return append(rules, directiveRule)
}

// directiveRule is the rule of the findings about errcodevet:ignore
// directives themselves (Category "directive"), which is not a check.
var directiveRule = sarif.Rule{
	ID:               "directive",
	ShortDescription: sarif.Message{Text: "malformed or unused errcodevet:ignore directive"},
	FullDescription: &sarif.Message{Text: "Reports an errcodevet:ignore directive that cannot be parsed, names an unknown check, " +
		"gives no reason, or suppresses nothing."},
	HelpURI:              analyzer.DocsURL + "#suppressing-a-finding",
	DefaultConfiguration: &sarif.Configuration{Level: "warning"},
}

// checkHelp returns a check's documentation in Markdown, with its example.
func checkHelp(c analyzer.Check) string {
	var b strings.Builder
	b.WriteString(c.Doc)
	if c.Bad != "" {
		fmt.Fprintf(&b, "\n\n### Example\n\n```go\n%s```\n\nerrcodevet reports: %s\n", c.Bad, c.Want)
	}
	if c.Good != "" {
		fmt.Fprintf(&b, "\nCorrected:\n\n```go\n%s```\n", c.Good)
	}
	fmt.Fprintf(&b, "\n[Documentation](%s)\n", c.URL())
	return b.String()
}
