package analyzer

import (
	"bytes"
	"go/types"
	"os"
	"runtime"
	"slices"
	"sync"
	"weak"

	"golang.org/x/tools/go/analysis"

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
type DependencyRule struct {
	st *state
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
// pass the cheap exit by its own declarations and expressions. A package
// that does not can still pass it through an import that exposes
// carriers: see Exports.
func (d *DependencyRule) Uses(pkg *types.Package, info *types.Info, dir string) bool {
	s, err := d.st.settings.forDir(dir)
	if err != nil {
		return true // the analysis will report the configuration; assume the worst
	}
	return s.keys.Declares(pkg, info) || s.keys.UsesForeignCarriers(pkg, info) || s.keys.UsesMapKeys(info)
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
		data, err := os.ReadFile(name)
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
