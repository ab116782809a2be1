package analyzer

import (
	"fmt"
	"go/build"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/internal/configfile"
)

// flagConstants names the per-family constants packages (Config.Constants)
// in the configuration file.
const flagConstants = "constants"

// fileSettings caches, for one set of explicit settings, the settings of
// each configuration file merged with them: standalone, in golangci-lint
// and in the language server, one process analyzes many packages. An entry
// is used while its file is unchanged. Which file applies to a directory
// is found once per analyzer (the language server makes an analyzer per
// analysis).
type fileSettings struct {
	finder configfile.Finder

	mu    sync.Mutex
	files map[string]*fileEntry // by configuration file path
}

type fileEntry struct {
	once  sync.Once
	stamp fileStamp
	s     *settings
	err   error
}

// fileStamp tells whether a file changed.
type fileStamp struct {
	size    int64
	modTime int64
}

func newFileSettings() *fileSettings {
	return &fileSettings{files: make(map[string]*fileEntry)}
}

// forPackage returns the settings for the package of p: s merged with the
// package's configuration file, if it has one.
func (s *settings) forPackage(p *analysis.Pass) (*settings, error) {
	return s.forDir(packageDir(p))
}

// forDir returns the settings for the package in dir ("" if not known): s
// merged with the configuration file that applies there, if any.
func (s *settings) forDir(dir string) (*settings, error) {
	path := s.cfg.ConfigFile
	switch path {
	case configNone:
		return s, nil
	case "":
		if dir == "" || readOnlyTree(dir) {
			return s, nil // no file to look at, or code its users do not configure
		}
		found, err := s.files.finder.Find(dir)
		if err != nil {
			return nil, err
		}
		if path = found; path == "" {
			return s, nil
		}
	}
	var stamp fileStamp
	if fi, err := os.Stat(path); err == nil {
		stamp = fileStamp{fi.Size(), fi.ModTime().UnixNano()}
	}
	s.files.mu.Lock()
	e, ok := s.files.files[path]
	if !ok || e.stamp != stamp {
		e = &fileEntry{stamp: stamp}
		s.files.files[path] = e
	}
	s.files.mu.Unlock()
	e.once.Do(func() { e.s, e.err = s.withFile(path) })
	return e.s, e.err
}

// withFile returns s with the settings of the configuration file at path
// that s does not set explicitly. Problems are located in the file.
func (s *settings) withFile(path string) (*settings, error) {
	f, err := configfile.Load(path)
	if err != nil {
		return nil, err
	}
	cfg := s.cfg
	cfg.ConfigFile = configNone // this merge is final
	if !s.set[flagChecks] && f.Checks != nil {
		for i, id := range f.Checks {
			if checkByID(id) == nil && id != directiveCategory {
				return nil, f.Errorf(fmt.Sprintf("checks[%d]", i), "unknown check %q (known: %s, %s)", id, strings.Join(CheckIDs(), ", "), directiveCategory)
			}
		}
		cfg.Checks = f.Checks
	}
	if !s.set[flagCatalog] && f.Catalogs != nil {
		for i, c := range f.Catalogs {
			if _, err := os.Stat(c); err != nil {
				return nil, f.Errorf(fmt.Sprintf("catalog[%d]", i), "catalog file: %v", err)
			}
		}
		cfg.Catalogs = f.Catalogs
	}
	if !s.set[flagIncludeSuccess] && f.IncludeSuccess != nil {
		cfg.IncludeSuccess = *f.IncludeSuccess
	}
	if !s.set[flagIncludeTests] && f.IncludeTests != nil {
		cfg.IncludeTests = *f.IncludeTests
	}
	if !s.set[flagRetryFuncs] && f.RetryFuncs != nil {
		for i, name := range f.RetryFuncs {
			if !validFuncPath(name) {
				return nil, f.Errorf(fmt.Sprintf("retry-funcs[%d]", i), "retry function %q is not of the form import/path.Func or import/path.Type.Method", name)
			}
		}
		cfg.RetryFuncs = f.RetryFuncs
	}
	if !s.set[flagConstants] && f.Constants != nil {
		cfg.Constants = f.Constants
	}
	merged, err := compile(cfg, s.set)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return merged, nil
}

// packageDir returns the directory of the package's source files, as
// their //line directives tell it (cmd/cgo's output points at the .go
// files it was generated from), or "".
func packageDir(p *analysis.Pass) string {
	for _, f := range p.Files {
		if name := p.Fset.Position(f.Package).Filename; filepath.IsAbs(name) {
			return filepath.Dir(name)
		}
	}
	return ""
}

// readOnlyTree reports whether dir is in the Go installation or the module
// cache: dependencies are analyzed for their facts, with the user's
// settings, never with a configuration file they ship.
func readOnlyTree(dir string) bool {
	return within(dir, runtime.GOROOT()) || inModuleCache(dir)
}

// inModuleCache reports whether dir is in the module cache, whose files
// the go command writes once, read-only, and checks against go.sum.
func inModuleCache(dir string) bool {
	root := os.Getenv("GOMODCACHE")
	if root == "" {
		gopath, _, _ := strings.Cut(build.Default.GOPATH, string(filepath.ListSeparator))
		if gopath == "" {
			return false
		}
		root = filepath.Join(gopath, "pkg", "mod")
	}
	return within(dir, root)
}

// within reports whether dir is root or below it.
func within(dir, root string) bool {
	return root != "" && (dir == root || strings.HasPrefix(dir, root+string(filepath.Separator)))
}
