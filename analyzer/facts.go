package analyzer

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/internal/analyzerinternal"
	"github.com/errcodevet/errcodevet/internal/atomicfile"
	"github.com/errcodevet/errcodevet/internal/carrier"
	"github.com/errcodevet/errcodevet/internal/retry"
)

// facts is where a pass learns what other packages exposed and records
// what its own package exposes: which functions return a carrier or retry,
// and whether the package exposes carriers at all.
type facts interface {
	importsCarriers(p *analysis.Pass, keys *carrier.Keys) bool
	returnsCarrier(p *analysis.Pass, fn *types.Func) (carrier.ReturnsCarrier, bool)
	retries(p *analysis.Pass, fn *types.Func) bool
	clients(p *analysis.Pass, pkg *types.Package) (carrier.ClientsFact, bool)

	exportReturnsCarrier(p *analysis.Pass, fn *types.Func, f carrier.ReturnsCarrier)
	exportRetries(p *analysis.Pass, fn *types.Func)
	exportExposes(p *analysis.Pass)
	exportClients(p *analysis.Pass, f carrier.ClientsFact)
	// done follows a pass's exports.
	done(p *analysis.Pass)
}

// analysisFacts are go/analysis facts: the driver runs the analyzer on
// every dependency and hands each package its imports' facts. Exact for
// every package, at the driver's price for declaring fact types (see
// BENCHMARKS.md).
type analysisFacts struct{}

var factTypes = []analysis.Fact{new(carrier.ReturnsCarrier), new(carrier.ExposesCarriers), new(retry.RetriesFact), new(carrier.ClientsFact)}

func (analysisFacts) importsCarriers(p *analysis.Pass, _ *carrier.Keys) bool {
	for _, imp := range p.Pkg.Imports() {
		if p.ImportPackageFact(imp, new(carrier.ExposesCarriers)) {
			return true
		}
	}
	return false
}

func (analysisFacts) returnsCarrier(p *analysis.Pass, fn *types.Func) (carrier.ReturnsCarrier, bool) {
	var f carrier.ReturnsCarrier
	ok := p.ImportObjectFact(fn, &f)
	return f, ok
}

func (analysisFacts) retries(p *analysis.Pass, fn *types.Func) bool {
	return p.ImportObjectFact(fn, new(retry.RetriesFact))
}

func (analysisFacts) clients(p *analysis.Pass, pkg *types.Package) (carrier.ClientsFact, bool) {
	var f carrier.ClientsFact
	ok := p.ImportPackageFact(pkg, &f)
	return f, ok
}

func (analysisFacts) exportClients(p *analysis.Pass, f carrier.ClientsFact) {
	p.ExportPackageFact(&f)
}

func (analysisFacts) exportReturnsCarrier(p *analysis.Pass, fn *types.Func, f carrier.ReturnsCarrier) {
	p.ExportObjectFact(fn, &f)
}

func (analysisFacts) exportRetries(p *analysis.Pass, fn *types.Func) {
	p.ExportObjectFact(fn, new(retry.RetriesFact))
}

func (analysisFacts) exportExposes(p *analysis.Pass) {
	p.ExportPackageFact(new(carrier.ExposesCarriers))
}

func (analysisFacts) done(*analysis.Pass) {}

// processFacts keep the same knowledge in memory, shared by every pass of
// one analyzer in one process, for a driver that analyzes a package only
// after the packages it imports and that, with no fact types declared,
// loads dependencies from export data and runs the analyzer on the packages
// it lints alone (golangci-lint). What the packages analyzed in the
// process export is known exactly; so is what packages analyzed by an
// earlier process exported, when dir keeps it (below) and their files are
// unchanged. Of any other package (a dependency outside the linted set)
// only what its types show is known: whether a type it declares can hold
// a carrier, not which of its functions return one or retry.
//
// dir, when not empty, keeps each analyzed package's facts in a file, for
// the runs of a driver that caches results per package: golangci-lint
// re-analyzes a package whose files or dependencies changed and takes the
// rest from its cache, so an edited package must still learn the facts of
// the unchanged packages it imports. A kept record is used only if every
// file it was computed from is unchanged (same content hash); a package
// whose dependencies changed is analyzed again, so its record is replaced.
type processFacts struct {
	dir string

	// scan, if not nil, tells whether the driver made sure that no
	// package a pass imports without analyzing it can expose carriers
	// (Complete): then their types need no look.
	scan analyzerinternal.Scan

	mu   sync.Mutex
	pkgs map[string]*pkgFacts // by package path; nil: looked up in dir, not there
}

// pkgFacts are one package's facts. Both variants of a package (with and
// without its tests) add to the same record.
type pkgFacts struct {
	Exposes  bool                              `json:"exposes,omitempty"`
	Carriers map[string]carrier.ReturnsCarrier `json:"carriers,omitempty"` // by funcKey
	Retrying map[string]bool                   `json:"retrying,omitempty"` // by funcKey
	Clients  *carrier.ClientsFact              `json:"clients,omitempty"`
	Files    map[string]string                 `json:"files"` // file name -> SHA-256 of its content

	here bool // analyzed in this process, not read from dir
}

func newProcessFacts(dir string, scan analyzerinternal.Scan) *processFacts {
	return &processFacts{dir: dir, scan: scan, pkgs: make(map[string]*pkgFacts)}
}

// funcKey names a function the same in the package that declares it
// (type-checked from source) and in its importers (from export data).
func funcKey(fn *types.Func) string { return fn.Origin().FullName() }

// lookup returns the facts of the package with this path, from this
// process or from dir; f.mu is held.
func (f *processFacts) lookup(path string) *pkgFacts {
	pf, ok := f.pkgs[path]
	if !ok {
		pf = f.load(path)
		f.pkgs[path] = pf
	}
	return pf
}

// own returns the record the pass adds its package's facts to; f.mu is
// held.
func (f *processFacts) own(p *analysis.Pass) *pkgFacts {
	pf := f.pkgs[p.Pkg.Path()]
	if pf == nil || !pf.here {
		pf = &pkgFacts{Carriers: make(map[string]carrier.ReturnsCarrier), Retrying: make(map[string]bool), Files: make(map[string]string), here: true}
		f.pkgs[p.Pkg.Path()] = pf
	}
	return pf
}

func (f *processFacts) importsCarriers(p *analysis.Pass, keys *carrier.Keys) bool {
	f.mu.Lock()
	for _, imp := range p.Pkg.Imports() {
		if pf := f.lookup(imp.Path()); pf != nil && pf.Exposes {
			f.mu.Unlock()
			return true
		}
	}
	f.mu.Unlock()
	if f.scan != nil && f.scan.Complete() {
		return false
	}
	// Packages analyzed by no one answer through their types: does this
	// package use a type of theirs that can hold a carrier?
	return keys.UsesForeignCarriers(p.Pkg, p.TypesInfo)
}

func (f *processFacts) returnsCarrier(p *analysis.Pass, fn *types.Func) (carrier.ReturnsCarrier, bool) {
	if fn.Pkg() == nil {
		return carrier.ReturnsCarrier{}, false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if pf := f.lookup(fn.Pkg().Path()); pf != nil {
		rc, ok := pf.Carriers[funcKey(fn)]
		return rc, ok
	}
	return carrier.ReturnsCarrier{}, false
}

func (f *processFacts) retries(p *analysis.Pass, fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	pf := f.lookup(fn.Pkg().Path())
	return pf != nil && pf.Retrying[funcKey(fn)]
}

func (f *processFacts) clients(p *analysis.Pass, pkg *types.Package) (carrier.ClientsFact, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if pf := f.lookup(pkg.Path()); pf != nil && pf.Clients != nil {
		return *pf.Clients, true
	}
	return carrier.ClientsFact{}, false
}

func (f *processFacts) exportClients(p *analysis.Pass, c carrier.ClientsFact) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.own(p).Clients = &c
}

func (f *processFacts) exportReturnsCarrier(p *analysis.Pass, fn *types.Func, rc carrier.ReturnsCarrier) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.own(p).Carriers[funcKey(fn)] = rc
}

func (f *processFacts) exportRetries(p *analysis.Pass, fn *types.Func) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.own(p).Retrying[funcKey(fn)] = true
}

func (f *processFacts) exportExposes(p *analysis.Pass) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.own(p).Exposes = true
}

// done records that the pass's package was analyzed, with the facts it
// exported (perhaps none), and keeps them in dir. Only a package that
// exported something gets a record: a missing record and an empty one
// answer alike (nothing exported), and most packages export nothing, so a
// cold run creates a handful of files instead of one per package. An empty
// package's old record, if any, is removed: its facts may have gone with a
// changed dependency while its own files stayed the same.
func (f *processFacts) done(p *analysis.Pass) {
	f.mu.Lock()
	pf := f.own(p) // analyzed: its record, perhaps empty, is the answer
	exports := pf.Exposes || len(pf.Carriers) > 0 || len(pf.Retrying) > 0 || pf.Clients != nil
	f.mu.Unlock()
	if f.dir == "" {
		return
	}
	if !exports {
		os.Remove(f.recordPath(p.Pkg.Path()))
		return
	}
	hashes := make(map[string]string)
	for _, file := range p.Files {
		name := p.Fset.File(file.Pos()).Name()
		data, err := os.ReadFile(name)
		if err != nil {
			// Cannot be checked later: keep nothing, and drop what an
			// earlier run kept.
			os.Remove(f.recordPath(p.Pkg.Path()))
			return
		}
		sum := sha256.Sum256(data)
		hashes[name] = hex.EncodeToString(sum[:])
	}
	f.mu.Lock()
	maps.Copy(pf.Files, hashes)
	data, _ := json.Marshal(pf)
	f.mu.Unlock()
	// Best effort: a record that cannot be written is a record that later
	// runs do not find, and they fall back to the package's types.
	if err := os.MkdirAll(f.dir, 0o755); err == nil {
		atomicfile.WriteCache(f.recordPath(p.Pkg.Path()), data, 0o644)
	}
}

func (f *processFacts) recordPath(pkgPath string) string {
	sum := sha256.Sum256([]byte(pkgPath))
	return filepath.Join(f.dir, hex.EncodeToString(sum[:12])+".json")
}

// load reads the kept record of a package not analyzed in this process,
// if there is one and every file it was computed from is unchanged.
func (f *processFacts) load(pkgPath string) *pkgFacts {
	if f.dir == "" {
		return nil
	}
	data, err := os.ReadFile(f.recordPath(pkgPath))
	if err != nil {
		return nil
	}
	var pf pkgFacts
	if json.Unmarshal(data, &pf) != nil || len(pf.Files) == 0 {
		return nil
	}
	for name, want := range pf.Files {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != want {
			return nil
		}
	}
	return &pf
}
