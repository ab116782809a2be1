package analyzer

import (
	"bytes"
	"go/types"
	"io"
	"os"
	"runtime"
	"slices"
	"sync"
	"weak"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/internal/carrier"
	"github.com/errcodevet/errcodevet/internal/retry"
)

// A DependencyRule tells a driver that loads dependencies from export data
// and runs a factless analyzer (NewFactless) over the packages it analyzes
// which other packages it must analyze too, from source, for the findings
// to be New's: those that can export what an analyzed package's findings
// depend on (a function that returns a carrier or retries).
//
// Only a package that passes the analyzer's cheap exit (it declares or
// uses a carrier, through its own types or an import) reports findings
// that depend on other packages, and only on packages it imports, directly
// or not. Of those, a package exports facts only if it passes the cheap
// exit too (Uses, Carriers) or imports a retry library (Retries). Whether a package can pass the exit
// shows, before analyzing it, in its types (for the packages loaded from
// source) or in its files' text (for the others: a struct tag or map key
// that carries a code is spelled between quotes there), and then in its
// imports, whose types are the only ones it can use. A key spelled in a
// dependency only by constant arithmetic ("err" + "code") is not seen.
//
// A rule is for one goroutine.
type DependencyRule struct {
	st  *state
	buf []byte // for reading files, reused: the files of every dependency go through it
}

// factlessStates are the states of the analyzers NewFactless made, while
// the analyzers live (a language server makes one per analysis).
var factlessStates sync.Map // weak.Pointer[analysis.Analyzer] -> *state

func rememberFactless(a *analysis.Analyzer, st *state) {
	key := weak.Make(a)
	factlessStates.Store(key, st)
	runtime.AddCleanup(a, func(key weak.Pointer[analysis.Analyzer]) { factlessStates.Delete(key) }, key)
}

// Dependencies returns the rule of an analyzer made by NewFactless, or nil
// for any other analyzer.
func Dependencies(a *analysis.Analyzer) *DependencyRule {
	st, ok := factlessStates.Load(weak.Make(a))
	if !ok {
		return nil
	}
	return &DependencyRule{st: st.(*state)}
}

// Uses reports whether a package loaded from source, with these types, can
// pass the cheap exit by its own declarations and expressions, given that
// none of the packages it imports can (Carriers, or Uses for those loaded
// from source): a type that holds a carrier is declared in a package that
// can, and reaches a package only through its imports.
func (d *DependencyRule) Uses(pkg *types.Package, info *types.Info, dir string) bool {
	s, err := d.st.settings.forDir(dir)
	if err != nil {
		return true // the analysis will report the configuration; assume the worst
	}
	declares, usesMapKeys := d.st.ownCarriers(pkg, info, s.keys)
	return declares || usesMapKeys
}

// ownCarriers reports whether a package declares a type that can hold a
// carrier and whether it uses a map key that carries a code. Between Settle
// and its release, the answer is remembered by the first call (Uses) and
// taken by the second (the package's pass).
func (st *state) ownCarriers(pkg *types.Package, info *types.Info, keys *carrier.Keys) (declares, usesMapKeys bool) {
	k := ownKey{pkg, keys}
	if v, ok := st.own.LoadAndDelete(k); ok {
		o := v.([2]bool)
		return o[0], o[1]
	}
	declares, usesMapKeys = keys.Declares(pkg, info), keys.UsesMapKeys(info)
	if st.remember.Load() {
		st.own.Store(k, [2]bool{declares, usesMapKeys})
	}
	return declares, usesMapKeys
}

type ownKey struct {
	pkg  *types.Package
	keys *carrier.Keys
}

// Settle tells the analyzer that the driver analyzes, before their
// importers, every package the rule says can export something the findings
// depend on: an import it does not analyze cannot expose carriers, and
// the cheap exit need not look for carriers in such a package's types
// (which costs about a tenth of a type-check). Until release is called,
// after the passes, that holds and the passes reuse what Uses found in
// their packages.
func (d *DependencyRule) Settle() (release func()) {
	f, _ := d.st.facts.(*processFacts)
	if f != nil {
		f.settled.Store(true)
	}
	d.st.remember.Store(true)
	return func() {
		if f != nil {
			f.settled.Store(false)
		}
		d.st.remember.Store(false)
		d.st.own.Clear()
	}
}

// Carriers reports whether a package not loaded from source, with this
// path, directory and Go files, can expose carriers by itself: the catalog
// lists it, or its files spell a key that carries a code. A package that
// imports one that can expose carriers can expose them too: the caller
// follows imports.
func (d *DependencyRule) Carriers(path, dir string, goFiles []string) bool {
	s, err := d.st.settings.forDir(dir)
	if err != nil || s.keys.ListsPath(path) {
		return true
	}
	var quoted [][]byte
	for _, t := range s.keys.Texts() {
		quoted = append(quoted, []byte(`"`+t))
	}
	for _, name := range goFiles {
		data, err := d.read(name)
		if err != nil {
			return true // cannot tell: assume it can
		}
		for _, q := range quoted {
			if bytes.Contains(data, q) {
				return true
			}
		}
	}
	return false
}

// read returns the content of the file, in d.buf.
func (d *DependencyRule) read(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if n := int(fi.Size()) + 1; cap(d.buf) < n {
		d.buf = make([]byte, 0, n)
	}
	n, err := io.ReadFull(f, d.buf[:cap(d.buf)])
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	if n == cap(d.buf) { // grew since Stat
		return os.ReadFile(name)
	}
	return d.buf[:n], nil
}

// Retries reports whether a package importing these packages (by path)
// can have functions that retry whatever its text: it imports a retry
// library.
func (d *DependencyRule) Retries(imports []string) bool {
	return slices.ContainsFunc(imports, retry.IsDriverPackage)
}

// SettingsFiles returns the files the settings of an analyzer made by
// NewFactless name (the configuration file its -config flag names, the
// catalogs of -catalog), whose content a driver that caches results must
// take into account; nil for any other analyzer. Configuration files found
// from a package's directory are not among them.
func SettingsFiles(a *analysis.Analyzer) []string {
	st, ok := factlessStates.Load(weak.Make(a))
	if !ok {
		return nil
	}
	cfg := st.(*state).settings.cfg
	files := slices.Clone(cfg.Catalogs)
	if cfg.ConfigFile != "" && cfg.ConfigFile != configNone {
		files = append(files, cfg.ConfigFile)
	}
	return files
}
