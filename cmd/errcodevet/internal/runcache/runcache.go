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
// A run is not cached when it is not in a module (GOPATH mode), names
// packages outside its module by directory, or cannot read a file.
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

	"golang.org/x/mod/modfile"

	"github.com/errcodevet/errcodevet/internal/atomicfile"
	"github.com/errcodevet/errcodevet/internal/configfile"
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
	data, err := os.ReadFile(entryPath(dir, key))
	if err != nil || json.Unmarshal(data, &e) != nil {
		return Entry{}, false
	}
	return e, true
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
		atomicfile.Write(path, data, 0o644)
	}
}

func entryPath(dir, key string) string { return filepath.Join(dir, key[:2], key+".json") }

// Key returns the key of a run with these arguments (after the command
// name) in the working directory, whose analyzer also reads settingsFiles
// (the configuration file and catalogs its flags name). ok is false when
// the run is not to be cached.
func Key(args, settingsFiles []string) (key string, ok bool) {
	k, err := computeKey(args, settingsFiles)
	if err != nil {
		return "", false
	}
	return k, true
}

func computeKey(args, settingsFiles []string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "errcodevet run cache 1\n")
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	if err := stamp(h, "executable", exe); err != nil {
		return "", err
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		return "", err
	}
	if err := stamp(h, "go", goCmd); err != nil {
		return "", err
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "wd %q\nargs %q\n", wd, args)
	for _, a := range args {
		if filepath.IsAbs(a) || a == ".." || strings.HasPrefix(a, "../") || strings.HasPrefix(a, `..\`) {
			return "", errors.New("a pattern outside the working directory")
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
	if os.Getenv("GO111MODULE") == "off" {
		return "", errors.New("GOPATH mode")
	}
	root := findUp(wd, "go.mod")
	if root == "" {
		return "", errors.New("not in a module")
	}
	trees := []string{root}
	work := os.Getenv("GOWORK")
	if work == "" {
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
	slices.Sort(trees)
	var configs []string
	for _, tree := range slices.Compact(trees) {
		found, err := hashTree(h, tree)
		if err != nil {
			return "", err
		}
		configs = append(configs, found...)
	}
	files := slices.Clone(settingsFiles)
	for _, c := range configs {
		f, err := configfile.Load(c)
		if err != nil {
			return "", err // the run reports it; do not cache
		}
		files = append(files, f.Catalogs...)
	}
	for _, f := range files {
		if err := hashFile(h, absFrom(wd, f)); err != nil {
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
func hashTree(h hash.Hash, dir string) (configs []string, err error) {
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
		return hashFile(h, path)
	})
	return configs, err
}

func hashFile(h io.Writer, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(h, "file %q %x\n", path, sha256.Sum256(data))
	return nil
}
