// Package runcache keeps the output of standalone runs, so that running
// errcodevet again over unchanged code prints the same findings at once,
// without loading or analyzing anything: users re-run linters constantly
// (go vet and staticcheck cache too).
//
// A run's key is a hash of everything its output can depend on: the
// errcodevet executable, the command line and working directory, the
// environment variables the go command and the analyzer read, the go
// command, and the content of every file of the main module (and of the
// modules a go.work uses or a local replace directive names) that can
// change a package list, a type or a finding: Go, assembly, C and cgo
// sources, go.mod, go.sum, go.work, configuration files and the catalogs
// they name. Dependencies in the module cache and the standard library do
// not change under a given go.sum and go command. Any change to any of
// these makes a new key: the whole run is analyzed again (the cache has no
// per-package granularity; an edit costs a first run).
//
// The first run with given arguments in a directory computes its key while
// it analyzes; later ones compute it first, and print the kept output if
// there is one under it.
//
// A run is not cached in GOPATH mode, when it names packages outside its
// module by directory, or when it cannot read a file.
//
// Like the go command's build cache, the cache trims itself: at most once
// a day, a run that used it removes the entries not used for five days
// (Trim).
package runcache

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/mod/modfile"

	"github.com/errcodevet/errcodevet/internal/atomicfile"
	"github.com/errcodevet/errcodevet/internal/configfile"
	"github.com/errcodevet/errcodevet/internal/readfile"
)

// Env names the environment variable that sets the cache directory; "off"
// turns the cache off.
const Env = "ERRCODEVET_CACHE"

// Dir returns the cache directory: $ERRCODEVET_CACHE, else errcodevet
// under the user's cache directory; "" if the cache is off or there is no
// such directory.
func Dir() string {
	switch d := os.Getenv(Env); d {
	case "off":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(base, "errcodevet", "runs")
	default:
		return d
	}
}

// An Entry is what a run printed and its exit code.
type Entry struct {
	Stdout []byte `json:"stdout"`
	Stderr []byte `json:"stderr"`
	Exit   int    `json:"exit"`
}

// Get returns the entry kept under key in dir.
func Get(dir, key string) (Entry, bool) {
	var e Entry
	path := entryPath(dir, key)
	data, mtime, err := readFile(path)
	if err != nil || json.Unmarshal(data, &e) != nil {
		return Entry{}, false
	}
	used(path, mtime)
	return e, true
}

// readFile is os.ReadFile that also returns the file's modification time,
// from the stat that sizes the read.
func readFile(path string) ([]byte, time.Time, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, time.Time{}, err
	}
	data := make([]byte, fi.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, time.Time{}, err
	}
	return data, fi.ModTime(), nil
}

// Put keeps e under key in dir. A cache that cannot be written is a cache
// that later runs miss: errors are ignored.
func Put(dir, key string, e Entry) {
	data, err := json.Marshal(e)
	if err != nil {
		return
	}
	path := entryPath(dir, key)
	if os.MkdirAll(filepath.Dir(path), 0o755) == nil {
		atomicfile.WriteCache(path, data, 0o644)
	}
}

func entryPath(dir, key string) string { return filepath.Join(dir, key[:2], key+".json") }

// A Run is one run's place in the cache.
type Run struct {
	dir, prefix string

	// key is the run's key once known; on a first run (nothing kept under
	// its prefix yet) it is computed while the run analyzes, so that a
	// first run costs no more than the hashing it can overlap.
	key     string
	err     error
	pending chan struct{} // closed when key is known, if computed aside
}

// Start returns the place in the cache dir of a run with these arguments
// in the working directory, of which patterns are the package patterns,
// whose analyzer also reads the files settings names for the packages in
// a directory (the configuration file and catalogs, analyzer.Config.In):
// the key covers those for the working directory and for the directory of
// each configuration file in the module. ok is false when the run is not
// to be cached.
func Start(dir string, args, patterns []string, settings func(dir string) ([]string, error)) (r *Run, ok bool) {
	prefix, root, err := prefixKey(args, patterns)
	if err != nil {
		return nil, false
	}
	r = &Run{dir: dir, prefix: prefix}
	if fi, err := os.Stat(r.markPath()); err == nil {
		used(r.markPath(), fi.ModTime())
		r.key, r.err = contentKey(prefix, root, settings)
		return r, r.err == nil
	}
	r.pending = make(chan struct{})
	go func() {
		defer close(r.pending)
		r.key, r.err = contentKey(prefix, root, settings)
	}()
	return r, true
}

// Get returns what the run printed last time, if the code is unchanged
// since.
func (r *Run) Get() (Entry, bool) {
	if r.pending != nil {
		return Entry{}, false // never kept
	}
	return Get(r.dir, r.key)
}

// Put keeps what the run printed.
func (r *Run) Put(e Entry) {
	if r.pending != nil {
		<-r.pending
	}
	if r.err != nil {
		return
	}
	Put(r.dir, r.key, e)
	if os.MkdirAll(filepath.Dir(r.markPath()), 0o755) == nil {
		atomicfile.WriteCache(r.markPath(), nil, 0o644)
	}
}

// markPath is the file that says a run with the prefix was kept: a later
// one computes its key before analyzing.
func (r *Run) markPath() string { return filepath.Join(r.dir, r.prefix[:2], r.prefix+".kept") }

// Trimming follows the go command's build cache: a file's modification
// time is its last use, which a hit refreshes only when it is older than
// mtimeInterval (to save writes); at most once per trimInterval, the
// entries and marks not used for trimLimit are removed.
const (
	mtimeInterval = time.Hour
	trimInterval  = 24 * time.Hour
	trimLimit     = 5 * 24 * time.Hour
)

// used records that the cache file at path, last modified at mtime, was
// just used.
func used(path string, mtime time.Time) {
	if now := time.Now(); now.Sub(mtime) >= mtimeInterval {
		os.Chtimes(path, now, now) // best effort: at worst the file is trimmed and computed again
	}
}

// Trim removes the entries and marks in dir (and temporary files left by
// interrupted writes) not used for trimLimit, unless the stamp file in dir
// says it did so less than trimInterval ago: a run that used the cache
// calls it when done, and pays one stat on most days. It looks only at
// the files it writes, in dir's own subdirectories (a symbolic link is not
// followed), and ignores errors: a trim that fails is a cache that stays
// larger until the next one.
func Trim(dir string) {
	now := time.Now()
	stamp := filepath.Join(dir, "trim.txt")
	if fi, err := os.Stat(stamp); err == nil {
		// A stamp far in the future means the clock was set back: trim.
		if age := now.Sub(fi.ModTime()); age < trimInterval && age > -mtimeInterval {
			return
		}
	}
	// A file in use may look up to mtimeInterval older than it is.
	cutoff := now.Add(-trimLimit - mtimeInterval)
	shards, _ := os.ReadDir(dir)
	for _, shard := range shards {
		if !shard.IsDir() || !isHex(shard.Name(), 2) {
			continue // DirEntry.IsDir is false for a symbolic link
		}
		files, _ := os.ReadDir(filepath.Join(dir, shard.Name()))
		for _, f := range files {
			if !f.Type().IsRegular() || !isCacheFile(f.Name()) {
				continue
			}
			if fi, err := f.Info(); err == nil && fi.ModTime().Before(cutoff) {
				os.Remove(filepath.Join(dir, shard.Name(), f.Name()))
			}
		}
	}
	// The stamp's modification time is what counts; its content is for
	// whoever looks.
	atomicfile.WriteCache(stamp, fmt.Appendf(nil, "%d\n", now.Unix()), 0o644)
}

// isCacheFile reports whether name is that of an entry (key.json), a mark
// (prefix.kept), or a temporary file of atomicfile writing one.
func isCacheFile(name string) bool {
	if tmp, ok := strings.CutPrefix(name, "."); ok {
		i := strings.LastIndex(tmp, ".tmp")
		if i < 0 {
			return false
		}
		name = tmp[:i]
	}
	key, ok := strings.CutSuffix(name, ".json")
	if !ok {
		key, ok = strings.CutSuffix(name, ".kept")
	}
	return ok && isHex(key, 2*sha256.Size)
}

// isHex reports whether s is n lowercase hexadecimal digits.
func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range []byte(s) {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// prefixKey hashes what a run depends on besides its files: the errcodevet
// executable, the go command, the working directory, the arguments and
// the environment. root is the main module's directory, "" outside a
// module (where only the standard library can be named).
func prefixKey(args, patterns []string) (key, root string, err error) {
	h := sha256.New()
	fmt.Fprintf(h, "errcodevet run cache 1\n")
	exe, err := os.Executable()
	if err != nil {
		return "", "", err
	}
	if err := stamp(h, "executable", exe); err != nil {
		return "", "", err
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		return "", "", err
	}
	if err := stamp(h, "go", goCmd); err != nil {
		return "", "", err
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", "", err
	}
	fmt.Fprintf(h, "wd %q\nargs %q\n", wd, args)
	for _, a := range patterns {
		if filepath.IsAbs(a) || a == ".." || strings.HasPrefix(a, "../") || strings.HasPrefix(a, `..\`) {
			return "", "", errors.New("a pattern outside the working directory")
		}
	}
	env := os.Environ()
	slices.Sort(env)
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		if name != Env && (strings.HasPrefix(name, "GO") || strings.HasPrefix(name, "CGO_") || strings.HasPrefix(name, "ERRCODEVET") ||
			name == "CC" || name == "CXX" || name == "PKG_CONFIG" || name == "HOME" || name == "XDG_CONFIG_HOME") {
			fmt.Fprintf(h, "env %q\n", kv)
		}
	}
	if strings.Contains(os.Getenv("GOFLAGS"), "-overlay") || slices.ContainsFunc(args, func(a string) bool { return strings.Contains(a, "-overlay") }) {
		return "", "", errors.New("an overlay: files outside the module") // not hashed
	}
	root = findUp(wd, "go.mod")
	switch os.Getenv("GO111MODULE") {
	case "", "on":
	default:
		if root == "" {
			return "", "", errors.New("GOPATH mode")
		}
		if os.Getenv("GO111MODULE") == "off" {
			return "", "", errors.New("GOPATH mode")
		}
	}
	return hex.EncodeToString(h.Sum(nil)), root, nil
}

// contentKey hashes prefix with the files of the main module at root, of
// the modules a go.work uses or a local replace names, and of the
// settings.
func contentKey(prefix, root string, settings func(dir string) ([]string, error)) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", prefix)
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	var trees []string
	if root != "" {
		trees = append(trees, root)
	}
	work := os.Getenv("GOWORK")
	if work == "" && root != "" {
		if dir := findUp(wd, "go.work"); dir != "" {
			work = filepath.Join(dir, "go.work")
		}
	}
	if work != "" && work != "off" {
		data, err := os.ReadFile(work)
		if err != nil {
			return "", err
		}
		wf, err := modfile.ParseWork(work, data, nil)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "go.work %q %x\n", work, sha256.Sum256(data))
		for _, u := range wf.Use {
			trees = append(trees, absFrom(filepath.Dir(work), u.Path))
		}
		for _, r := range wf.Replace {
			if modfile.IsDirectoryPath(r.New.Path) {
				trees = append(trees, absFrom(filepath.Dir(work), r.New.Path))
			}
		}
	}
	if root != "" {
		data, err := os.ReadFile(filepath.Join(root, "go.mod"))
		if err != nil {
			return "", err
		}
		mf, err := modfile.ParseLax(filepath.Join(root, "go.mod"), data, nil)
		if err != nil {
			return "", err
		}
		for _, r := range mf.Replace {
			if modfile.IsDirectoryPath(r.New.Path) {
				trees = append(trees, absFrom(root, r.New.Path))
			}
		}
	}
	slices.Sort(trees)
	buf := make([]byte, readfile.BufferSize)
	var configs []string
	for _, tree := range slices.Compact(trees) {
		found, err := hashTree(h, tree, buf)
		if err != nil {
			return "", err
		}
		configs = append(configs, found...)
	}
	dirs := []string{wd}
	for _, c := range configs {
		dirs = append(dirs, filepath.Dir(c))
	}
	var files []string
	for _, dir := range dirs {
		if settings == nil {
			break
		}
		fs, err := settings(dir)
		if err != nil {
			return "", err // the run reports it; do not cache
		}
		files = append(files, fs...)
	}
	seen := make(map[string]bool)
	for _, f := range files {
		if seen[f] {
			continue
		}
		seen[f] = true
		if err := hashFile(h, absFrom(wd, f), buf); err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// stamp writes the name, size and modification time of a file: enough for
// an executable, which a rebuild rewrites.
func stamp(h io.Writer, what, path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(h, "%s %q %d %d\n", what, path, fi.Size(), fi.ModTime().UnixNano())
	return nil
}

func absFrom(dir, path string) string {
	if filepath.IsAbs(path) {
		return filepath.Clean(path)
	}
	return filepath.Join(dir, path)
}

// findUp returns the first directory from dir up that holds name, or "".
func findUp(dir, name string) string {
	for {
		if fi, err := os.Stat(filepath.Join(dir, name)); err == nil && !fi.IsDir() {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// sourceExts are the files that can change a package list, a type or a
// finding.
var sourceExts = []string{".go", ".s", ".c", ".h", ".cc", ".cpp", ".cxx", ".hh", ".hpp", ".hxx", ".m", ".f", ".F", ".for", ".f90", ".syso", ".swig", ".swigcxx"}

// hashTree hashes the names and contents of the files of the module
// rooted at dir that packages are built from, and returns the
// configuration files found there. It skips what the go command skips:
// directories named testdata or starting with . or _, and nested modules.
func hashTree(h hash.Hash, dir string, buf []byte) (configs []string, err error) {
	fmt.Fprintf(h, "tree %q\n", dir)
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != dir {
				if name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
					return filepath.SkipDir
				}
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir // another module
				}
			}
			return nil
		}
		switch {
		case name == configfile.Name:
			configs = append(configs, path)
		case name == "go.mod" || name == "go.sum" || name == "go.work" || name == "go.work.sum" || name == "modules.txt":
		case slices.Contains(sourceExts, filepath.Ext(name)):
		default:
			return nil
		}
		if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		return hashFile(h, path, buf)
	})
	return configs, err
}

// hashFile writes the file's name and the hash of its content, read
// through one small buffer: the files of a whole module go through it.
func hashFile(h io.Writer, path string, buf []byte) error {
	fh := sha256.New()
	if err := readfile.Copy(fh, path, buf); err != nil {
		return err
	}
	fmt.Fprintf(h, "file %q %x\n", path, fh.Sum(nil))
	return nil
}
