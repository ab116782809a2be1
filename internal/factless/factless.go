// Package factless runs errcodevet's analyzer in the form that declares no
// fact types, for the drivers that load dependencies from export data: the
// standalone command, its SARIF output and language server (through
// cmd/errcodevet/internal/engine), and golangci-lint. Declaring any fact
// type makes a driver load and type-check every dependency from source,
// the standard library included, which costs more than errcodevet's whole
// analysis (BENCHMARKS.md). What facts carry between packages is kept in
// memory instead, shared by the analyzer's passes, which is exact only
// under a driver that analyzes a package after the packages it imports,
// in one process.
//
// What such an analyzer knows less than analyzer.New's: which functions of
// a package that no run analyzed (a dependency outside the packages being
// analyzed) return a carrier or retry. Carrier types of such packages are
// still known, from their types. A driver that loads dependencies from
// export data learns from a Rule which ones to analyze too, so that
// nothing is lost; the rule's answers are the driver's, kept by the
// driver (verdicts.go), and the analyzer only asks for them.
package factless

import (
	"go/types"
	"slices"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/internal/analyzerinternal"
	"github.com/errcodevet/errcodevet/internal/carrier"
	"github.com/errcodevet/errcodevet/internal/retry"
)

// An Analyzer is errcodevet's analyzer without fact types, and what its
// driver found of the packages before their passes. The driver owns it.
type Analyzer struct {
	// Analyzer declares no fact types; its flags configure it.
	Analyzer *analysis.Analyzer

	in *analyzerinternal.Analyzer
	// settled is the rule whose answers the passes take, while the
	// driver analyzes every package it names (Settle).
	settled atomic.Pointer[Rule]
}

// New returns the analyzer with configuration cfg. factsDir, if not empty,
// is a directory where each analyzed package's facts are kept for later
// processes, checked against its files' content when read: a driver that
// caches results per package (golangci-lint) analyzes only changed
// packages, which must still learn the facts of the unchanged packages
// they import.
func New(cfg analyzer.Config, factsDir string) (*Analyzer, error) {
	a := new(Analyzer)
	in, err := analyzerinternal.NewFactless(cfg, factsDir, (*scan)(a))
	if err != nil {
		return nil, err
	}
	a.Analyzer, a.in = in.Analyzer, in
	return a, nil
}

// Config returns a's configuration as its flags left it.
func (a *Analyzer) Config() analyzer.Config { return a.in.Config().(analyzer.Config) }

// Files returns the files the settings that apply to the packages in dir
// are read from, with the flags as set now, and an error if those settings
// are in error (analyzer.Config.In): a driver that caches results keys
// them on these files' content.
func (a *Analyzer) Files(dir string) ([]string, error) { return a.in.Files(dir) }

// Rule returns a new dependency rule for one analysis by a. If
// verdictsDir is not empty, the rule keeps Carriers' answers there between
// runs (Save), each under a key of the keys looked for and the names,
// sizes and modification times of the package's files: reading every
// dependency's files is most of what the rule costs.
func (a *Analyzer) Rule(verdictsDir string) *Rule {
	r := &Rule{a: a, verdictsDir: verdictsDir, used: make(map[string]bool), own: make(map[*types.Package]ownCarriers), keyIDs: make(map[*carrier.Keys]string)}
	if verdictsDir != "" {
		r.verdicts = readVerdicts(verdictsPath(verdictsDir))
	}
	return r
}

// Settle tells a's passes that the driver analyzes, before their
// importers, every package r says can export something the findings
// depend on: an import it does not analyze cannot expose carriers, and the
// cheap exit need not look for carriers in such a package's types (which
// costs about a tenth of a type-check). Until release is called, after the
// passes, that holds and the passes take what r.Uses found in their
// packages instead of looking again.
func (a *Analyzer) Settle(r *Rule) (release func()) {
	a.settled.Store(r)
	return func() { a.settled.CompareAndSwap(r, nil) }
}

// scan is how a's passes see what the driver found (analyzerinternal.Scan).
type scan Analyzer

func (s *scan) Own(pkg *types.Package, keys *carrier.Keys) (declares, usesMapKeys, ok bool) {
	r := s.settled.Load()
	if r == nil {
		return false, false, false
	}
	r.mu.Lock()
	o, ok := r.own[pkg]
	r.mu.Unlock()
	if !ok || o.keys != keys {
		return false, false, false
	}
	return o.declares, o.usesMapKeys, true
}

func (s *scan) Complete() bool { return s.settled.Load() != nil }

// A Rule tells a driver that loads dependencies from export data and runs
// the analyzer over the packages it analyzes which other packages it must
// analyze too, from source, for the findings to be analyzer.New's: those
// that can export what an analyzed package's findings depend on (a
// function that returns a carrier or retries).
//
// Only a package that passes the analyzer's cheap exit (it declares or
// uses a carrier, through its own types or an import) reports findings
// that depend on other packages, and only on packages it imports, directly
// or not. Of those, a package exports facts only if it passes the cheap
// exit too (Uses, Carriers) or may retry (Retries). Whether a
// package can pass the exit shows, before analyzing it, in its types (for
// the packages loaded from source) or in its files' text (for the others:
// a struct tag or map key that carries a code is spelled between quotes
// there), and then in its imports, whose types are the only ones it can
// use. A key spelled in a dependency only by constant arithmetic ("err" +
// "code") is not seen.
//
// Its methods may be called from several goroutines: reading the files of
// every dependency is most of what a rule costs, and a driver spreads it.
type Rule struct {
	a           *Analyzer
	verdictsDir string                 // where verdicts are kept; "": nowhere
	verdicts    map[string]keptVerdict // Carriers' answers kept by earlier runs, by verdictKey; nil: none; read only

	mu     sync.Mutex
	used   map[string]bool                // this run's answers, kept by Save
	own    map[*types.Package]ownCarriers // Uses' answers, for the passes (Settle)
	keyIDs map[*carrier.Keys]string       // Keys' answers, each computed once
}

// ownCarriers is what a package's types say of its own carriers.
type ownCarriers struct {
	keys                  *carrier.Keys
	declares, usesMapKeys bool
}

// Uses reports whether a package loaded from source, with these types, can
// pass the cheap exit by its own declarations and expressions, given that
// none of the packages it imports can (Carriers, or Uses for those loaded
// from source): a type that holds a carrier is declared in a package that
// can, and reaches a package only through its imports.
func (r *Rule) Uses(pkg *types.Package, info *types.Info, dir string) bool {
	keys, err := r.a.in.Keys(dir)
	if err != nil {
		return true // the analysis will report the configuration; assume the worst
	}
	o := ownCarriers{keys, keys.Declares(pkg, info), keys.UsesMapKeys(info)}
	r.mu.Lock()
	r.own[pkg] = o
	r.mu.Unlock()
	return o.declares || o.usesMapKeys
}

// Carriers reports whether a package not loaded from source, with this
// path, directory and Go files, can expose carriers by itself: the catalog
// lists it, or its files spell a key that carries a code. A package that
// imports one that can expose carriers can expose them too: the caller
// follows imports.
func (r *Rule) Carriers(path, dir string, goFiles []string) bool {
	keys, err := r.a.in.Keys(dir)
	if err != nil || keys.ListsPath(path) {
		return true
	}
	var quoted [][]byte
	for _, t := range keys.Texts() {
		quoted = append(quoted, []byte(`"`+t))
	}
	key := ""
	if r.verdicts != nil || r.verdictsDir != "" {
		key = verdictKey(quoted, dir, goFiles)
	}
	kept, ok := r.verdicts[key]
	v, sure := kept.carriers, true
	if !ok || key == "" {
		v, sure = spells(goFiles, quoted)
	}
	if key != "" && sure {
		r.mu.Lock()
		r.used[key] = v
		r.mu.Unlock()
	}
	return v
}

// Keys identifies the carrier keys of the settings that apply to the
// packages in dir: Carriers' answer for a package depends on them, its
// path and its files only. A driver that keeps Carriers' answers beyond
// one rule (a language server, across edits) keys them on it too, so that
// an edit of a configuration or catalog file that changes the keys is
// seen, and one that does not costs no reading of files.
func (r *Rule) Keys(dir string) string {
	keys, err := r.a.in.Keys(dir)
	if err != nil {
		return "error: " + err.Error() // Carriers answers true
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	id, ok := r.keyIDs[keys]
	if !ok {
		id = keys.String()
		r.keyIDs[keys] = id
	}
	return id
}

// Retries reports whether a package importing these packages (by path)
// can have functions that retry whatever its text: it imports a retry
// library, or, in one of the main modules (mainModule), package time: a
// loop with a pause retries (retry.MayRetry). A module one only depends
// on is not read from source for its pauses: in most programs every
// package imports time, and reading them all would cost more than the
// analysis.
func (r *Rule) Retries(imports []string, mainModule bool) bool {
	return slices.ContainsFunc(imports, func(path string) bool {
		return retry.IsDriverPackage(path) || mainModule && path == "time"
	})
}
