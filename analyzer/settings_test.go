package analyzer

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/internal/configfile"
)

// TestSettingsTable keeps the table of settings and Config one to one:
// each field has an entry whose name is the field's json tag (the
// golangci-lint setting), and the other way round.
func TestSettingsTable(t *testing.T) {
	var cfg Config
	fields := make(map[uintptr]string) // field offset -> json tag
	typ := reflect.TypeFor[Config]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		fields[f.Offset] = f.Tag.Get("json")
	}
	base := reflect.ValueOf(&cfg).Pointer()
	seen := make(map[string]bool)
	for _, st := range settingsTable {
		if seen[st.name] {
			t.Errorf("setting %s listed twice", st.name)
		}
		seen[st.name] = true
		off := reflect.ValueOf(st.field(&cfg)).Pointer() - base
		tag, ok := fields[off]
		switch {
		case !ok:
			t.Errorf("setting %s: field is not a field of Config", st.name)
		case tag != st.name:
			t.Errorf("setting %s: its Config field's json tag is %q, want %q", st.name, tag, st.name)
		}
		st.isZero(&cfg) // panics on a field of a type the table cannot handle
		if st.usage == "" || st.readmeFlag == "" || st.readmeDef == "" || st.readmeDoc == "" {
			t.Errorf("setting %s: usage and README columns must all be given", st.name)
		}
		if st.fileKey() != (st.name != flagConfig) {
			t.Errorf("setting %s: only the configuration file's own setting is not a key of the file", st.name)
		}
		if _, isList := st.field(&cfg).(*[]string); isList != (st.kind == configfile.Strings || st.kind == configfile.Paths) && st.fileKey() {
			t.Errorf("setting %s: kind %v does not fit its field", st.name, st.kind)
		}
	}
	for _, tag := range fields {
		if !seen[tag] {
			t.Errorf("Config field with json tag %q has no entry in settingsTable", tag)
		}
	}
	// Every setting is a flag of the analyzer.
	for _, st := range settingsTable {
		if Analyzer.Flags.Lookup(st.name) == nil {
			t.Errorf("setting %s is not a flag", st.name)
		}
	}
}

// readmeSettings renders the README's table of settings.
func readmeSettings() string {
	var b strings.Builder
	b.WriteString("| Setting / flag | Default | Meaning |\n|---|---|---|\n")
	for _, st := range settingsTable {
		name := "`" + st.readmeFlag + "`"
		if st.fileKey() {
			name = "`" + st.name + "` / " + name
		}
		b.WriteString("| " + name + " | " + st.readmeDef + " | " + st.readmeDoc + " |\n")
	}
	return b.String()
}

// TestREADMESettings keeps the README's table of settings the table's.
func TestREADMESettings(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want := readmeSettings()
	if !strings.Contains(string(data), "\n"+want+"\n") {
		t.Errorf("README.md's table of settings is not the settings table's; want\n%s", want)
	}
}

// TestDocSettings keeps the analyzer's documentation of its flags
// complete.
func TestDocSettings(t *testing.T) {
	data, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range settingsTable {
		if !strings.Contains(string(data), "//\t-"+st.name) {
			t.Errorf("doc.go does not document the flag -%s", st.name)
		}
	}
}

// TestConfigIn: the files a configuration depends on are the configuration
// file that applies and the catalogs it or the Config names.
func TestConfigIn(t *testing.T) {
	root := t.TempDir()
	// The catalog is inside the module: a configuration file may name no
	// file outside it.
	data, err := os.ReadFile("../testdata/catalog/acme.yaml")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) string {
		t.Helper()
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	write("go.mod", "module m\n")
	catalog := write("acme.yaml", string(data))
	config := write(configfile.Name, "include-tests: true\ncatalog: ["+catalog+"]\n")
	sub := filepath.Join(root, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		cfg       Config
		files     []string
		tests     bool
		configHas string
	}{
		{Config{}, []string{config, catalog}, true, config},
		{Config{IncludeTests: true, Catalogs: []string{catalog}}, []string{config, catalog}, true, config},
		{Config{ConfigFile: "none"}, nil, false, ""},
		{Config{ConfigFile: "none", Catalogs: []string{catalog}}, []string{catalog}, false, ""},
	} {
		cfg, files, err := tc.cfg.In(sub)
		if err != nil {
			t.Errorf("%+v.In: %v", tc.cfg, err)
			continue
		}
		if !slices.Equal(files, tc.files) || cfg.IncludeTests != tc.tests || cfg.ConfigFile != tc.configHas {
			t.Errorf("%+v.In = %+v, %q; want IncludeTests %v, ConfigFile %q, files %q", tc.cfg, cfg, files, tc.tests, tc.configHas, tc.files)
		}
	}
	// The error points at the bad item, not at an "all" before it.
	write(configfile.Name, "checks: [all, nope]\n")
	if _, _, err := (Config{}).In(sub); err == nil || !strings.Contains(err.Error(), configfile.Name+":1:15: unknown check \"nope\"") {
		t.Errorf("In with checks: [all, nope]: %v; want the error at 1:15", err)
	}
	write(configfile.Name, "checks: [nope]\n")
	if _, files, err := (Config{}).In(sub); err == nil || !slices.Equal(files, []string{config}) {
		t.Errorf("In with a bad file: %q, %v; want the file and an error", files, err)
	}
}
