package analyzer

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/internal/configfile"
)

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
	f, err := configfile.Load(path, fileKeys)
	if err != nil {
		return nil, err
	}
	cfg := s.cfg
	cfg.ConfigFile = configNone // this merge is final
	fileItems := make(map[string]string)
	for i := range settingsTable {
		st := &settingsTable[i]
		v, ok := f.Value(st.name)
		if !ok || s.set[st.name] {
			continue
		}
		switch field := st.field(&cfg).(type) {
		case *[]string:
			items := st.withoutAll(v.([]string))
			if len(items) == 0 {
				continue // "all": the default
			}
			if st.check != nil {
				for i, item := range v.([]string) {
					if st.all && item == "all" {
						continue
					}
					key := fmt.Sprintf("%s[%d]", st.name, i)
					if err := st.check(item); err != nil {
						return nil, f.Errorf(key, "%v", err)
					}
					fileItems[st.name+"\x00"+item] = key
				}
			}
			*field = items
		case *bool:
			*field = v.(bool)
		case *map[string]string:
			*field = v.(map[string]string)
		}
	}
	merged, err := compile(cfg, s.set)
	if err != nil {
		if ce, ok := err.(*constantsError); ok && !s.set["constants"] {
			return nil, f.Errorf("constants."+ce.family, "%s", ce.msg) // the file's setting
		}
		if ie, ok := err.(*itemError); ok && !s.set[ie.setting] {
			return nil, f.Errorf(fmt.Sprintf("%s[%d]", ie.setting, ie.index), "%s", ie.msg)
		}
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	merged.file, merged.fileItems = f, fileItems
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
	return configfile.Within(dir, runtime.GOROOT()) || configfile.InModuleCache(dir)
}

// In returns the configuration that applies to the packages in dir: c
// with the settings of the configuration file (c.ConfigFile, or the
// .errcodevet.yaml found walking up from dir to its module root) that c
// leaves at their zero value, its ConfigFile the file read ("" if none).
// files are the files that configuration was read from: the configuration
// file and the catalogs. They are the one answer to which files, besides
// the packages', an analysis depends on: a driver that caches results
// (go vet's tool ID, the run cache, golangci-lint's facts) keys them on
// these files' content. On an error, files are those known so far.
func (c Config) In(dir string) (cfg Config, files []string, err error) {
	s, err := compile(c, explicit(c))
	if err != nil {
		return Config{}, c.Catalogs, err
	}
	path, files, err := s.sources(dir)
	if err != nil {
		return Config{}, files, err
	}
	merged, err := s.forDir(dir)
	if err != nil {
		return Config{}, files, err
	}
	cfg = merged.cfg
	cfg.ConfigFile = path
	return cfg, files, nil
}

// sources returns the configuration file that applies to the packages in
// dir ("" if none) and the files the settings for them are read from: that
// file, then the files of the Paths settings (catalogs), s's own or, where
// s leaves them unset, the file's.
func (s *settings) sources(dir string) (path string, files []string, err error) {
	path = s.cfg.ConfigFile
	switch {
	case path == configNone:
		path = ""
	case path == "" && dir != "" && !readOnlyTree(dir):
		if path, err = s.files.finder.Find(dir); err != nil {
			return "", nil, err
		}
	}
	if path != "" {
		files = append(files, path)
	}
	f := new(configfile.File) // says nothing
	if path != "" {
		if f, err = configfile.Load(path, fileKeys); err != nil {
			return path, files, err
		}
	}
	for i := range settingsTable {
		st := &settingsTable[i]
		if st.kind != configfile.Paths || !st.fileKey() {
			continue
		}
		files = append(files, *st.field(&s.cfg).(*[]string)...)
		if v, ok := f.Value(st.name); ok && !s.set[st.name] {
			files = append(files, v.([]string)...)
		}
	}
	return path, files, nil
}
