// Package engine loads the packages a driver analyzes and runs an analyzer
// over them, at the cost of a plain type-check: the packages matching the
// patterns come from source, their dependencies from export data (the go
// command's build cache), and the analyzer, which declares no fact types
// (internal/factless), sees each package after the packages it imports,
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
	"go/types"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/internal/factless"
	"github.com/errcodevet/errcodevet/internal/retry"
)

// Mode is what a Program's packages have, as go/packages loads them in
// this mode: syntax and types of the packages matching the patterns,
// types of their dependencies from export data. Load gives the same
// without having the go command compile the patterns' packages
// (loadGraph).
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

	// VerdictsDir, if not empty, is where the dependency rule keeps its
	// answers between runs (factless.Analyzer.Rule).
	VerdictsDir string

	cfg    packages.Config // what loaded them, for loading dependencies from source
	loaded bool            // by Load: Analyze completes the dependencies
}

// Load loads the packages matching patterns in Mode: through go/packages
// (one go list, which compiles the packages for export data nobody
// needs, a cost only a huge package notices), or for a pattern matching a
// package with a huge file (see load) in two go list runs, for the import
// graph and for the dependencies' export data, then the packages
// type-checked from source (loadGraph); with an overlay, through
// go/packages. cfg may set Dir, Env,
// BuildFlags, Tests, Overlay, Context and Logf; its Mode is replaced. An
// error is about the whole load (no go.mod, a bad pattern): each package's
// own problems are in its Errors, each once, without the errors that only
// follow from another (see loadErrors).
func Load(cfg *packages.Config, patterns ...string) (*Program, error) {
	c := *cfg
	c.Mode = Mode
	var pkgs []*packages.Package
	var err error
	if len(c.Overlay) > 0 {
		// go/packages type-checks every package from source when there
		// is an overlay (export data may be stale): let it.
		pkgs, err = packages.Load(&c, patterns...)
	} else {
		pkgs, err = load(&c, patterns)
	}
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		if err := listError(&c, patterns); err != nil {
			return nil, err
		}
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) { p.Errors = loadErrors(p) })
	return &Program{Packages: pkgs, cfg: c, loaded: true}, nil
}

// listError returns go list's error when it failed for the whole load.
// Asked for export data, go/packages takes a failing go list for a build
// failure of the packages and returns none of them without an error
// (x/tools go/packages golist.go, "Export mode entails a build"): a go.mod
// that needs updating would have a run analyze nothing and exit 0, where
// go vet fails. Asking again for names only costs one go list, and only
// when nothing loaded.
func listError(cfg *packages.Config, patterns []string) error {
	names := *cfg
	names.Mode = packages.NeedName
	_, err := packages.Load(&names, patterns...)
	return err
}

// Analyze runs a over the program's packages and returns the graph of
// their actions, one root per package, as checker.Analyze does. Packages
// run in parallel (one after another with opts.Sequential), each after
// every program package it imports, directly or not: a factless analyzer
// keeps what packages export in memory, and an importer must find it
// there.
//
// If the program was made by Load, the dependencies a's rule names
// (factless.Rule: those that can export what the program's findings
// depend on) are loaded from source and analyzed first, for what they
// export; the graph's roots are still the program's packages only. A
// Program made otherwise (a language server's, which loads what it needs
// itself) is analyzed as given.
func (p *Program) Analyze(fa *factless.Analyzer, opts *checker.Options) (*checker.Graph, error) {
	a := fa.Analyzer
	analyzed := p.Packages
	if p.loaded {
		rule := fa.Rule(p.VerdictsDir)
		defer fa.Settle(rule)()
		paths := p.sourceDependencies(rule)
		rule.Save()
		if len(paths) > 0 {
			cfg := p.cfg
			cfg.Tests = false
			deps, err := packages.Load(&cfg, paths...)
			if err != nil {
				return nil, err
			}
			analyzed = append(slices.Clip(analyzed), deps...)
		}
	}
	pkgs, inOrder := inDependencyOrder(a, analyzed)
	graph, err := checker.Analyze([]*analysis.Analyzer{inOrder}, pkgs, opts)
	if err != nil {
		return nil, err
	}
	// Only the program's packages are roots: the dependencies analyzed
	// for their facts report nothing.
	program := make(map[*packages.Package]bool)
	for _, q := range p.Packages {
		program[q] = true
	}
	graph.Roots = slices.DeleteFunc(graph.Roots, func(act *checker.Action) bool { return !program[act.Package] })
	// The actions' analyzer is the wrapper; their diagnostics and results
	// are a's, and drivers look a up by identity (JSON output, fixes).
	for act := range graph.All() {
		act.Analyzer = a
	}
	return graph, nil
}

// sourceDependencies returns the paths of the dependencies (not program
// packages) that rule says can export something the findings of a program
// package depend on: among the packages a program package that can use
// carriers imports, directly or not, those that can expose carriers (their
// text or one of their imports says so) or may retry (rule.Retries).
func (p *Program) sourceDependencies(rule *factless.Rule) []string {
	program := make(map[*packages.Package]bool)
	for _, q := range p.Packages {
		program[q] = true
	}
	own := ownCarriers(rule, p.Packages, program)
	carriers := make(map[*packages.Package]bool)
	packages.Visit(p.Packages, nil, func(q *packages.Package) { // imports first
		carriers[q] = own[q]
		for _, imp := range q.Imports {
			carriers[q] = carriers[q] || carriers[imp]
		}
	})
	var paths []string
	seen := make(map[*packages.Package]bool)
	var walk func(q *packages.Package)
	walk = func(q *packages.Package) {
		for _, imp := range q.Imports {
			if seen[imp] || program[imp] {
				continue
			}
			seen[imp] = true
			if carriers[imp] || rule.Retries(importPaths(imp), InMainModule(imp)) {
				paths = append(paths, imp.PkgPath)
			}
			walk(imp)
		}
	}
	for _, q := range p.Packages {
		if carriers[q] {
			walk(q)
		}
	}
	slices.Sort(paths)
	return paths
}

// ownCarriers returns, for each package of the import graph of pkgs,
// whether the rule says it can use carriers by itself: by its types for a
// program package (rule.Uses), by its files' text for a dependency
// (rule.Carriers). The packages are asked on one goroutine per CPU:
// reading the dependencies' files is most of the rule's cost, and nothing
// else runs meanwhile. (Some would not need asking, as one of their
// imports can use carriers; asking in dependency order to spare them
// costs more.)
func ownCarriers(rule *factless.Rule, pkgs []*packages.Package, program map[*packages.Package]bool) map[*packages.Package]bool {
	var all []*packages.Package
	packages.Visit(pkgs, nil, func(q *packages.Package) { all = append(all, q) })
	answers := make([]bool, len(all))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(all)) {
		wg.Go(func() {
			for i := range next {
				q := all[i]
				if program[q] {
					answers[i] = q.Types != nil && q.TypesInfo != nil && rule.Uses(q.Types, q.TypesInfo, dirOf(q))
				} else {
					answers[i] = rule.Carriers(q.PkgPath, dirOf(q), q.GoFiles)
				}
			}
		})
	}
	for i := range all {
		next <- i
	}
	close(next)
	wg.Wait()
	own := make(map[*packages.Package]bool, len(all))
	for i, q := range all {
		own[q] = answers[i]
	}
	return own
}

func importPaths(p *packages.Package) []string {
	var paths []string
	for _, imp := range p.Imports {
		paths = append(paths, imp.PkgPath)
	}
	return paths
}

// dirOf returns the directory of a package's files, or "".
func dirOf(p *packages.Package) string {
	for _, f := range p.GoFiles {
		return filepath.Dir(f)
	}
	return ""
}

// inDependencyOrder returns pkgs with each after the packages of pkgs it
// imports, and an analyzer like a whose passes wait for those packages'
// passes to end before running a's. checker.Analyze starts every root's
// pass at once (in order with opts.Sequential): the waits order them.
// pkgs may come from several loads: a package is known by its ID.
func inDependencyOrder(a *analysis.Analyzer, pkgs []*packages.Package) ([]*packages.Package, *analysis.Analyzer) {
	byID := make(map[string]*packages.Package)
	for _, p := range pkgs {
		byID[p.ID] = p
	}
	var ordered []*packages.Package
	visited := make(map[*packages.Package]bool)
	var place func(p *packages.Package)
	place = func(q *packages.Package) { // imports first
		if visited[q] {
			return
		}
		visited[q] = true
		for _, imp := range q.Imports {
			if analyzed := byID[imp.ID]; analyzed != nil {
				place(analyzed)
			} else {
				place(imp)
			}
		}
		if byID[q.ID] == q {
			ordered = append(ordered, q)
		}
	}
	for _, p := range pkgs {
		place(p)
	}

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
				if analyzed := byID[imp.ID]; analyzed != nil {
					if c := done[analyzed.Types]; c != nil && analyzed != p {
						waits[p.Types] = append(waits[p.Types], c)
					}
					continue // it waits for its own imports
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

// InMainModule reports whether q belongs to a module being developed
// (retry.InMainModule), as the analyzer's passes see it.
func InMainModule(q *packages.Package) bool {
	if q.Module != nil && q.Module.Path != "" {
		return retry.InMainModule(q.PkgPath, true, q.Module.Version)
	}
	return retry.InMainModule(q.PkgPath, false, "")
}
