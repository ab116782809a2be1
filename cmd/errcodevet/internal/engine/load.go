package engine

import (
	"go/token"
	"go/types"
	"runtime"
	"slices"
	"sync"

	"golang.org/x/tools/go/packages"
)

// listMode is what the first go list tells: the packages matching the
// patterns and their whole import graph, without export data, so that the
// go command compiles none of them.
const listMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

// exportMode is what the second go list tells: the export data of the
// dependencies, which the go command compiles (or finds in its build
// cache), with the errors of those that do not compile.
const exportMode = packages.NeedName | packages.NeedImports | packages.NeedDeps | packages.NeedExportFile

// loadGraph returns the packages matching patterns as go/packages does in
// Mode, but without compiling them: go/packages asks go list for the
// export data of every package it lists, the patterns' own included, and
// compiling a package of the patterns costs more than type-checking it (a
// generated file of 140,000 lines: 12 s of compiler against 1.5 s for go
// vet, which compiles only the dependencies). Here one go list gives the
// import graph, and a second the export data of the dependencies only.
//
// As go/packages does, it type-checks from source the packages matching
// the patterns, those whose export data could not be built (with their
// errors) and those importing one of these; it reads from export data the
// types of the other packages they import, and gives every other package a
// types.Package that stays incomplete.
func loadGraph(cfg *packages.Config, patterns []string) ([]*packages.Package, error) {
	list := *cfg
	list.Mode = listMode
	roots, err := packages.Load(&list, patterns...)
	if err != nil {
		return nil, err
	}
	if err := addExportData(cfg, roots); err != nil {
		return nil, err
	}

	root := make(map[*packages.Package]bool)
	for _, p := range roots {
		root[p] = true
	}
	source := fromSource(roots, func(p *packages.Package) bool {
		return root[p] || p.ExportFile == "" && p.PkgPath != "unsafe"
	})

	fset := token.NewFileSet()
	// Every package gets its types.Package before any export data is
	// read, so that reading one never makes a second types.Package for a
	// package it mentions.
	exported := make(map[string]*types.Package)
	packages.Visit(roots, nil, func(p *packages.Package) {
		p.Fset = fset
		switch {
		case p.PkgPath == "unsafe":
			p.Types = types.Unsafe
		case !source[p]:
			p.Types = types.NewPackage(p.PkgPath, p.Name)
			exported[p.PkgPath] = p.Types
		}
	})
	var mu sync.Mutex // guards exported, failed and what reading export data changes
	failed := make(map[*packages.Package]error)
	fromExport := func(p *packages.Package) (*types.Package, error) {
		mu.Lock()
		defer mu.Unlock()
		if p.Types != nil && p.Types.Complete() {
			return p.Types, nil
		}
		if err := failed[p]; err != nil {
			return nil, err // said once, with p
		}
		t, err := ReadExport(fset, exported, p.PkgPath, p.ExportFile)
		if err != nil {
			failed[p] = err
			p.IllTyped = true
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
			return nil, err
		}
		return t, nil
	}

	// The source packages, each checked once those it imports from source
	// are, at most GOMAXPROCS at a time.
	type node struct {
		pkg  *packages.Package
		done chan struct{}
	}
	nodes := make(map[*packages.Package]*node)
	var order []*packages.Package
	packages.Visit(roots, nil, func(p *packages.Package) {
		if source[p] {
			nodes[p] = &node{done: make(chan struct{})}
			order = append(order, p)
		}
	})
	// The imports a source package reads from export data are read first,
	// one after another (reading one may fill in the types of another),
	// in a fixed order, so that their errors are said the same every run.
	for _, p := range order {
		for _, path := range sortedImports(p) {
			if imp := p.Imports[path]; !source[imp] && imp.PkgPath != "unsafe" {
				fromExport(imp)
			}
		}
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, m := range order {
		n := nodes[m]
		wg.Go(func() {
			defer close(n.done)
			imports := make(map[string]*packages.Package, len(m.Imports))
			for path, imp := range m.Imports {
				if d := nodes[imp]; d != nil {
					<-d.done
					imp = d.pkg
				}
				imports[path] = imp
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			n.pkg = TypeCheck(fset, m, imports, cfg.Overlay, fromExport, !root[m])
		})
	}
	wg.Wait()

	// The graph the drivers see: the checked packages in place of their
	// metadata. (No package from export data imports a source package.)
	checked := func(p *packages.Package) *packages.Package {
		if n := nodes[p]; n != nil {
			return n.pkg
		}
		return p
	}
	out := make([]*packages.Package, len(roots))
	for i, p := range roots {
		out[i] = checked(p)
	}
	return out, nil
}

// addExportData asks go list for the export data of the dependencies of
// roots that do not import a root (those that do are checked from source,
// for they must see the root's types): it compiles them, or finds them in
// its build cache. Each dependency gets its export file, and the errors
// this go list adds about it (the compiler's).
func addExportData(cfg *packages.Config, roots []*packages.Package) error {
	root := make(map[*packages.Package]bool)
	for _, p := range roots {
		root[p] = true
	}
	importsRoot := fromSource(roots, func(p *packages.Package) bool { return root[p] })
	var paths []string
	seen := make(map[string]bool)
	for p := range importsRoot {
		for _, imp := range p.Imports {
			if !importsRoot[imp] && !seen[imp.ID] {
				seen[imp.ID] = true
				paths = append(paths, imp.ID)
			}
		}
	}
	if len(paths) == 0 {
		return nil
	}
	slices.Sort(paths)
	exp := *cfg
	exp.Mode = exportMode
	exp.Tests = false
	deps, err := packages.Load(&exp, paths...)
	if err != nil {
		return err
	}
	byID := make(map[string]*packages.Package)
	packages.Visit(deps, nil, func(d *packages.Package) { byID[d.ID] = d })
	packages.Visit(roots, nil, func(p *packages.Package) {
		if importsRoot[p] {
			return
		}
		if d := byID[p.ID]; d != nil {
			p.ExportFile = d.ExportFile
			// The first go list placed its errors where the graph
			// imports the package; this one adds the compiler's.
			for _, e := range d.Errors {
				if !slices.ContainsFunc(p.Errors, func(said packages.Error) bool { return said.Msg == e.Msg }) {
					p.Errors = append(p.Errors, e)
				}
			}
		}
	})
	return nil
}

// fromSource returns the packages of the graph of roots that own says are
// to be checked from source, and those importing one, directly or not.
func fromSource(roots []*packages.Package, own func(*packages.Package) bool) map[*packages.Package]bool {
	source := make(map[*packages.Package]bool)
	packages.Visit(roots, nil, func(p *packages.Package) {
		src := own(p)
		for _, imp := range p.Imports {
			src = src || source[imp]
		}
		if src {
			source[p] = true
		}
	})
	return source
}

func sortedImports(p *packages.Package) []string {
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	return paths
}
