package engine

import (
	"bytes"
	"go/token"
	"go/types"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
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

// hugeFileLines is the size of a file (generated code, as a rule) whose
// package the go command takes long to compile: about a second per 10,000
// lines of small functions. Listing such a package for export data costs
// more than a second go list run (about as long as the first), which
// smaller packages, or packages already in the build cache, do not. A
// variable for tests.
var hugeFileLines = 50_000

// load loads the packages matching patterns in Mode through go/packages,
// unless one of them has a file of hugeFileLines or more: then through
// loadGraph, which does not compile them. Which it is a go list -find
// tells (no dependencies: about a fifth of a full listing, and the files
// it names are only counted, not parsed).
func load(cfg *packages.Config, patterns []string) ([]*packages.Package, error) {
	if hasHugeFile(cfg, patterns) {
		return loadGraph(cfg, patterns)
	}
	return packages.Load(cfg, patterns...)
}

// hasHugeFile reports whether a directory a pattern names (., ./x,
// ./x/..., an absolute directory) holds a Go file of hugeFileLines lines
// or more. It reads directories, not go list: a go list -find costs a
// tenth of a second or more on every run, and this is only a choice of how
// to load (the findings are the same either way). Patterns that are
// import paths (std, example.com/x/...) are not looked into: their
// packages load through go/packages. Directories go list skips (testdata,
// vendor, names starting with . or _) are skipped; only files large enough
// to hold that many lines are counted.
func hasHugeFile(cfg *packages.Config, patterns []string) bool {
	for _, pattern := range patterns {
		dir, recursive := strings.CutSuffix(pattern, "/...")
		if pattern == "..." {
			dir, recursive = ".", true
		}
		if !filepath.IsAbs(dir) && dir != "." && dir != ".." && !strings.HasPrefix(dir, "./") && !strings.HasPrefix(dir, "../") {
			continue // an import path
		}
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(cfg.Dir, dir)
		}
		if huge := dirHasHugeFile(dir, recursive, cfg.Tests); huge {
			return true
		}
	}
	return false
}

func dirHasHugeFile(root string, recursive, tests bool) bool {
	huge := false
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || huge {
			return filepath.SkipDir
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (!recursive || name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		name := d.Name()
		if !strings.HasSuffix(name, ".go") || !tests && strings.HasSuffix(name, "_test.go") {
			return nil
		}
		info, err := d.Info()
		if err != nil || info.Size() < int64(hugeFileLines)*minLineBytes {
			return nil
		}
		if lines, err := countLines(path, hugeFileLines); err == nil && lines >= hugeFileLines {
			huge = true
			return filepath.SkipAll
		}
		return nil
	})
	return huge
}

// minLineBytes is the fewest bytes a line of a huge file has on average
// (a newline and a brace): a smaller file cannot have hugeFileLines lines.
const minLineBytes = 2

// countLines counts the lines of a file, stopping at limit.
func countLines(name string, limit int) (int, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	n := 0
	for n < limit {
		k, err := f.Read(buf)
		n += bytes.Count(buf[:k], []byte{'\n'})
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

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
	// Every dependency is named, not only the roots' direct imports: asked
	// without -compiled, go list leaves out the imports cgo adds (net's
	// runtime/cgo), and a package left without export data would be
	// checked from source with every package importing it (most of the
	// standard library).
	var paths []string
	packages.Visit(roots, nil, func(p *packages.Package) {
		if !importsRoot[p] && p.PkgPath != "unsafe" {
			paths = append(paths, p.ID)
		}
	})
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
