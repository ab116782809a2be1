package analyzer

import (
	"fmt"
	"os"
	"strings"

	"golang.org/x/mod/module"

	"github.com/errcodevet/errcodevet/internal/configfile"
)

// A setting is one of the analyzer's settings, described once: its
// Config field, and the name under which it is a flag (as go vet, nogo and
// the command line take it), a key of .errcodevet.yaml and a golangci-lint
// setting.
type setting struct {
	name  string          // flag, configuration file key, golangci-lint setting (Config's json tag)
	kind  configfile.Kind // how it is written in the file; see fileKey for config
	field func(*Config) any

	usage   string // the flag's usage, as -h prints it
	flagDef string // the flag's default as -h prints it, when the zero value is not ""

	// The README's settings table: the flag as written there (-checks=IDS),
	// the default and the meaning.
	readmeFlag, readmeDef, readmeDoc string

	// check validates one item of a list setting, given as a flag or in a
	// configuration file (there, the error is located at the item); with
	// fileOnly, in a file only (a catalog named by a flag is checked by
	// loading it).
	check    func(string) error
	fileOnly bool
	// all: the item "all" stands for every value, the default.
	all bool
	// empty, for a list, is the error an empty list is (-checks= or
	// checks: [] would otherwise silently mean the default), or "".
	empty string
}

// settingsTable describes every setting once: from it derive the flags
// (bindFlags) and their -h text, the keys of .errcodevet.yaml (fileKeys,
// withFile), the settings given explicitly (explicit), and the README's
// settings table (TestREADMESettings); golangci-lint's settings are Config
// itself (golangci.Settings), whose json tags TestSettingsTable keeps equal
// to these names. Adding a setting is a Config field with its json tag, an
// entry here, and its use where it takes effect (compile, or the checks
// through s.cfg); TestSettingsTable fails until both are there.
var settingsTable = []setting{
	{
		name: "checks", kind: configfile.Strings, field: func(c *Config) any { return &c.Checks },
		usage: "comma-separated IDs of the checks to run, or all: " + strings.Join(CheckIDs(), ", ") +
			",\n" + directiveCategory + " (reports about errcodevet:ignore directives)",
		flagDef:    "all",
		readmeFlag: "-checks=IDS", readmeDef: "all",
		readmeDoc: "IDs of the checks to run, and `directive` for the reports about directives; an unknown ID, or an empty list, is an error",
		check:     checkKnownCheck,
		all:       true,
		empty:     "name the checks to run, or all",
	},
	{
		name: "catalog", kind: configfile.Paths, field: func(c *Config) any { return &c.Catalogs },
		usage:      "comma-separated catalog files adding or extending API families",
		readmeFlag: "-catalog=FILES", readmeDef: "none",
		readmeDoc: "catalog files adding or extending API families",
		check:     checkCatalogFile, fileOnly: true,
	},
	{
		name: "include-success", kind: configfile.Bool, field: func(c *Config) any { return &c.IncludeSuccess },
		usage:      "also report success values (errcode 0, resultStatus S, resultCode SUCCESS; WeChat Pay SUCCESS; classic Alipay code 10000, trade_status TRADE_SUCCESS, TRADE_FINISHED)",
		readmeFlag: "-include-success", readmeDef: "false",
		readmeDoc: "also report success values compared as literals (errcode 0, resultStatus `S`, resultCode `SUCCESS`; WeChat Pay `SUCCESS`; classic Alipay code `10000`, trade_status `TRADE_SUCCESS`, `TRADE_FINISHED`)",
	},
	{
		name: "include-tests", kind: configfile.Bool, field: func(c *Config) any { return &c.IncludeTests },
		usage:      "also check _test.go files",
		readmeFlag: "-include-tests", readmeDef: "false",
		readmeDoc: "also check `_test.go` files (tests often compare with the wire value on purpose)",
	},
	{
		name: "retry-funcs", kind: configfile.Strings, field: func(c *Config) any { return &c.RetryFuncs },
		usage:      "comma-separated functions that retry, as import/path.Func or import/path.Type.Method",
		readmeFlag: "-retry-funcs=FUNCS", readmeDef: "none",
		readmeDoc: "functions that retry, as `import/path.Func` or `import/path.Type.Method`; an entry that a package declaring or importing its package shows to name nothing (a typo, a renamed method) is an error",
		check:     checkRetryFunc,
	},
	{
		name: "give-up-funcs", kind: configfile.Strings, field: func(c *Config) any { return &c.GiveUpFuncs },
		usage:      "comma-separated functions that record a final outcome (mark an order failed), as import/path.Func or import/path.Type.Method",
		readmeFlag: "-give-up-funcs=FUNCS", readmeDef: "none",
		readmeDoc: "functions that record a final outcome (mark an order failed), as `import/path.Func` or `import/path.Type.Method`: retry-unknown reports a call of one on an unknown outcome; an entry that a package declaring or importing its package shows to name nothing (a typo, a renamed method) is an error",
		check:     checkGiveUpFunc,
	},
	{
		name: "client-packages", kind: configfile.Strings, field: func(c *Config) any { return &c.ClientPackages },
		usage:      "comma-separated family=pattern: packages that are the family's clients (example.com/corp/wecom/... for a package and those under it), where families share a carrier",
		readmeFlag: "-client-packages=FAMILY=PATTERN,...", readmeDef: "none",
		readmeDoc: "packages that are a family's clients, as `family=import/path` or `family=import/path/...`: where WeCom and the Official Account share `errcode`, such a package holds the family's values, as code that imports its SDK or names its host does",
		check:     checkClientPackage,
	},
	{
		name: "constants", kind: configfile.Map, field: func(c *Config) any { return &c.Constants },
		usage:      "comma-separated family=import/path: the constants package the family's fixes import",
		readmeFlag: "-constants=FAMILY=PATH,...", readmeDef: "the family's own",
		readmeDoc: "import path of the constants package the fixes use, per family: one `errcodevet catalog gen` wrote into your module (see [Fixes that build](#fixes-that-build))",
	},
	{
		name: "config", field: func(c *Config) any { return &c.ConfigFile },
		usage: "configuration `file` to read instead of the " + configfile.Name + " found from each package's\n" +
			"directory up to its module root (\"none\": read none); flags override it",
		readmeFlag: "-config=FILE", readmeDef: "found",
		readmeDoc: "the configuration file to read, or `none`",
	},
}

// fileKey reports whether the setting can be set in a configuration file:
// every one but the setting naming the file.
func (s *setting) fileKey() bool { return s.name != flagConfig }

// flagConfig names the configuration file to read (Config.ConfigFile).
const flagConfig = "config"

// fileKeys are the keys a configuration file may hold.
var fileKeys = func() []configfile.Key {
	var keys []configfile.Key
	for _, s := range settingsTable {
		if !s.fileKey() {
			continue
		}
		k := configfile.Key{Name: s.name, Kind: s.kind, Empty: s.empty}
		if s.kind == configfile.Map {
			k.Want, k.WantValue = "a mapping from family names to import paths", "an import path"
		}
		keys = append(keys, k)
	}
	return keys
}()

func checkKnownCheck(id string) error {
	if checkByID(id) == nil && id != directiveCategory {
		return fmt.Errorf("unknown check %q (known: %s, %s)", id, strings.Join(CheckIDs(), ", "), directiveCategory)
	}
	return nil
}

func checkCatalogFile(path string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("catalog file: %v", err)
	}
	return nil
}

func checkRetryFunc(name string) error {
	if !validFuncPath(name) {
		return fmt.Errorf("retry function %q is not of the form import/path.Func or import/path.Type.Method", name)
	}
	return nil
}

func checkGiveUpFunc(name string) error {
	if !validFuncPath(name) {
		return fmt.Errorf("give-up function %q is not of the form import/path.Func or import/path.Type.Method", name)
	}
	return nil
}

func checkClientPackage(item string) error {
	fam, pattern, ok := strings.Cut(item, "=")
	if !ok || fam == "" || pattern == "" {
		return fmt.Errorf("client package %q is not of the form family=import/path or family=import/path/...", item)
	}
	path, _ := strings.CutSuffix(pattern, "/...")
	if err := module.CheckImportPath(path); err != nil {
		return fmt.Errorf("client package %q: %v", item, err)
	}
	return nil
}

// isZero reports whether the setting's field in cfg holds its zero value.
func (s *setting) isZero(cfg *Config) bool {
	switch v := s.field(cfg).(type) {
	case *[]string:
		return len(*v) == 0
	case *bool:
		return !*v
	case *map[string]string:
		return len(*v) == 0
	case *string:
		return *v == ""
	}
	panic(fmt.Sprintf("setting %s: field of unknown type %T", s.name, s.field(cfg)))
}

// withoutAll drops the items "all" of a setting where it stands for the
// default.
func (s *setting) withoutAll(items []string) []string {
	if !s.all {
		return items
	}
	var out []string
	for _, item := range items {
		if item != "all" {
			out = append(out, item)
		}
	}
	return out
}
