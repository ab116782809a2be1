// Package engine loads the packages a driver analyzes and runs an analyzer
// over them, at the cost of a plain type-check: the packages matching the
// patterns come from source, their dependencies from export data (the go
// command's build cache), and the analyzer, which declares no fact types
// (analyzer.NewFactless), sees each package after the packages it imports,
// so that what one package exports (which functions return a carrier or
// retry) is known to its importers.
//
// An analyzer that declares fact types makes x/tools' checker load every
// dependency from source and analyze it, the standard library included:
// 2.6x the wall time and 2.4x the memory of a no-op on golang.org/x/tools
// (BENCHMARKS.md). The standalone driver, its SARIF output and the
// language server use this package instead.
package engine

import (
	"fmt"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Mode is what Load asks go/packages for: syntax and types of the packages
// matching the patterns, types of their dependencies from export data.
const Mode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes |
	packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule

// A Program is the packages matching a driver's patterns, loaded from
// source, ready to be analyzed.
type Program struct {
	// Packages are the packages matching the patterns (with their test
	// variants if asked for), in the order go/packages returned them.
	// Their dependencies have types only, from export data; their Errors
	// say what did not load.
	Packages []*packages.Package
}

// Load loads the packages matching patterns in Mode. cfg may set Dir, Env,
// BuildFlags, Tests, Overlay, Context and Logf; its Mode is replaced. An
// error is about the whole load (no go.mod, a bad pattern): each package's
// own problems are in its Errors.
func Load(cfg *packages.Config, patterns ...string) (*Program, error) {
	c := *cfg
	c.Mode = Mode
	pkgs, err := packages.Load(&c, patterns...)
	if err != nil {
		return nil, err
	}
	for _, p := range pkgs {
		p.Errors = withoutCompilerOutput(p)
	}
	return &Program{Packages: pkgs}, nil
}

// withoutCompilerOutput returns p's errors without the compiler's output
// for p ("# path\nfile:line:col: msg"), which the go command adds when it
// fails to build the export data Load asks it for, when the type checker
// reports p's errors itself: the same errors, said twice.
func withoutCompilerOutput(p *packages.Package) []packages.Error {
	if len(p.TypeErrors) == 0 {
		return p.Errors
	}
	var errs []packages.Error
	for _, e := range p.Errors {
		if e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") {
			continue
		}
		errs = append(errs, e)
	}
	return errs
}

// Analyze runs a over the program's packages and returns the graph of
// their actions, one root per package, as checker.Analyze does. Packages
// run in parallel (one after another with opts.Sequential), each after
// every program package it imports, directly or not: a factless analyzer
// keeps what packages export in memory, and an importer must find it
// there.
//
// a must declare no fact types (with them, checker.Analyze would want
// every dependency from source) and require no other analyzer.
func (p *Program) Analyze(a *analysis.Analyzer, opts *checker.Options) (*checker.Graph, error) {
	if len(a.FactTypes) > 0 || len(a.Requires) > 0 {
		return nil, fmt.Errorf("engine: analyzer %s declares facts or requires analyzers; it needs a driver that loads every dependency from source", a.Name)
	}
	pkgs, inOrder := inDependencyOrder(a, p.Packages)
	graph, err := checker.Analyze([]*analysis.Analyzer{inOrder}, pkgs, opts)
	if err != nil {
		return nil, err
	}
	// The actions' analyzer is the wrapper; their diagnostics and results
	// are a's, and drivers look a up by identity (JSON output, fixes).
	for act := range graph.All() {
		act.Analyzer = a
	}
	return graph, nil
}

// inDependencyOrder returns pkgs with each after the packages of pkgs it
// imports, and an analyzer like a whose passes wait for those packages'
// passes to end before running a's. checker.Analyze starts every root's
// pass at once (in order with opts.Sequential): the waits order them.
func inDependencyOrder(a *analysis.Analyzer, pkgs []*packages.Package) ([]*packages.Package, *analysis.Analyzer) {
	isRoot := make(map[*packages.Package]bool)
	for _, p := range pkgs {
		isRoot[p] = true
	}
	var ordered []*packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if isRoot[p] {
			ordered = append(ordered, p)
		}
	})

	// done[p] is closed when p's pass has ended. checker runs no pass on
	// a package that did not type-check (unless a runs despite errors):
	// nothing waits for those.
	done := make(map[*types.Package]chan struct{})
	for _, p := range ordered {
		if p.Types != nil && (!p.IllTyped || a.RunDespiteErrors) {
			done[p.Types] = make(chan struct{})
		}
	}
	waits := make(map[*types.Package][]chan struct{})
	for _, p := range ordered {
		if p.Types == nil {
			continue
		}
		seen := make(map[*packages.Package]bool)
		var walk func(q *packages.Package)
		walk = func(q *packages.Package) {
			for _, imp := range q.Imports {
				if seen[imp] {
					continue
				}
				seen[imp] = true
				if isRoot[imp] {
					if c := done[imp.Types]; c != nil {
						waits[p.Types] = append(waits[p.Types], c)
					}
					continue // imp waits for its own imports
				}
				walk(imp)
			}
		}
		walk(p)
	}

	inOrder := *a
	inOrder.Run = func(pass *analysis.Pass) (any, error) {
		if c := done[pass.Pkg]; c != nil {
			defer close(c)
		}
		for _, c := range waits[pass.Pkg] {
			<-c
		}
		return a.Run(pass)
	}
	return ordered, &inOrder
}
