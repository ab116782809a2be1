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
// built-in catalog, skipping success values and test files. Each field's
// json tag is the setting's name as a flag, in .errcodevet.yaml and in
// golangci-lint's settings.
type Config struct {
	// Checks are the IDs of the checks to run; empty means all.
	Checks []string `json:"checks"`
	// Catalogs are catalog files that add families or extend them, loaded
	// after the built-ins, in order.
	Catalogs []string `json:"catalog"`
	// IncludeSuccess reports success values too (errcode 0, resultStatus S,
	// resultCode SUCCESS) compared as literals.
	IncludeSuccess bool `json:"include-success"`
	// IncludeTests checks _test.go files too. Tests often compare against
	// the wire value on purpose, so they are skipped by default.
	IncludeTests bool `json:"include-tests"`
	// RetryFuncs names further functions that retry what they are given, as
	// "import/path.Func" or "import/path.Type.Method".
	RetryFuncs []string `json:"retry-funcs"`
	// GiveUpFuncs names functions that record a final outcome (mark an
	// order failed, close it), as "import/path.Func" or
	// "import/path.Type.Method" (an interface's method too): a call of one
	// in a branch taken on an unknown outcome gives up.
	GiveUpFuncs []string `json:"give-up-funcs"`
	// ClientPackages says which packages are a family's clients, as
	// "family=pattern" ("wecom=example.com/corp/wecom/..." for that package
	// and those under it): where families share a carrier (WeCom and the
	// Official Account answer with errcode), such a package's values are the
	// family's, as if the catalog's clients: packages listed the pattern.
	ClientPackages []string `json:"client-packages"`
	// Constants maps a family's name to the import path of the constants
	// package its fixes import, in place of the catalog's: a package
	// generated into the user's module ("errcodevet catalog gen"), so
	// that fixed code needs no new dependency. The package's name must be
	// the path's last element, as catalog gen writes it.
	Constants map[string]string `json:"constants"`
	// ConfigFile is the configuration file to read, instead of the
	// .errcodevet.yaml found walking up from each package's directory to
	// its module's root; "none" reads none. The settings set here (or by
	// flags) override the file's.
	ConfigFile string `json:"config"`
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
	giveUp  map[string]bool // functions that record a final outcome, by full name
	// file is the configuration file merged in, if any, and fileItems the
	// key there of each retry-funcs and give-up-funcs item it gave
	// ("give-up-funcs\x00NAME" to "give-up-funcs[2]"), to locate an item
	// that names nothing.
	file      *configfile.File
	fileItems map[string]string
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
	for i := range settingsTable {
		st := &settingsTable[i]
		items, ok := st.field(&cfg).(*[]string)
		if !ok || st.check == nil || st.fileOnly {
			continue
		}
		for _, item := range *items {
			if err := st.check(item); err != nil {
				return nil, err
			}
		}
	}
	for _, id := range cfg.Checks {
		s.enabled[id] = true
	}
	for _, name := range cfg.RetryFuncs {
		s.retry[name] = true
	}
	for _, name := range cfg.GiveUpFuncs {
		if s.giveUp == nil {
			s.giveUp = make(map[string]bool)
		}
		s.giveUp[name] = true
	}
	clientFamilies := func(known []string) error {
		for i, item := range cfg.ClientPackages {
			fam, _, _ := strings.Cut(item, "=")
			if !slices.Contains(known, fam) {
				return &itemError{"client-packages", i, fmt.Sprintf("client packages of family %q, which shares no carrier with another family (families that do: %s)", fam, strings.Join(known, ", "))}
			}
		}
		return nil
	}
	for _, fam := range slices.Sorted(maps.Keys(cfg.Constants)) {
		if err := module.CheckImportPath(cfg.Constants[fam]); err != nil {
			return nil, &constantsError{fam, fmt.Sprintf("constants of family %s: %v", fam, err)}
		}
	}
	if len(cfg.Catalogs) == 0 {
		s.keys = builtinKeys // the built-in catalog is loaded when needed
		for _, fam := range slices.Sorted(maps.Keys(cfg.Constants)) {
			if !slices.Contains(builtinFamilies, fam) {
				return nil, &constantsError{fam, fmt.Sprintf("constants of unknown family %q (known: %s)", fam, strings.Join(builtinFamilies, ", "))}
			}
		}
		if err := clientFamilies(builtinClientFamilies); err != nil {
			return nil, err
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
			return nil, &constantsError{fam, fmt.Sprintf("constants of unknown family %q (known: %s)", fam, strings.Join(known, ", "))}
		}
	}
	var sharing []string
	for _, f := range s.catalog.Families() {
		if !f.Clients.Empty() {
			sharing = append(sharing, f.Name)
		}
	}
	if err := clientFamilies(sharing); err != nil {
		return nil, err
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

// bindFlags registers a flag for each setting (settingsTable) on fs, with
// the current settings as their defaults. No setting may be named like a
// driver flag (fix, diff, json, c, test, tags, ...): the drivers would take
// it. Each Set validates the whole configuration again, so a bad value is
// reported at once, with the flag's name, and the analyzer keeps its last
// good settings.
func (a *state) bindFlags(fs *flag.FlagSet) {
	cfg := a.settings.cfg
	for i := range settingsTable {
		st := &settingsTable[i]
		set := func(parse func(v string, field any) error) func(string) error {
			return func(v string) error {
				cfg := a.settings.cfg
				if err := parse(v, st.field(&cfg)); err != nil {
					return err
				}
				return a.apply(cfg, st.name)
			}
		}
		switch field := st.field(&cfg).(type) {
		case *[]string:
			fs.Func(st.name, st.usage, set(func(v string, field any) error {
				if st.empty != "" && strings.Trim(v, ", \t") == "" {
					return fmt.Errorf("an empty list: %s", st.empty)
				}
				*field.(*[]string) = splitList(v)
				return nil
			}))
			def := st.flagDef
			if len(*field) > 0 {
				def = strings.Join(*field, ",")
			}
			fs.Lookup(st.name).DefValue = def
		case *bool:
			fs.BoolFunc(st.name, st.usage, set(func(v string, field any) error {
				b, err := strconv.ParseBool(v)
				if err != nil {
					return fmt.Errorf("want true or false, got %q", v)
				}
				*field.(*bool) = b
				return nil
			}))
			if *field {
				fs.Lookup(st.name).DefValue = "true" // false, the zero value, goes unsaid
			}
		case *map[string]string:
			fs.Func(st.name, st.usage, set(func(v string, field any) error {
				m, err := parseMap(v)
				*field.(*map[string]string) = m
				return err
			}))
			fs.Lookup(st.name).DefValue = formatMap(*field)
		case *string:
			fs.Func(st.name, st.usage, set(func(v string, field any) error {
				*field.(*string) = v
				return nil
			}))
			if *field != "" {
				fs.Lookup(st.name).DefValue = *field
			}
		}
	}
}

// parseMap parses a flag of a mapping setting, -constants:
// "wechat=example.com/m/wechatcodes,...".
func parseMap(v string) (map[string]string, error) {
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

func formatMap(m map[string]string) string {
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
	set := make(map[string]bool)
	for i := range settingsTable {
		if st := &settingsTable[i]; st.fileKey() {
			set[st.name] = !st.isZero(&cfg)
		}
	}
	return set
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

// An itemError is a problem with one item of a list setting that only the
// catalog can tell, which a configuration file's error locates at the item.
type itemError struct {
	setting string
	index   int
	msg     string
}

func (e *itemError) Error() string { return e.msg }

// A constantsError is a problem with the constants setting of one family,
// which a configuration file's error locates at that family's line.
type constantsError struct {
	family, msg string
}

func (e *constantsError) Error() string { return e.msg }
