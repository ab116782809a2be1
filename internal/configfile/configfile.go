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
// Which settings a file may hold, and of which kind each is, its reader
// says (package analyzer keeps the table of settings); this package knows
// how a kind is written and where each value was. Errors name the file,
// line and column, YAML syntax errors included.
package configfile

import (
	"errors"
	"fmt"
	"go/build"
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

// Kind is how a setting is written in the file.
type Kind int

const (
	// Strings is a string or a list of strings.
	Strings Kind = iota
	// Paths is a string or a list of strings naming files, relative to
	// the configuration file unless absolute.
	Paths
	// Bool is true or false.
	Bool
	// Map is a mapping from names to non-empty strings.
	Map
)

// A Key is a setting a file may hold. The file's settings are given by
// their reader (package analyzer holds the table of settings): this
// package knows how each kind is written, not which settings exist.
type Key struct {
	Name string
	Kind Kind
	// For a Map: what the mapping holds ("a mapping from family names
	// to import paths") and what each value is ("an import path"), for
	// errors.
	Want, WantValue string
	// Empty, for a list, is the error an empty list is ("name the checks
	// to run, or all"), when it is one; "" leaves an empty list unsaid.
	Empty string
}

// File is a parsed configuration file.
type File struct {
	Path string // absolute

	values map[string]any // by key: []string (Strings, Paths; never empty), bool, map[string]string
	pos    map[string]Pos // of each key and list item: "checks", "checks[1]", "constants.wechat"
}

// Value returns what the file sets the setting key to: a []string (Strings,
// Paths: absolute; an empty list is left unsaid), a bool, or a
// map[string]string. ok is false when the file leaves it unsaid.
func (f *File) Value(key string) (v any, ok bool) {
	v, ok = f.values[key]
	return v, ok
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

// InModuleCache reports whether dir is in the module cache, whose files
// the go command writes once, read-only, and checks against go.sum.
func InModuleCache(dir string) bool {
	root := os.Getenv("GOMODCACHE")
	if root == "" {
		gopath, _, _ := strings.Cut(build.Default.GOPATH, string(filepath.ListSeparator))
		if gopath == "" {
			return false
		}
		root = filepath.Join(gopath, "pkg", "mod")
	}
	return Within(dir, root)
}

// Within reports whether dir is root or below it.
func Within(dir, root string) bool {
	return root != "" && (dir == root || strings.HasPrefix(dir, root+string(filepath.Separator)))
}

// Load reads and parses the file at path, which may hold the settings keys.
func Load(path string, keys []Key) (*File, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		return nil, err
	}
	f, err := Parse(abs, data, keys)
	if err != nil {
		return nil, err
	}
	if err := f.inside(keys); err != nil {
		return nil, err
	}
	return f, nil
}

// inside checks that the files the Paths settings name are inside the
// tree the configuration file belongs to (see Tree), symbolic links
// resolved: linters run on pull requests from strangers, whose
// .errcodevet.yaml could otherwise have the tool read any file on the
// machine. Paths given on the command line are the user's own and are
// not checked.
func (f *File) inside(keys []Key) error {
	tree := Tree(f.Path)
	for _, k := range keys {
		if k.Kind != Paths {
			continue
		}
		v, _ := f.values[k.Name].([]string)
		for i, p := range v {
			r := resolved(p)
			if within(r, tree) {
				continue
			}
			what := p
			if r != filepath.Clean(p) {
				what = fmt.Sprintf("%s (a link to %s)", p, r)
			}
			return f.Errorf(fmt.Sprintf("%s[%d]", k.Name, i), "%s is outside %s, which holds this file: a configuration file names files inside its repository (or module) only; name one elsewhere on the command line", what, tree)
		}
	}
	return nil
}

// Tree returns the directory whose files a configuration file at path may
// name, symbolic links resolved: the root of the git repository holding
// it (the nearest directory with .git), else of its module (the nearest
// with go.mod), else its own directory.
func Tree(path string) string {
	dir := resolved(filepath.Dir(path))
	for _, marker := range []string{".git", "go.mod"} {
		for d := dir; ; {
			if _, err := os.Stat(filepath.Join(d, marker)); err == nil {
				return d
			}
			parent := filepath.Dir(d)
			if parent == d {
				break
			}
			d = parent
		}
	}
	return dir
}

// resolved returns path, absolute, with the symbolic links of its longest
// existing prefix resolved: a file that is not there yet may be below a
// link to elsewhere.
func resolved(path string) string {
	path = filepath.Clean(path)
	var rest []string
	for p := path; ; {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(append([]string{r}, rest...)...)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return path
		}
		rest = append([]string{filepath.Base(p)}, rest...)
		p = parent
	}
}

// within reports whether path is dir or below it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && filepath.IsLocal(rel)
}

// Parse parses the content of the file at path (absolute), which may hold
// the settings keys; relative Paths are taken from the file's directory.
func Parse(path string, data []byte, keys []Key) (*File, error) {
	f := &File{Path: path, values: make(map[string]any), pos: make(map[string]Pos)}
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
	var names []string
	for _, k := range keys {
		names = append(names, k.Name)
	}
	if root.Kind != yaml.MappingNode {
		return nil, fail(root, "want a mapping of settings (%s)", strings.Join(names, ", "))
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
	seen := make(map[string]bool)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		name := k.Value
		j := slices.IndexFunc(keys, func(k Key) bool { return k.Name == name })
		if j < 0 {
			msg := fmt.Sprintf("unknown setting %q", name)
			if s := closestKey(name, names); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			} else {
				msg += " (the settings are " + strings.Join(names, ", ") + ")"
			}
			return nil, fail(k, "%s", msg)
		}
		key := keys[j]
		if seen[name] {
			return nil, fail(k, "%s set twice", name)
		}
		seen[name] = true
		f.pos[name] = at(k)
		switch key.Kind {
		case Strings, Paths:
			items, err := strs(name, v)
			if err != nil {
				return nil, err
			}
			if key.Kind == Paths {
				for i, p := range items {
					if !filepath.IsAbs(p) {
						items[i] = filepath.Join(filepath.Dir(path), filepath.FromSlash(p))
					}
				}
			}
			if len(items) == 0 && key.Empty != "" {
				return nil, fail(v, "%s: an empty list: %s", name, key.Empty)
			}
			if len(items) > 0 {
				f.values[name] = items
			}
		case Bool:
			b, err := strconv.ParseBool(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil {
				return nil, fail(v, "%s: want true or false, got %q", name, v.Value)
			}
			f.values[name] = b
		case Map:
			if v.Kind != yaml.MappingNode {
				return nil, fail(v, "%s: want %s", name, key.Want)
			}
			m := make(map[string]string)
			for j := 0; j+1 < len(v.Content); j += 2 {
				item, val := v.Content[j], v.Content[j+1]
				if val.Kind != yaml.ScalarNode || val.Value == "" {
					return nil, fail(val, "%s.%s: want %s", name, item.Value, key.WantValue)
				}
				if _, dup := m[item.Value]; dup {
					return nil, fail(item, "%s.%s set twice", name, item.Value)
				}
				m[item.Value] = val.Value
				f.pos[name+"."+item.Value] = at(item)
			}
			f.values[name] = m
		}
	}
	return f, nil
}

// closestKey returns the setting of names that key looks like a
// misspelling of, or "".
func closestKey(key string, names []string) string {
	for _, k := range names {
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
