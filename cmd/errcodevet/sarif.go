package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/cmd/errcodevet/internal/sarif"
	"github.com/errcodevet/errcodevet/internal/atomicfile"
	"github.com/errcodevet/errcodevet/internal/checkdoc"
	"github.com/errcodevet/errcodevet/internal/directive"
)

const sarifUsage = `usage: errcodevet sarif [flags] [packages]

Sarif runs errcodevet on the packages (default "./...") and writes its
findings as a SARIF 2.1.0 log, for GitHub code scanning and other SARIF
viewers: a rule per check, unknown-code findings (comparisons that can
never match) at level error, the others at level warning. File locations
are relative to -root (uriBaseId %SRCROOT%); columns are counted in UTF-16
code units. Packages that do not load are left out and named in the log's
toolExecutionNotifications; the others are reported. The exit code is 0
when the log is written and every package was analyzed, 1 when some were
not (the log is still written) or nothing could be, 2 for bad flags
(-root naming no directory included).

Flags (the analyzer flags are errcodevet's own):
`

// runSARIF runs `errcodevet sarif` with args and returns its exit code.
func runSARIF(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("errcodevet sarif", flag.ContinueOnError)
	a, err := newFactless(fs)
	if err != nil {
		fmt.Fprintf(stderr, "errcodevet sarif: %v\n", err)
		return exitError
	}
	out := fs.String("o", "", "write the log to this file instead of the standard output")
	root := fs.String("root", "", "directory that file locations are relative to; the repository root\n"+
		"for GitHub code scanning (default the main module's directory, else the current one)")
	tests := includeTests(fs)
	if code, ok := parseFlags(fs, args, stderr, sarifUsage); !ok {
		return code
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "errcodevet sarif: %v\n", err)
		return exitError
	}
	dir, err := rootFlag(*root)
	if err != nil {
		fmt.Fprintf(stderr, "errcodevet sarif: %v\n", err)
		return exitUsage // a bad flag value, as parseFlags says the others
	}
	run, err := analyzePackages(a, patterns, tests())
	if err != nil {
		return fail(err)
	}
	if dir == "" {
		if dir, err = moduleDir(run.pkgs); err != nil {
			return fail(err)
		}
	}
	var findings []sarif.Finding
	for _, f := range rootFindings(run.graph) {
		findings = append(findings, sarif.Finding{Fset: f.fset, Diagnostic: f.Diagnostic})
	}
	var problems []sarif.Problem
	for _, p := range run.problems {
		sp := sarif.Problem{Line: p.line, Column: p.col, Message: p.msg}
		if p.file != "" {
			sp.Filename, _ = filepath.Abs(p.file)
		}
		problems = append(problems, sp)
	}
	log, err := sarif.Build(findings, sarifRules(analyzer.Checks()), dir, version(), problems)
	if err != nil {
		return fail(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return fail(err)
	}
	if *out == "" {
		_, err = stdout.Write(buf.Bytes())
	} else if err = atomicfile.Write(*out, buf.Bytes(), 0o644); err != nil {
		err = fmt.Errorf("writing %s: %v", *out, err)
	}
	if err != nil {
		return fail(err)
	}
	for _, p := range run.problems {
		fmt.Fprintln(stderr, p)
	}
	if len(run.problems) > 0 {
		return exitError
	}
	return exitOK
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
// order, then the rule of directive findings. A rule's level is its
// check's severity; its help is the check's section of docs/checks.md.
func sarifRules(checks []analyzer.Check) []sarif.Rule {
	var rules []sarif.Rule
	for _, c := range checks {
		rules = append(rules, sarif.Rule{
			ID:                   c.ID,
			ShortDescription:     sarif.Message{Text: c.Title},
			FullDescription:      &sarif.Message{Text: checkdoc.Text(c.Doc), Markdown: c.Doc},
			Help:                 help(checkdoc.Markdown(c), c.URL()),
			HelpURI:              c.URL(),
			DefaultConfiguration: &sarif.Configuration{Level: c.Severity.String()},
		})
	}
	return append(rules, directiveRule)
}

// directiveRule is the rule of the findings about errcodevet:ignore
// directives themselves (Category "directive"), which is not a check.
var directiveRule = sarif.Rule{
	ID:                   "directive",
	ShortDescription:     sarif.Message{Text: "malformed or unused errcodevet:ignore directive"},
	FullDescription:      &sarif.Message{Text: checkdoc.Text(directive.Doc), Markdown: directive.Doc},
	Help:                 help(directive.Doc, analyzer.DocsURL+"#suppressing-a-finding"),
	HelpURI:              analyzer.DocsURL + "#suppressing-a-finding",
	DefaultConfiguration: &sarif.Configuration{Level: analyzer.Warning.String()},
}

// help returns a rule's help: its documentation, as plain text and as
// Markdown, with the address it is read at.
func help(markdown, url string) *sarif.Message {
	return &sarif.Message{
		Text:     strings.TrimSpace(checkdoc.Text(markdown)) + "\n\nDocumentation: " + url + "\n",
		Markdown: strings.TrimSpace(markdown) + "\n\n[Documentation](" + url + ")\n",
	}
}
