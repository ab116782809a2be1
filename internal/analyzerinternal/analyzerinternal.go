// Package analyzerinternal is what package analyzer lends the drivers that
// run it without fact types (internal/factless), outside its API: an
// analyzer user sees New and Config; a driver that loads dependencies from
// export data needs a few more handles, which package analyzer sets here
// when it is initialized (as x/tools' analysisinternal does). Knowledge
// flows one way: the analyzer answers what its settings say, and asks the
// driver, through Scan, what the driver found before the passes; it never
// changes the driver's state, nor the driver its.
package analyzerinternal

import (
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/internal/carrier"
)

// An Analyzer is errcodevet's analyzer in the form that declares no fact
// types, with the handles a driver needs.
type Analyzer struct {
	// Analyzer declares no fact types; its flags configure it.
	Analyzer *analysis.Analyzer
	// Keys returns the carrier keys that the settings that apply to the
	// package in dir look for ("" if not known: the settings of the flags).
	Keys func(dir string) (*carrier.Keys, error)
	// Config returns the configuration (an analyzer.Config) as the flags
	// left it.
	Config func() any
	// Files returns the files the settings that apply to the packages in
	// dir are read from, with the flags as set now, and an error if those
	// settings are in error (analyzer.Config.In).
	Files func(dir string) ([]string, error)
}

// A Scan is what a driver found of the packages it analyzes before their
// passes run. Its methods may be called from several passes at once.
type Scan interface {
	// Own returns, if the driver looked, whether the package declares a
	// type that can hold a carrier with these keys and whether it uses a
	// map key that carries a code (carrier.Keys.Declares, UsesMapKeys).
	Own(pkg *types.Package, keys *carrier.Keys) (declares, usesMapKeys, ok bool)
	// Complete reports whether the driver analyzes, before their
	// importers, every package that can expose carriers that an analyzed
	// package imports: then an import analyzed by no one exposes none,
	// and its types need no look.
	Complete() bool
}

// NewFactless returns the analyzer with the configuration cfg (an
// analyzer.Config) that keeps what packages export in memory, and in
// factsDir if not empty, and asks scan (if not nil) what the driver found;
// see internal/factless. Package analyzer sets it.
var NewFactless func(cfg any, factsDir string, scan Scan) (*Analyzer, error)
