package analyzer

import (
	"flag"
	"fmt"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/mod/module"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/carrier"
	"github.com/errcodevet/errcodevet/internal/configfile"
)

// Config configures an analyzer. The zero Config runs every check with the
// built-in catalog, skipping success values and test files.
type Config struct {
	// Checks are the IDs of the checks to run; empty means all.
	Checks []string
	// Catalogs are catalog files that add families or extend them, loaded
	// after the built-ins, in order.
	Catalogs []string
	// IncludeSuccess reports success values too (errcode 0, resultStatus S,
	// resultCode SUCCESS) compared as literals.
	IncludeSuccess bool
	// IncludeTests checks _test.go files too. Tests often compare against
	// the wire value on purpose, so they are skipped by default.
	IncludeTests bool
	// RetryFuncs names further functions that retry what they are given, as
	// "import/path.Func" or "import/path.Type.Method".
	RetryFuncs []string
	// Constants maps a family's name to the import path of the constants
	// package its fixes import, in place of the catalog's: a package
	// generated into the user's module ("errcodevet catalog gen"), so
	// that fixed code needs no new dependency. The package's name must be
	// the path's last element, as catalog gen writes it.
	Constants map[string]string
	// ConfigFile is the configuration file to read, instead of the
	// .errcodevet.yaml found walking up from each package's directory to
	// its module's root; "none" reads none. The settings set here (or by
	// flags) override the file's.
	ConfigFile string
}

// configNone as Config.ConfigFile turns the configuration file off.
const configNone = "none"

// settings is a validated Config, ready for Run.
type settings struct {
	cfg     Config
	set     map[string]bool  // the flags set explicitly, which override the configuration file
	files   *fileSettings    // the settings of each configuration file, merged with these
	catalog *catalog.Catalog // nil until load (see lazy.go)
	index   *carrier.Index   // nil until load
	keys    *carrier.Keys    // for the cheap exit, known without the catalog
	loaded  sync.Once
	loadErr error
	enabled map[string]bool
	retry   map[string]bool // extra retry functions by full name
	// constants redirects the fixes of a table's codes to the package
	// Config.Constants names for its family; set by load.
	constants map[*catalog.Table]redirect
}

// compile validates cfg and loads its catalogs. set names the settings
// given explicitly: they override the configuration file's.
func compile(cfg Config, set map[string]bool) (*settings, error) {
	if cfg.ConfigFile != "" && cfg.ConfigFile != configNone {
		abs, err := filepath.Abs(cfg.ConfigFile)
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(abs); err != nil {
			return nil, fmt.Errorf("configuration file: %v", err)
		}
		cfg.ConfigFile = abs
	}
	s := &settings{cfg: cfg, set: set, files: newFileSettings(), enabled: make(map[string]bool), retry: make(map[string]bool)}
	if len(cfg.Checks) == 0 {
		for _, c := range checks {
			s.enabled[c.ID] = true
		}
		s.enabled[directiveCategory] = true
	}
	for _, id := range cfg.Checks {
		if checkByID(id) == nil && id != directiveCategory {
			return nil, fmt.Errorf("unknown check %q (known: %s, %s)", id, strings.Join(CheckIDs(), ", "), directiveCategory)
		}
		s.enabled[id] = true
	}
	for _, name := range cfg.RetryFuncs {
		if !validFuncPath(name) {
			return nil, fmt.Errorf("retry function %q is not of the form import/path.Func or import/path.Type.Method", name)
		}
		s.retry[name] = true
	}
	for _, fam := range slices.Sorted(maps.Keys(cfg.Constants)) {
		if err := module.CheckImportPath(cfg.Constants[fam]); err != nil {
			return nil, fmt.Errorf("constants of family %s: %v", fam, err)
		}
	}
	if len(cfg.Catalogs) == 0 {
		s.keys = builtinKeys // the built-in catalog is loaded when needed
		for _, fam := range slices.Sorted(maps.Keys(cfg.Constants)) {
			if !slices.Contains(builtinFamilies, fam) {
				return nil, fmt.Errorf("constants of unknown family %q (known: %s)", fam, strings.Join(builtinFamilies, ", "))
			}
		}
		return s, nil
	}
	// Catalog files are loaded now, so that a bad one is reported at once.
	if err := s.load(); err != nil {
		return nil, err
	}
	for _, fam := range slices.Sorted(maps.Keys(cfg.Constants)) {
		if s.catalog.Family(fam) == nil {
			var known []string
			for _, f := range s.catalog.Families() {
				known = append(known, f.Name)
			}
			return nil, fmt.Errorf("constants of unknown family %q (known: %s)", fam, strings.Join(known, ", "))
		}
	}
	return s, nil
}

func validFuncPath(s string) bool {
	slash := strings.LastIndex(s, "/")
	parts := strings.Split(s[slash+1:], ".")
	if parts[0] == "" || len(parts) != 2 && len(parts) != 3 {
		return false
	}
	for _, p := range parts[1:] {
		if !token.IsIdentifier(p) {
			return false
		}
	}
	return true
}

// flagNames are the analyzer's flags. None may be named like a driver flag
// (fix, diff, json, c, test, tags, ...): the drivers would take it.
const (
	flagChecks         = "checks"
	flagCatalog        = "catalog"
	flagIncludeSuccess = "include-success"
	flagIncludeTests   = "include-tests"
	flagRetryFuncs     = "retry-funcs"
	flagConfig         = "config"
)

// bindFlags registers the analyzer's flags on fs, with the current settings
// as their defaults. Each Set validates the whole configuration again, so a
// bad value is reported at once, with the flag's name, and the analyzer
// keeps its last good settings.
func (a *state) bindFlags(fs *flag.FlagSet) {
	cfg := a.settings.cfg
	list := func(name, usage string, field func(*Config) *[]string, def string) {
		fs.Func(name, usage, func(v string) error {
			cfg := a.settings.cfg
			*field(&cfg) = splitList(v)
			return a.apply(cfg, name)
		})
		if v := *field(&cfg); len(v) > 0 {
			def = strings.Join(v, ",")
		}
		fs.Lookup(name).DefValue = def
	}
	boolean := func(name, usage string, field func(*Config) *bool) {
		fs.BoolFunc(name, usage, func(v string) error {
			b, err := strconv.ParseBool(v)
			if err != nil {
				return fmt.Errorf("want true or false, got %q", v)
			}
			cfg := a.settings.cfg
			*field(&cfg) = b
			return a.apply(cfg, name)
		})
		if *field(&cfg) {
			fs.Lookup(name).DefValue = "true" // false, the zero value, goes unsaid
		}
	}
	list(flagChecks, "comma-separated IDs of the checks to run, or all: "+strings.Join(CheckIDs(), ", ")+
		",\n"+directiveCategory+" (reports about errcodevet:ignore directives)",
		func(c *Config) *[]string { return &c.Checks }, "all")
	list(flagCatalog, "comma-separated catalog files adding or extending API families",
		func(c *Config) *[]string { return &c.Catalogs }, "")
	boolean(flagIncludeSuccess, "also report success values (errcode 0, resultStatus S, resultCode SUCCESS)",
		func(c *Config) *bool { return &c.IncludeSuccess })
	boolean(flagIncludeTests, "also check _test.go files",
		func(c *Config) *bool { return &c.IncludeTests })
	list(flagRetryFuncs, "comma-separated functions that retry, as import/path.Func or import/path.Type.Method",
		func(c *Config) *[]string { return &c.RetryFuncs }, "")
	fs.Func(flagConfig, "configuration `file` to read instead of the "+configfile.Name+" found from each package's\n"+
		"directory up to its module root (\"none\": read none); flags override it", func(v string) error {
		cfg := a.settings.cfg
		cfg.ConfigFile = v
		return a.apply(cfg, flagConfig)
	})
	if cfg.ConfigFile != "" {
		fs.Lookup(flagConfig).DefValue = cfg.ConfigFile
	}
	fs.Func(flagConstants, "comma-separated family=import/path: the constants package the family's fixes import",
		func(v string) error {
			m, err := parseConstants(v)
			if err != nil {
				return err
			}
			cfg := a.settings.cfg
			cfg.Constants = m
			return a.apply(cfg, flagConstants)
		})
	fs.Lookup(flagConstants).DefValue = formatConstants(cfg.Constants)
}

// parseConstants parses the -constants flag: "wechat=example.com/m/wechatcodes,...".
func parseConstants(v string) (map[string]string, error) {
	var m map[string]string
	for _, item := range splitList(v) {
		fam, path, ok := strings.Cut(item, "=")
		fam, path = strings.TrimSpace(fam), strings.TrimSpace(path)
		if !ok || fam == "" || path == "" {
			return nil, fmt.Errorf("want family=import/path, got %q", item)
		}
		if _, dup := m[fam]; dup {
			return nil, fmt.Errorf("family %s given twice", fam)
		}
		if m == nil {
			m = make(map[string]string)
		}
		m[fam] = path
	}
	return m, nil
}

func formatConstants(m map[string]string) string {
	var items []string
	for _, fam := range slices.Sorted(maps.Keys(m)) {
		items = append(items, fam+"="+m[fam])
	}
	return strings.Join(items, ",")
}

// apply replaces the settings by cfg, whose setting named flag was just
// set explicitly.
func (a *state) apply(cfg Config, flag string) error {
	set := maps.Clone(a.settings.set)
	set[flag] = true
	s, err := compile(cfg, set)
	if err != nil {
		return err
	}
	a.settings = s
	return nil
}

// explicit returns the settings cfg gives a value other than the zero
// value: those override the configuration file.
func explicit(cfg Config) map[string]bool {
	return map[string]bool{
		flagChecks:         len(cfg.Checks) > 0,
		flagCatalog:        len(cfg.Catalogs) > 0,
		flagIncludeSuccess: cfg.IncludeSuccess,
		flagIncludeTests:   cfg.IncludeTests,
		flagRetryFuncs:     len(cfg.RetryFuncs) > 0,
		flagConstants:      len(cfg.Constants) > 0,
	}
}

func splitList(v string) []string {
	var out []string
	for _, item := range strings.Split(v, ",") {
		if item = strings.TrimSpace(item); item != "" && item != "all" {
			out = append(out, item)
		}
	}
	return out
}
