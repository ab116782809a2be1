package analyzer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"weak"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/internal/atomicfile"
	"github.com/errcodevet/errcodevet/internal/carrier"
	"github.com/errcodevet/errcodevet/internal/readfile"
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
// Its methods may be called from several goroutines: reading the files of
// every dependency is most of what a rule costs, and a driver spreads it.
type DependencyRule struct {
	st *state

	verdicts map[string]keptVerdict // Carriers' answers kept by earlier runs, by verdictKey; nil: none; read only

	mu   sync.Mutex
	used map[string]bool // this run's answers, kept by Save
}

// readBuffers hold the files the rules read, one at a time each: the files
// of every dependency go through a few buffers.
var readBuffers = sync.Pool{New: func() any {
	buf := make([]byte, readfile.BufferSize)
	return &buf
}}

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
	d := &DependencyRule{st: st.(*state), used: make(map[string]bool)}
	if dir := d.st.verdictDir.Load(); dir != nil && *dir != "" {
		d.verdicts = readVerdicts(verdictsPath(*dir))
	}
	return d
}

// KeepVerdicts makes the rules of an analyzer made by NewFactless keep
// Carriers' answers in dir between runs (Save), each under a key of the
// keys looked for and the names, sizes and modification times of the
// package's files: reading every dependency's files is most of what the
// rule costs.
func KeepVerdicts(a *analysis.Analyzer, dir string) {
	if st, ok := factlessStates.Load(weak.Make(a)); ok {
		st.(*state).verdictDir.Store(&dir)
	}
}

func verdictsPath(dir string) string { return filepath.Join(dir, "dependency-carriers.txt") }

// A keptVerdict is an answer of Carriers kept between runs and the day it
// was last used, in days since the Unix epoch (UTC).
type keptVerdict struct {
	carriers bool
	day      int64
}

// verdictLife is how many days a kept verdict no run uses stays kept: as
// long as the go command keeps an unused build cache entry.
const verdictLife = 5

// The verdicts file is read by every run that analyzes: a header line, then
// one line per verdict, "key carriers day" (carriers 0 or 1), which
// decodes several times faster than JSON.
const verdictsHeader = "errcodevet dependency verdicts 1\n"

// readVerdicts returns the verdicts kept at path; nil if there is no such
// file or it is not one that Save wrote (a bad file is an empty one).
func readVerdicts(path string) map[string]keptVerdict {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	// The keys are substrings of one string: one allocation, not one each.
	text, ok := strings.CutPrefix(string(data), verdictsHeader)
	if !ok {
		return nil
	}
	verdicts := make(map[string]keptVerdict, strings.Count(text, "\n"))
	for len(text) > 0 {
		line, rest, ok := strings.Cut(text, "\n")
		if !ok {
			return nil // cut short
		}
		text = rest
		key, line, _ := strings.Cut(line, " ")
		carriers, day, _ := strings.Cut(line, " ")
		d, err := strconv.ParseInt(day, 10, 64)
		if err != nil || len(key) != 2*sha256.Size || carriers != "0" && carriers != "1" {
			return nil
		}
		verdicts[key] = keptVerdict{carriers == "1", d}
	}
	return verdicts
}

// Save keeps this run's Carriers answers for the next runs (KeepVerdicts),
// with the answers of earlier runs used in the last verdictLife days: runs
// over other projects keep their own, and the verdicts on a module version
// hold for any project. It writes only when this run found a new answer or
// used one not yet used today. Errors are ignored: the next run reads the
// files again.
func (d *DependencyRule) Save() {
	d.mu.Lock()
	defer d.mu.Unlock()
	dir := d.st.verdictDir.Load()
	if dir == nil || *dir == "" {
		return
	}
	today := time.Now().Unix() / (24 * 60 * 60)
	news := false
	for key, carriers := range d.used {
		if v, ok := d.verdicts[key]; !ok || v.carriers != carriers || v.day != today {
			news = true
			break
		}
	}
	if !news {
		return
	}
	// Merged with the file as it is now, not as this run read it, so that
	// a run that saved since keeps its answers. Two runs that save at the
	// same time: the last rename wins (atomicfile), and the other's new
	// answers are found again by a later run.
	path := verdictsPath(*dir)
	verdicts := readVerdicts(path)
	if verdicts == nil {
		verdicts = make(map[string]keptVerdict, len(d.used))
	}
	maps.DeleteFunc(verdicts, func(_ string, v keptVerdict) bool { return today-v.day > verdictLife })
	for key, carriers := range d.used {
		verdicts[key] = keptVerdict{carriers, today}
	}
	data := make([]byte, 0, len(verdictsHeader)+len(verdicts)*(2*sha256.Size+10))
	data = append(data, verdictsHeader...)
	for _, key := range slices.Sorted(maps.Keys(verdicts)) {
		v := verdicts[key]
		data = fmt.Appendf(data, "%s %d %d\n", key, boolDigit(v.carriers), v.day)
	}
	if os.MkdirAll(*dir, 0o755) == nil {
		atomicfile.WriteCache(path, data, 0o644)
	}
}

func boolDigit(b bool) int {
	if b {
		return 1
	}
	return 0
}

// verdictKey returns the key of Carriers' answer for these files, in dir,
// and keys looked for, or "" if a file cannot be read. A file in the module
// cache is known by its name, which names its module's version: the go
// command never changes it (it checks it against go.sum when it downloads
// it). Any other, the standard library's included, by its name, size and
// modification time.
func verdictKey(quoted [][]byte, dir string, goFiles []string) string {
	h := sha256.New()
	for _, q := range quoted {
		fmt.Fprintf(h, "key %q\n", q)
	}
	stat := !inModuleCache(dir)
	for _, name := range goFiles {
		if !stat {
			fmt.Fprintf(h, "file %q\n", name)
			continue
		}
		fi, err := os.Stat(name)
		if err != nil {
			return ""
		}
		fmt.Fprintf(h, "file %q %d %d\n", name, fi.Size(), fi.ModTime().UnixNano())
	}
	return hex.EncodeToString(h.Sum(nil))
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
	key := ""
	if d.verdicts != nil || d.st.verdictDir.Load() != nil {
		key = verdictKey(quoted, dir, goFiles)
	}
	kept, ok := d.verdicts[key]
	v, sure := kept.carriers, true
	if !ok || key == "" {
		v, sure = spells(goFiles, quoted)
	}
	if key != "" && sure {
		d.mu.Lock()
		d.used[key] = v
		d.mu.Unlock()
	}
	return v
}

// spells reports whether a file spells one of quoted; sure is false when
// a file could not be read (then it answers true: it cannot tell).
func spells(goFiles []string, quoted [][]byte) (found, sure bool) {
	buf := readBuffers.Get().(*[]byte)
	defer readBuffers.Put(buf)
	for _, name := range goFiles {
		hit, err := readfile.Contains(name, *buf, quoted)
		if err != nil {
			return true, false
		}
		if hit {
			return true, true
		}
	}
	return false, true
}

// Retries reports whether a package importing these packages (by path)
// can have functions that retry whatever its text: it imports a retry
// library.
func (d *DependencyRule) Retries(imports []string) bool {
	return slices.ContainsFunc(imports, retry.IsDriverPackage)
}

// FactlessConfig returns the configuration of an analyzer made by
// NewFactless, as its flags left it; false for any other analyzer.
func FactlessConfig(a *analysis.Analyzer) (Config, bool) {
	st, ok := factlessStates.Load(weak.Make(a))
	if !ok {
		return Config{}, false
	}
	return st.(*state).settings.cfg, true
}
