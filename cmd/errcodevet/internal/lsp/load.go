package lsp

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"slices"
	"sort"
	"sync"

	"golang.org/x/tools/go/packages"
)

// A loader loads packages as packages.Load in LoadAllSyntax mode does, and
// type-checks them the same way, but keeps the type-checked packages
// between loads: a package whose files (on disk or in the editor) and
// dependencies have not changed is not parsed and type-checked again. The
// standard library and the modules a package imports are checked once;
// an edit re-checks the edited package and those that import it.
//
// go list (through packages.Load, with the overlays) still answers every
// load, so the package graph is always the go command's.
type loader struct {
	fset  *token.FileSet
	cache map[cacheKey]*cached
	loads int // loads so far
}

// A cacheKey identifies a package's type-checking inputs, its
// dependencies' included: one key, one *packages.Package, so that every
// graph built from the cache is consistent (one types.Package per package).
type cacheKey [sha256.Size]byte

type cached struct {
	pkg      *packages.Package
	location string // the package's ID and files
	used     int    // the last load that used it
}

// keepLoads is how many loads a package no load uses stays cached: the
// dependencies of a module edited a while ago stay, but not for ever.
const keepLoads = 8

// maxFileSetBase bounds the positions used: token.FileSet never reuses
// the space of removed files, so the loader starts afresh past it.
const maxFileSetBase = 1 << 30

func newLoader() *loader {
	return &loader{fset: token.NewFileSet(), cache: make(map[cacheKey]*cached)}
}

// metadataMode is what go list tells; the loader does the rest.
const metadataMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
	packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

// load returns the packages matching patterns, with syntax, types and type
// information for them and all their dependencies. cfg.Mode is ignored.
func (l *loader) load(ctx context.Context, cfg packages.Config, patterns ...string) ([]*packages.Package, error) {
	if l.fset.Base() > maxFileSetBase {
		*l = *newLoader()
	}
	cfg.Mode = metadataMode
	cfg.Context = ctx
	meta, err := packages.Load(&cfg, patterns...)
	if err != nil {
		return nil, err
	}

	// Key every package by its contents and its dependencies' keys, in
	// dependency order.
	var order []*packages.Package
	keys := make(map[*packages.Package]cacheKey)
	var keyErr error
	packages.Visit(meta, nil, func(m *packages.Package) {
		if keyErr != nil {
			return
		}
		k, err := packageKey(m, keys, cfg.Overlay)
		if err != nil {
			keyErr = err
			return
		}
		keys[m] = k
		order = append(order, m)
	})
	if keyErr != nil {
		return nil, keyErr
	}

	// Build the packages not in the cache, each once its dependencies are
	// built, at most GOMAXPROCS at a time.
	type node struct {
		pkg  *packages.Package
		done chan struct{}
	}
	nodes := make(map[*packages.Package]*node, len(order))
	for _, m := range order {
		n := &node{done: make(chan struct{})}
		if c := l.cache[keys[m]]; c != nil {
			n.pkg = c.pkg
			close(n.done)
		}
		nodes[m] = n
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, m := range order {
		n := nodes[m]
		if n.pkg != nil {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(n.done)
			imports := make(map[string]*packages.Package, len(m.Imports))
			for path, dep := range m.Imports {
				d := nodes[dep]
				<-d.done
				if d.pkg == nil {
					return // not built: cancelled
				}
				imports[path] = d.pkg
			}
			if ctx.Err() != nil {
				return
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			if ctx.Err() != nil {
				return
			}
			n.pkg = l.safeBuild(m, imports, cfg.Overlay)
		}()
	}
	wg.Wait()

	// Keep what was built, even if cancelled: the next load likely needs
	// the same dependencies. Forget the versions of these packages that
	// an edit replaced, and what no recent load used.
	l.loads++
	current := make(map[string]cacheKey)
	for _, m := range order {
		p := nodes[m].pkg
		if p == nil {
			continue
		}
		c := l.cache[keys[m]]
		if c == nil {
			c = &cached{pkg: p, location: location(m)}
			l.cache[keys[m]] = c
		}
		c.used = l.loads
		current[c.location] = keys[m]
	}
	for k, c := range l.cache {
		if cur, ok := current[c.location]; ok && cur != k || l.loads-c.used > keepLoads {
			l.evict(k, c)
		}
	}
	// A package importing an evicted one goes too: were the evicted
	// contents to come back, they would be built again, and the importer
	// must not bring the old copy into the same graph.
	for changed := true; changed; {
		changed = false
		live := make(map[*packages.Package]bool, len(l.cache))
		for _, c := range l.cache {
			live[c.pkg] = true
		}
		for k, c := range l.cache {
			for _, imp := range c.pkg.Imports {
				if !live[imp] {
					l.evict(k, c)
					changed = true
					break
				}
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	roots := make([]*packages.Package, len(meta))
	for i, m := range meta {
		roots[i] = nodes[m].pkg
	}
	return roots, nil
}

// location identifies a package across versions of its contents.
func location(m *packages.Package) string {
	h := sha256.New()
	h.Write([]byte(m.ID))
	for _, name := range m.CompiledGoFiles {
		h.Write([]byte{0})
		h.Write([]byte(name))
	}
	return string(h.Sum(nil))
}

// evict forgets a package, and its files' positions.
func (l *loader) evict(k cacheKey, c *cached) {
	for _, f := range c.pkg.Syntax {
		if tf := l.fset.File(f.FileStart); tf != nil {
			l.fset.RemoveFile(tf)
		}
	}
	delete(l.cache, k)
}

// packageKey identifies what type-checking m depends on: its metadata, the
// identity of its files' contents, and its dependencies' keys.
func packageKey(m *packages.Package, keys map[*packages.Package]cacheKey, overlay map[string][]byte) (cacheKey, error) {
	h := sha256.New()
	str := func(s string) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	str(m.ID)
	str(m.PkgPath)
	str(m.Name)
	if m.Module != nil {
		str(m.Module.GoVersion)
	}
	str(fmt.Sprintf("%#v", m.TypesSizes))
	for _, e := range m.Errors {
		str(e.Error())
	}
	for _, name := range m.CompiledGoFiles {
		str(name)
		if src, ok := overlay[name]; ok {
			sum := sha256.Sum256(src)
			str("overlay")
			str(string(sum[:]))
			continue
		}
		fi, err := os.Stat(name)
		if err != nil {
			str("error " + err.Error())
			continue
		}
		str(fmt.Sprintf("%d %d %v", fi.Size(), fi.ModTime().UnixNano(), fi.Mode()))
	}
	paths := make([]string, 0, len(m.Imports))
	for path := range m.Imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		dep, ok := keys[m.Imports[path]]
		if !ok {
			return cacheKey{}, fmt.Errorf("%s: import %s visited out of order", m.ID, path)
		}
		str(path)
		str(string(dep[:]))
	}
	var k cacheKey
	h.Sum(k[:0])
	return k, nil
}

// safeBuild is build, with a panic of the parser or type checker turned
// into an error of the package: the server stays up, and the package gets
// no findings.
func (l *loader) safeBuild(m *packages.Package, imports map[string]*packages.Package, overlay map[string][]byte) (p *packages.Package) {
	defer func() {
		if r := recover(); r != nil {
			p = &packages.Package{
				ID: m.ID, Name: m.Name, PkgPath: m.PkgPath, Imports: imports, Fset: l.fset,
				Types: types.NewPackage(m.PkgPath, m.Name), TypesInfo: newTypesInfo(), TypesSizes: m.TypesSizes,
				Errors:   []packages.Error{{Pos: "-", Msg: fmt.Sprintf("internal error type-checking %s: %v", m.ID, r), Kind: packages.UnknownError}},
				IllTyped: true,
			}
		}
	}()
	return l.build(m, imports, overlay)
}

// build parses and type-checks m as go/packages does (loadPackage), with
// imports already built.
func (l *loader) build(m *packages.Package, imports map[string]*packages.Package, overlay map[string][]byte) *packages.Package {
	p := &packages.Package{
		ID:              m.ID,
		Name:            m.Name,
		PkgPath:         m.PkgPath,
		Errors:          slices.Clone(m.Errors),
		GoFiles:         m.GoFiles,
		CompiledGoFiles: m.CompiledGoFiles,
		OtherFiles:      m.OtherFiles,
		EmbedFiles:      m.EmbedFiles,
		EmbedPatterns:   m.EmbedPatterns,
		IgnoredFiles:    m.IgnoredFiles,
		Module:          m.Module,
		Imports:         imports,
		Fset:            l.fset,
		TypesSizes:      m.TypesSizes,
		TypesInfo:       newTypesInfo(),
	}
	defer func() {
		p.IllTyped = len(p.Errors) > 0
		for _, imp := range p.Imports {
			p.IllTyped = p.IllTyped || imp.IllTyped
		}
	}()
	if p.PkgPath == "unsafe" {
		p.Types = types.Unsafe
		p.Syntax = []*ast.File{}
		return p
	}
	p.Types = types.NewPackage(p.PkgPath, p.Name)

	appendError := func(err error) {
		switch err := err.(type) {
		case packages.Error:
			p.Errors = append(p.Errors, err)
		case *os.PathError:
			p.Errors = append(p.Errors, packages.Error{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError})
		case scanner.ErrorList:
			for _, e := range err {
				p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		case types.Error:
			p.TypeErrors = append(p.TypeErrors, err)
			p.Errors = append(p.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
		default:
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
	}

	for _, name := range p.CompiledGoFiles {
		src, ok := overlay[name]
		if !ok {
			var err error
			if src, err = os.ReadFile(name); err != nil {
				appendError(err)
				continue
			}
		}
		f, err := parser.ParseFile(l.fset, name, src, parser.AllErrors|parser.ParseComments)
		if f != nil {
			p.Syntax = append(p.Syntax, f)
		}
		if err != nil {
			appendError(err)
		}
	}

	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := p.Imports[path]
			if imp == nil {
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			return imp.Types, nil
		}),
		Error: appendError,
		Sizes: p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	typErr := types.NewChecker(tc, l.fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if typErr != nil && len(p.Errors) == 0 {
		appendError(typErr)
	}
	return p
}

func newTypesInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
