package lsp

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/cmd/errcodevet/internal/engine"
	"github.com/errcodevet/errcodevet/internal/factless"
)

// A loader loads packages for analysis and keeps them between loads, so
// that an edit costs about a type-check of the edited package:
//
//   - The workspace packages (those of the main module, or outside GOROOT
//     in GOPATH mode) are parsed and type-checked from source, as are the
//     few packages that import one. A package whose files (on disk or in
//     the editor) and dependencies have not changed is not checked again;
//     an edit re-checks the edited package and those that import it.
//   - So are the packages outside the workspace that the rule names (a
//     vendor SDK whose method returns a carrier), and those importing one.
//     The rule is the current analyzer's; its answer for a package, which
//     costs reading the package's files, is kept while the package's
//     export data and the carrier keys that apply to it stay the same: an
//     edit reads no dependency again, and an edit of the configuration
//     is seen at the next load.
//   - Every other package (the standard library, module dependencies)
//     comes from its export data, which go list compiles into the build
//     cache, as go vet and gopls do: type-checking them from source took
//     seconds.
//   - go list runs only when what it says may have changed: go.mod, go.sum
//     or go.work, the files of a workspace package's directory, or a
//     file's package clause, imports or build constraints. Editing a
//     function's body reuses the last answer.
type loader struct {
	fset  *token.FileSet
	cache map[cacheKey]*cached
	loads int // loads so far

	goroot string               // the go command's GOROOT, once known
	lists  map[string]*listing  // go list's last answer, by query
	stamps map[string]fileStamp // file headers by path, for the listing stamps
	exp    *exports
	listed int // go list runs so far, for tests

	// rule, if set, names the packages outside the workspace that are to
	// be analyzed too, so from source: those that can export what the
	// findings depend on (a function returning a carrier, or retrying).
	// It is the rule of the analyzer that analyzes the load, set before
	// each: the configuration, which decides what carries a code, may
	// have changed since the last.
	rule   *factless.Rule
	wanted map[string]ruleAnswer // the rule's answers, by package ID
	asked  int                   // the rule's answers computed so far, for tests
}

// A ruleAnswer is the rule's answer for a package, and what it was computed
// from besides the package's path: an answer is reused while its package
// has the same export data (the same files) and the same carrier keys
// apply to it, so that an edit reads no dependency's files again, and an
// edit of the configuration is seen at the next analysis.
type ruleAnswer struct {
	exportFile string
	keys       string // factless.Rule.Keys
	want       bool
}

// exports are the packages read from export data.
type exports struct {
	mu       sync.Mutex
	imports  map[string]*types.Package      // every package read so far, by path
	files    map[string]string              // the export file each was read from
	packages map[cacheKey]*packages.Package // by exportKey
}

func newExports() *exports {
	return &exports{imports: make(map[string]*types.Package), files: make(map[string]string), packages: make(map[cacheKey]*packages.Package)}
}

// A listing is one answer of go list and what it depended on.
type listing struct {
	roots []*packages.Package
	stamp string // "" when it cannot be reused (cgo)
	used  int    // the last load that used it
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
	return &loader{
		fset:   token.NewFileSet(),
		cache:  make(map[cacheKey]*cached),
		lists:  make(map[string]*listing),
		stamps: make(map[string]fileStamp),
		exp:    newExports(),
		wanted: make(map[string]ruleAnswer),
	}
}

// metadataMode is what go list tells, export data included; the loader
// does the rest. (Asking for the export data of the dependencies alone,
// in a second go list, costs more than compiling the workspace packages
// in the first: the go command starts once.)
const metadataMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
	packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes | packages.NeedExportFile

// load returns the packages matching patterns, with syntax, types and type
// information for them and all their dependencies. cfg.Mode is ignored.
func (l *loader) load(ctx context.Context, cfg packages.Config, patterns ...string) ([]*packages.Package, error) {
	if l.fset.Base() > maxFileSetBase {
		l.fset, l.cache, l.exp = token.NewFileSet(), make(map[cacheKey]*cached), newExports()
	}
	cfg.Mode = metadataMode
	cfg.Context = ctx
	meta, err := l.list(cfg, patterns)
	if err != nil {
		return nil, err
	}
	// The generated test mains hold no file to analyze.
	meta = slices.DeleteFunc(slices.Clone(meta), func(m *packages.Package) bool {
		return m.Name == "main" && strings.HasSuffix(m.ID, ".test")
	})
	source := l.fromSource(meta)
	if l.exportsChanged(meta, source) {
		// A dependency changed (go.mod edited, say): types read before
		// cannot meet the new ones in one graph. Start afresh.
		l.fset, l.cache, l.exp = token.NewFileSet(), make(map[cacheKey]*cached), newExports()
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
		var k cacheKey
		var err error
		if source[m] {
			k, err = packageKey(m, keys, cfg.Overlay)
		} else {
			k = exportKey(m)
		}
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
		} else if !source[m] {
			// Read when a source package imports it; nothing waits.
			n.pkg = l.exportPackage(m, keys[m])
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
				if !source[dep] {
					imports[path] = nodes[dep].pkg
					continue
				}
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
		if p == nil || !source[m] {
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
		live := make(map[*packages.Package]bool, len(l.cache)+len(l.exp.packages))
		for _, c := range l.cache {
			live[c.pkg] = true
		}
		for _, p := range l.exp.packages {
			live[p] = true
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
				Types: types.NewPackage(m.PkgPath, m.Name), TypesInfo: engine.NewTypesInfo(), TypesSizes: m.TypesSizes,
				Errors:   []packages.Error{{Pos: "-", Msg: fmt.Sprintf("internal error type-checking %s: %v", m.ID, r), Kind: packages.UnknownError}},
				IllTyped: true,
			}
		}
	}()
	return l.build(m, imports, overlay)
}

// build parses and type-checks m as go/packages does (loadPackage), with
// imports already built: as the engine does its source packages.
func (l *loader) build(m *packages.Package, imports map[string]*packages.Package, overlay map[string][]byte) *packages.Package {
	return engine.TypeCheck(l.fset, m, imports, overlay, l.readExport, false)
}

// list returns go list's answer for patterns: the last one, if nothing it
// depends on has changed since, else a new one.
func (l *loader) list(cfg packages.Config, patterns []string) ([]*packages.Package, error) {
	for q, ls := range l.lists {
		if l.loads-ls.used > keepLoads {
			delete(l.lists, q)
		}
	}
	query := fmt.Sprintf("%q %q %v %q", cfg.Dir, patterns, cfg.Tests, cfg.Env)
	if ls := l.lists[query]; ls != nil && ls.stamp != "" && ls.stamp == l.stamp(cfg.Dir, ls.roots, cfg.Overlay) {
		ls.used = l.loads
		return ls.roots, nil
	}
	l.listed++
	roots, err := packages.Load(&cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if l.goroot == "" && !moduleMode(roots) {
		l.goroot = goroot(cfg)
	}
	l.lists[query] = &listing{roots: roots, stamp: l.stamp(cfg.Dir, roots, cfg.Overlay), used: l.loads}
	return roots, nil
}

// moduleMode reports whether the graph is one of modules: its packages
// outside the standard library have one.
func moduleMode(roots []*packages.Package) bool {
	found := false
	packages.Visit(roots, nil, func(m *packages.Package) { found = found || m.Module != nil })
	return found
}

// goroot returns the GOROOT of the go command cfg runs, or "": in GOPATH
// mode, which packages are the standard library's.
func goroot(cfg packages.Config) string {
	cmd := exec.CommandContext(cfg.Context, "go", "env", "GOROOT")
	cmd.Dir, cmd.Env = cfg.Dir, cfg.Env
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// A fileStamp is what go list reads of a file: its package clause,
// imports and build constraints, known for a size and time on disk.
type fileStamp struct {
	size    int64
	modTime int64
	header  string
}

// stamp sums up what a go list answer for a package graph depends on: the
// go.mod, go.sum and go.work files up from dir, the names of the Go files
// in each workspace package's directory, and each one's header (package
// clause, imports, build constraints), the editor's contents for open
// files. It returns "" when the answer cannot be reused: cgo packages,
// whose compiled files go list writes from the edited sources.
func (l *loader) stamp(dir string, roots []*packages.Package, overlay map[string][]byte) string {
	h := sha256.New()
	for d := dir; ; {
		for _, name := range []string{"go.mod", "go.sum", "go.work", "go.work.sum"} {
			if fi, err := os.Stat(filepath.Join(d, name)); err == nil {
				fmt.Fprintf(h, "%s %d %d\n", filepath.Join(d, name), fi.Size(), fi.ModTime().UnixNano())
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	dirs := make(map[string]bool)
	cgo := false
	packages.Visit(roots, nil, func(m *packages.Package) {
		if !l.workspace(m) || strings.HasSuffix(m.ID, ".test") {
			return
		}
		for _, name := range m.GoFiles {
			dirs[filepath.Dir(name)] = true
		}
		cgo = cgo || !slices.Equal(m.GoFiles, m.CompiledGoFiles)
	})
	if cgo {
		return ""
	}
	inDir := make(map[string][]string)
	for name := range overlay {
		if d := filepath.Dir(name); dirs[d] && strings.HasSuffix(name, ".go") {
			inDir[d] = append(inDir[d], filepath.Base(name))
		}
	}
	for _, d := range slices.Sorted(maps.Keys(dirs)) {
		entries, err := os.ReadDir(d)
		if err != nil {
			fmt.Fprintf(h, "%s: %v\n", d, err)
			continue
		}
		names := inDir[d]
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".go") && !e.IsDir() {
				names = append(names, e.Name())
			}
		}
		slices.Sort(names)
		for _, name := range slices.Compact(names) {
			path := filepath.Join(d, name)
			fmt.Fprintf(h, "%s %q\n", path, l.header(path, overlay))
		}
	}
	return string(h.Sum(nil))
}

// header returns what go list reads of a file: its package clause,
// imports and build constraints.
func (l *loader) header(path string, overlay map[string][]byte) string {
	src, open := overlay[path]
	if !open {
		fi, err := os.Stat(path)
		if err != nil {
			return err.Error()
		}
		if st, ok := l.stamps[path]; ok && st.size == fi.Size() && st.modTime == fi.ModTime().UnixNano() {
			return st.header
		}
		if src, err = os.ReadFile(path); err != nil {
			return err.Error()
		}
		defer func() { l.stamps[path] = fileStamp{fi.Size(), fi.ModTime().UnixNano(), fileHeader(src)} }()
	}
	return fileHeader(src)
}

// fileHeader returns the package clause, imports and build constraints of
// a Go file: the text before its first declaration that is not an import.
func fileHeader(src []byte) string {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.ImportsOnly|parser.ParseComments)
	if err != nil {
		return "unparsable " + err.Error()
	}
	// Parsed with ImportsOnly, the declarations are the imports.
	end := int(f.Name.End() - f.FileStart)
	for _, d := range f.Decls {
		end = max(end, int(d.End()-f.FileStart))
	}
	return string(src[:min(end, len(src))])
}

// workspace reports whether m is one of the user's packages, which the
// loader type-checks from source: a package of the main module (of a
// go.work's modules), or in GOPATH mode one outside GOROOT.
func (l *loader) workspace(m *packages.Package) bool {
	if len(m.GoFiles) == 0 && len(m.CompiledGoFiles) == 0 {
		return false // unsafe, or nothing to check
	}
	if m.Module != nil {
		return m.Module.Main
	}
	if l.goroot == "" {
		return false // module mode (or GOROOT unknown): the standard library
	}
	for _, name := range m.GoFiles {
		if rel, err := filepath.Rel(l.goroot, name); err == nil && filepath.IsLocal(rel) {
			return false
		}
	}
	return true
}

// fromSource returns the packages of the graph to type-check from source:
// the workspace packages, the dependencies the rule wants analyzed, and
// those importing one (a dependency that imports the workspace must see
// the workspace's types, not a copy read from export data).
func (l *loader) fromSource(roots []*packages.Package) map[*packages.Package]bool {
	source := make(map[*packages.Package]bool)
	packages.Visit(roots, nil, func(m *packages.Package) {
		src := l.workspace(m) || l.wants(m)
		for _, dep := range m.Imports {
			src = src || source[dep]
		}
		if src {
			source[m] = true
		}
	})
	return source
}

// wants reports whether the rule wants m, a package outside the workspace,
// analyzed. The standard library is asked only whether the catalog names
// it: its text spells no vendor's code, and it imports no retry library.
func (l *loader) wants(m *packages.Package) bool {
	if l.rule == nil || len(m.GoFiles) == 0 {
		return false
	}
	dir := filepath.Dir(m.GoFiles[0])
	keys := l.rule.Keys(dir)
	if w, ok := l.wanted[m.ID]; ok && w.exportFile == m.ExportFile && w.keys == keys {
		return w.want
	}
	l.asked++
	files := m.GoFiles
	if m.Module == nil {
		files = nil
	}
	var imports []string
	for _, dep := range m.Imports {
		imports = append(imports, dep.PkgPath)
	}
	w := l.rule.Carriers(m.PkgPath, dir, files) || l.rule.Retries(imports, engine.InMainModule(m))
	l.wanted[m.ID] = ruleAnswer{exportFile: m.ExportFile, keys: keys, want: w}
	return w
}

// exportsChanged reports whether a package from export data now has other
// export data than the loader read before.
func (l *loader) exportsChanged(roots []*packages.Package, source map[*packages.Package]bool) bool {
	changed := false
	packages.Visit(roots, nil, func(m *packages.Package) {
		if source[m] {
			return
		}
		if prev, ok := l.exp.files[m.PkgPath]; ok && prev != m.ExportFile {
			changed = true
		}
	})
	return changed
}

// exportKey identifies a package read from export data: the export file's
// name in the build cache changes with its contents.
func exportKey(m *packages.Package) cacheKey {
	return sha256.Sum256(fmt.Appendf(nil, "export %q %q %q %v", m.ID, m.PkgPath, m.ExportFile, m.Errors))
}

// exportPackage returns the package of m from export data, whose types are
// read when a source package first imports it.
func (l *loader) exportPackage(m *packages.Package, k cacheKey) *packages.Package {
	l.exp.mu.Lock()
	defer l.exp.mu.Unlock()
	if p := l.exp.packages[k]; p != nil {
		return p
	}
	// No files: the package is not to be read from source, by the engine
	// either (its dependency rule reads the files of those it is given).
	p := &packages.Package{
		ID: m.ID, Name: m.Name, PkgPath: m.PkgPath, Errors: slices.Clone(m.Errors),
		ExportFile: m.ExportFile, Module: m.Module, Fset: l.fset, TypesSizes: m.TypesSizes,
	}
	if m.PkgPath == "unsafe" {
		p.Types = types.Unsafe
	}
	p.IllTyped = len(p.Errors) > 0
	l.exp.packages[k] = p
	return p
}

// readExport reads p's types from its export data, once, into the
// packages read so far: every package read from export data is one
// types.Package, whichever export file mentions it.
func (l *loader) readExport(p *packages.Package) (*types.Package, error) {
	l.exp.mu.Lock()
	defer l.exp.mu.Unlock()
	if p.Types != nil {
		return p.Types, nil
	}
	if t := l.exp.imports[p.PkgPath]; t != nil && t.Complete() {
		p.Types = t
		return t, nil
	}
	t, err := engine.ReadExport(l.fset, l.exp.imports, p.PkgPath, p.ExportFile)
	if err != nil {
		return nil, err
	}
	l.exp.files[p.PkgPath] = p.ExportFile
	p.Types = t
	return t, nil
}
