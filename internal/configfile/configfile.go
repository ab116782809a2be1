// Package configfile reads errcodevet's configuration file,
// .errcodevet.yaml, which holds what the analyzer's flags hold, for every
// driver: standalone, go vet, go fix, golangci-lint and the language
// server. The analyzer finds it by walking up from a package's directory
// to its module's root; paths in it are relative to the file.
//
//	checks: [magic-code, string-code]   # default: all
//	catalog: [errcodes/acme.yaml]       # catalog files, relative to this file
//	include-success: false
//	include-tests: false
//	retry-funcs: [example.com/m/retry.Do]
//	constants:                          # constants package per family, for the fixes
//	  wechat: example.com/m/internal/wechatcodes
//
// Errors name the file, line and column, YAML syntax errors included.
package configfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v4"
)

// Name is the configuration file's name.
const Name = ".errcodevet.yaml"

// File is a parsed configuration file. A nil pointer or slice is a
// setting the file leaves unsaid.
type File struct {
	Path           string            // absolute
	Checks         []string          // check IDs; "all" is dropped
	Catalogs       []string          // absolute paths
	IncludeSuccess *bool             //
	IncludeTests   *bool             //
	RetryFuncs     []string          //
	Constants      map[string]string // family name -> import path

	pos map[string]Pos // of each key and list item: "checks", "checks[1]", "constants.wechat"
}

// Pos is a position in a file.
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// Error is a problem at a position in a file.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Errorf returns an error located at the setting named key ("checks",
// "checks[1]", "constants.wechat"), or at the file when it has no such key.
func (f *File) Errorf(key, format string, args ...any) error {
	p, ok := f.pos[key]
	if !ok {
		p = Pos{File: f.Path, Line: 1, Col: 1}
	}
	return &Error{Pos: p, Msg: fmt.Sprintf(format, args...)}
}

// Find returns the path of the configuration file for the package in dir:
// the first found walking up from dir to the root of its module (the
// directory holding go.mod), or "" if there is none or dir is in no module.
func Find(dir string) (string, error) {
	return new(Finder).Find(dir)
}

// A Finder finds configuration files as Find does and remembers what it
// saw of each directory, for the packages of one analysis, which share
// their ancestors: each directory costs its two stats once. It does not
// see a file created or removed after it looked; use a new Finder for a
// new analysis. Its methods may be called from several goroutines.
type Finder struct {
	mu   sync.Mutex
	dirs map[string]found // by absolute directory
}

// found is what Find answers for a directory.
type found struct {
	path     string // the configuration file, or ""
	inModule bool   // the directory or one above it holds go.mod
}

// Find returns what the package function Find returns for dir.
func (f *Finder) Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.dirs == nil {
		f.dirs = make(map[string]found)
	}
	r, err := f.find(dir)
	return r.path, err
}

// find answers for dir, an absolute path; f.mu is held.
func (f *Finder) find(dir string) (found, error) {
	if r, ok := f.dirs[dir]; ok {
		return r, nil
	}
	own, err := isFile(filepath.Join(dir, Name))
	if err != nil {
		return found{}, err
	}
	_, err = os.Stat(filepath.Join(dir, "go.mod"))
	root := err == nil
	var r found
	switch parent := filepath.Dir(dir); {
	case root:
		r.inModule = true
	case parent != dir:
		if r, err = f.find(parent); err != nil {
			return found{}, err
		}
	}
	if own && r.inModule {
		r.path = filepath.Join(dir, Name)
	}
	f.dirs[dir] = r
	return r, nil
}

// isFile reports whether path names something other than a directory; a
// path that does not exist is not an error.
func isFile(path string) (bool, error) {
	fi, err := os.Stat(path)
	switch {
	case err == nil:
		return !fi.IsDir(), nil
	case errors.Is(err, os.ErrNotExist):
		return false, nil
	default:
		return false, err
	}
}

// Load reads and parses the file at path.
func Load(path string) (*File, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		return nil, err
	}
	return Parse(abs, data)
}

// keys are the file's settings, as the analyzer's flags name them.
var keys = []string{"checks", "catalog", "include-success", "include-tests", "retry-funcs", "constants"}

// Parse parses the content of the file at path (absolute), whose
// directory relative catalog paths are taken from.
func Parse(path string, data []byte) (*File, error) {
	f := &File{Path: path, pos: make(map[string]Pos)}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, syntaxError(path, data, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return f, nil // an empty file says nothing
	}
	root := doc.Content[0]
	at := func(n *yaml.Node) Pos { return Pos{File: path, Line: n.Line, Col: n.Column} }
	fail := func(n *yaml.Node, format string, args ...any) error {
		return &Error{Pos: at(n), Msg: fmt.Sprintf(format, args...)}
	}
	if root.Kind != yaml.MappingNode {
		return nil, fail(root, "want a mapping of settings (%s)", strings.Join(keys, ", "))
	}
	strs := func(key string, n *yaml.Node) ([]string, error) {
		items := []*yaml.Node{n}
		if n.Kind == yaml.SequenceNode {
			items = n.Content
		}
		var out []string
		for i, item := range items {
			if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
				return nil, fail(item, "%s: want a string or a list of strings", key)
			}
			f.pos[fmt.Sprintf("%s[%d]", key, i)] = at(item)
			out = append(out, strings.TrimSpace(item.Value))
		}
		return out, nil
	}
	boolean := func(key string, n *yaml.Node) (*bool, error) {
		b, err := strconv.ParseBool(n.Value)
		if n.Kind != yaml.ScalarNode || err != nil {
			return nil, fail(n, "%s: want true or false, got %q", key, n.Value)
		}
		return &b, nil
	}
	seen := make(map[string]bool)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := k.Value
		if !slices.Contains(keys, key) {
			msg := fmt.Sprintf("unknown setting %q", key)
			if s := closestKey(key); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			} else {
				msg += " (the settings are " + strings.Join(keys, ", ") + ")"
			}
			return nil, fail(k, "%s", msg)
		}
		if seen[key] {
			return nil, fail(k, "%s set twice", key)
		}
		seen[key] = true
		f.pos[key] = at(k)
		var err error
		switch key {
		case "checks":
			var ids []string
			ids, err = strs(key, v)
			for _, id := range ids {
				if id != "all" {
					f.Checks = append(f.Checks, id)
				}
			}
		case "catalog":
			var paths []string
			paths, err = strs(key, v)
			for _, p := range paths {
				if !filepath.IsAbs(p) {
					p = filepath.Join(filepath.Dir(path), filepath.FromSlash(p))
				}
				f.Catalogs = append(f.Catalogs, p)
			}
		case "include-success":
			f.IncludeSuccess, err = boolean(key, v)
		case "include-tests":
			f.IncludeTests, err = boolean(key, v)
		case "retry-funcs":
			f.RetryFuncs, err = strs(key, v)
		case "constants":
			if v.Kind != yaml.MappingNode {
				return nil, fail(v, "constants: want a mapping from family names to import paths")
			}
			f.Constants = make(map[string]string)
			for j := 0; j+1 < len(v.Content); j += 2 {
				fam, imp := v.Content[j], v.Content[j+1]
				if imp.Kind != yaml.ScalarNode || imp.Value == "" {
					return nil, fail(imp, "constants.%s: want an import path", fam.Value)
				}
				if _, dup := f.Constants[fam.Value]; dup {
					return nil, fail(fam, "constants.%s set twice", fam.Value)
				}
				f.Constants[fam.Value] = imp.Value
				f.pos["constants."+fam.Value] = at(fam)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return f, nil
}

func closestKey(key string) string {
	for _, k := range keys {
		if strings.EqualFold(k, key) || strings.ReplaceAll(k, "-", "") == strings.ReplaceAll(strings.ToLower(key), "_", "") ||
			key+"s" == k || key == k+"s" {
			return k
		}
	}
	return ""
}

// syntaxError locates a YAML syntax error at its line and column.
func syntaxError(path string, data []byte, err error) error {
	var le *yaml.LoadError
	if errors.As(err, &le) && le.Mark.Line > 0 {
		col := le.Mark.Column
		if col <= 0 {
			col = 1
		}
		return &Error{Pos: Pos{File: path, Line: le.Mark.Line, Col: col}, Msg: "YAML syntax: " + le.Message}
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	return &Error{Pos: Pos{File: path, Line: 1, Col: 1}, Msg: "YAML: " + msg}
}
