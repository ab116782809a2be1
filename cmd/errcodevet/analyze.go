package main

import (
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/cmd/errcodevet/internal/engine"
	"github.com/errcodevet/errcodevet/cmd/errcodevet/internal/runcache"
	"github.com/errcodevet/errcodevet/internal/checkid"
	"github.com/errcodevet/errcodevet/internal/factless"
)

const analyzeUsage = `usage: errcodevet [flags] [packages]

Errcodevet analyzes the packages (default ".") and prints each finding on
standard output as file:line:col: message (check), sorted by file, line,
column and check; errors go to standard error.
The exit code is 0 when nothing is found, 3 when something is, 1 when
packages do not load or the analysis fails (the packages that load are
still analyzed), 2 for a bad command line.

With -fix, the fixes are applied and the findings without one are still
printed (exit 3 if any); -diff writes nothing: it prints the fixes as a
unified diff, and the findings left on standard error. -json prints the findings of each
package as go vet -json does (exit 0).

Run "errcodevet help" for the other commands.

Flags:
`

// driverOptions are the standalone driver's own flags.
type driverOptions struct {
	json    bool
	fix     bool
	diff    bool
	context int
}

func runAnalyze(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("errcodevet", flag.ContinueOnError)
	a, err := newFactless(fs)
	if err != nil {
		fmt.Fprintf(stderr, "errcodevet: %v\n", err)
		return exitError
	}
	var opts driverOptions
	fs.BoolVar(&opts.json, "json", false, "print the findings as JSON, as go vet -json does")
	fs.BoolVar(&opts.fix, "fix", false, "apply the suggested fixes; print the findings that have none")
	fs.BoolVar(&opts.diff, "diff", false, "print the fixes as a unified diff and write nothing")
	fs.IntVar(&opts.context, "c", -1, "print the offending line with this many lines of context")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to this `file`")
	memProfile := fs.String("memprofile", "", "write a heap profile to this `file` at the end")
	tests := includeTests(fs)
	code, ok := parseFlags(fs, args, stderr, analyzeUsage)
	if !ok {
		return code
	}
	if *cpuProfile != "" || *memProfile != "" {
		stop, err := startProfiles(*cpuProfile, *memProfile)
		if err != nil {
			fmt.Fprintf(stderr, "errcodevet: %v\n", err)
			return exitError
		}
		defer stop()
	}
	if opts.diff {
		opts.fix = true
	}
	if opts.json && opts.fix {
		fmt.Fprintln(stderr, "errcodevet: -json and -fix (or -diff) cannot be used together")
		return exitUsage
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	if opts.fix || *cpuProfile != "" || *memProfile != "" {
		return analyze(a, patterns, tests(), opts, stdout, stderr) // writes files: never from the cache
	}
	return cached(append([]string{"analyze"}, args...), patterns, a, stdout, stderr, func(stdout, stderr io.Writer) int {
		return analyze(a, patterns, tests(), opts, stdout, stderr)
	})
}

// cached runs run (the command given args, of which patterns are the
// package patterns), or prints what an earlier run with the same key printed
// over the same, unchanged, code (internal/runcache). Runs that fail are
// not kept: their errors may be the machine's. A run that used the cache
// trims it once it has printed everything.
func cached(args, patterns []string, a *factless.Analyzer, stdout, stderr io.Writer, run func(stdout, stderr io.Writer) int) int {
	dir := runcache.Dir()
	if dir == "" {
		return run(stdout, stderr)
	}
	r, ok := runcache.Start(dir, args, patterns, a.Files)
	if !ok {
		return run(stdout, stderr)
	}
	if e, ok := r.Get(); ok {
		stdout.Write(e.Stdout)
		stderr.Write(e.Stderr)
		runcache.Trim(dir)
		return e.Exit
	}
	var out, errOut bytes.Buffer
	exit := run(io.MultiWriter(stdout, &out), io.MultiWriter(stderr, &errOut))
	if exit == exitOK || exit == exitFindings {
		r.Put(runcache.Entry{Stdout: out.Bytes(), Stderr: errOut.Bytes(), Exit: exit})
		runcache.Trim(dir)
	}
	return exit
}

// startProfiles starts a CPU profile into cpu and returns a function that
// stops it and writes a heap profile into mem ("": none).
func startProfiles(cpu, mem string) (stop func(), err error) {
	var f *os.File
	if cpu != "" {
		if f, err = os.Create(cpu); err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return nil, err
		}
	}
	return func() {
		if f != nil {
			pprof.StopCPUProfile()
			f.Close()
		}
		if mem != "" {
			if m, err := os.Create(mem); err == nil {
				runtime.GC()
				pprof.WriteHeapProfile(m)
				m.Close()
			}
		}
	}, nil
}

// parseFlags parses args into fs. A bad flag is one line naming it, exit
// 2; -h prints usage and the flags, exit 0. ok reports whether to go on.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer, usage string) (code int, ok bool) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	if err == flag.ErrHelp {
		fs.SetOutput(stderr)
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
		return exitOK, false
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", fs.Name(), err)
		return exitUsage, false
	}
	return exitOK, true
}

// loadPackages loads the packages matching patterns, with their tests if
// tests is set: from source, their dependencies from export data
// (internal/engine). It is the one place the standalone driver loads; an
// error is about the whole load (no go.mod, a bad pattern), and each
// package's own problems are in its Errors.
func loadPackages(patterns []string, tests bool) (*engine.Program, error) {
	prog, err := engine.Load(&packages.Config{Tests: tests}, patterns...)
	if err != nil {
		return nil, loadError(err)
	}
	return prog, nil
}

// loadError strips the wrappers go/packages puts around the go command's
// own words ("err: exit status 1: stderr: go: ...").
func loadError(err error) error {
	msg := err.Error()
	if i := strings.Index(msg, "stderr: "); i >= 0 {
		msg = msg[i+len("stderr: "):]
	}
	return fmt.Errorf("%s", strings.TrimSpace(msg))
}

// packageErrors returns the problems of pkgs and their dependencies, each
// once, as Go prints them: "file:line:col: msg", or just the message when
// it has no position.
func packageErrors(pkgs []*packages.Package) []problem {
	var problems []problem
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			problems = append(problems, loadProblem(e))
		}
		if p.Module != nil && p.Module.Error != nil {
			problems = append(problems, problem{msg: p.Module.Error.Err})
		}
	})
	for i, p := range problems {
		if strings.Contains(p.msg, "does not contain main module") && !inModule() {
			problems[i] = problem{msg: noModule} // what the go command says
		}
	}
	return sortProblems(problems)
}

const noModule = "go: go.mod file not found in current directory or any parent directory; see 'go help modules'"

// inModule reports whether the go command sees a main module here.
func inModule() bool {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	gomod := strings.TrimSpace(string(out))
	return err != nil || gomod != "" && gomod != os.DevNull
}

// A finding is a diagnostic of a root package, with its position resolved.
type finding struct {
	analysis.Diagnostic
	fset      *token.FileSet
	posn, end token.Position
	files     int // in the package it was found in

	// moved, if not nil, says where a position is since -fix edited its
	// file.
	moved func(token.Position) token.Position
}

// where returns where p is now.
func (f finding) where(p token.Position) token.Position {
	if f.moved == nil {
		return p
	}
	return f.moved(p)
}

// An analysisRun is the outcome of loading and analyzing packages.
type analysisRun struct {
	pkgs     []*packages.Package
	graph    *checker.Graph
	problems []problem // what failed, each once; the rest was analyzed
}

// analyzePackages loads the packages matching patterns and runs a on
// those that load. An error means nothing could be analyzed.
func analyzePackages(a *factless.Analyzer, patterns []string, tests bool) (*analysisRun, error) {
	prog, err := loadPackages(patterns, tests)
	if err != nil {
		return nil, err
	}
	run := &analysisRun{pkgs: prog.Packages, problems: packageErrors(prog.Packages)}
	prog.VerdictsDir = runcache.Dir()
	run.graph, err = prog.Analyze(a, nil)
	if err != nil {
		return nil, err
	}
	// Analysis errors other than "the package did not load", said above;
	// each once (a bad configuration file fails every package it covers).
	// A package of the patterns that loaded but imports one that did not
	// is named, with the import.
	said := make(map[string]bool)
	roots := make(map[*checker.Action]bool)
	for _, act := range run.graph.Roots {
		roots[act] = true
	}
	for act := range run.graph.All() {
		if act.Err == nil || len(act.Package.Errors) > 0 {
			continue
		}
		p := analysisProblem(act.Err)
		if act.Package.IllTyped {
			bad := engine.BrokenImport(act.Package)
			if bad == nil || !roots[act] {
				continue
			}
			p = problem{msg: fmt.Sprintf("%s is not analyzed: it imports %s, which does not load", act.Package.PkgPath, bad.PkgPath), own: true}
		}
		if !said[p.String()] {
			said[p.String()] = true
			run.problems = append(run.problems, p)
		}
	}
	return run, nil
}

func analyze(a *factless.Analyzer, patterns []string, tests bool, opts driverOptions, stdout, stderr io.Writer) int {
	run, err := analyzePackages(a, patterns, tests)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	exit := exitOK
	for _, p := range run.problems {
		fmt.Fprintln(stderr, p)
		exit = exitError
	}
	graph := run.graph
	if opts.json {
		if err := graph.PrintJSON(stdout); err != nil {
			fmt.Fprintf(stderr, "errcodevet: %v\n", err)
			return exitError
		}
		return exit
	}
	findings := rootFindings(graph)
	if opts.fix {
		// On an error no file was written: every finding is left.
		unfixed, diff, err := applyFixes(graph, findings, opts.diff)
		if err != nil {
			fmt.Fprintf(stderr, "errcodevet: %v\n", err)
			exit = exitError
		}
		// With -diff, standard output is the patch: the findings left
		// go beside it, on standard error, so that it applies as it is.
		io.WriteString(stdout, diff)
		left := stdout
		if opts.diff {
			left = stderr
		}
		printFindings(left, unfixed, opts.context)
		if notice := heldBackNotice(graph); notice != "" {
			fmt.Fprintln(stderr, notice)
		}
		if exit == exitOK && (len(unfixed) > 0 || diff != "") {
			exit = exitFindings
		}
		return exit
	}
	printFindings(stdout, findings, opts.context)
	if exit == exitOK && len(findings) > 0 {
		exit = exitFindings
	}
	return exit
}

// rootFindings returns the findings in the root packages, each once (a
// package and its test variant report the same findings in the package's
// files), sorted by file, line, column, check and message. Of a finding
// reported twice, the one kept is from the package with the most files:
// its fix was made knowing the test files' declarations too.
func rootFindings(graph *checker.Graph) []finding {
	var out []finding
	for _, act := range graph.Roots {
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			out = append(out, finding{Diagnostic: d, fset: fset, posn: fset.Position(d.Pos), end: fset.Position(d.End),
				files: len(act.Package.Syntax)})
		}
	}
	slices.SortStableFunc(out, func(x, y finding) int {
		return cmp.Or(compareFindings(x, y), cmp.Compare(y.files, x.files))
	})
	return slices.CompactFunc(out, func(x, y finding) bool {
		return compareFindings(x, y) == 0 && x.end == y.end
	})
}

func compareFindings(x, y finding) int {
	return cmp.Or(
		cmp.Compare(x.posn.Filename, y.posn.Filename),
		cmp.Compare(x.posn.Line, y.posn.Line),
		cmp.Compare(x.posn.Column, y.posn.Column),
		cmp.Compare(x.Category, y.Category),
		cmp.Compare(x.Message, y.Message),
	)
}

// printFindings prints each finding as file:line:col: message (check),
// with context lines around it if context >= 0.
func printFindings(w io.Writer, findings []finding, context int) {
	for _, f := range findings {
		posn := f.where(f.posn)
		posn.Filename = relative(posn.Filename)
		fmt.Fprintf(w, "%s: %s\n", posn, checkid.Message(f.Diagnostic))
		if context >= 0 {
			printContext(w, f, context)
		}
		for _, rel := range f.Related {
			rp := f.where(f.fset.Position(rel.Pos))
			rp.Filename = relative(rp.Filename)
			fmt.Fprintf(w, "%s: \t%s\n", rp, rel.Message)
		}
	}
}

func printContext(w io.Writer, f finding, context int) {
	data, err := os.ReadFile(f.posn.Filename)
	if err != nil {
		return
	}
	lines := strings.Split(string(data), "\n")
	posn, end := f.where(f.posn), f.where(f.end)
	last := posn.Line
	if end.IsValid() && end.Filename == posn.Filename {
		last = max(last, end.Line)
	}
	for i := max(1, posn.Line-context); i <= min(len(lines), last+context); i++ {
		fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
	}
}

// relative returns s with the current directory's path, at its start,
// taken away: go vet and staticcheck print paths relative to it.
func relative(s string) string {
	wd, err := os.Getwd()
	if err != nil {
		return s
	}
	prefix := wd + string(filepath.Separator)
	if rest, ok := strings.CutPrefix(s, prefix); ok {
		return rest
	}
	return s
}
