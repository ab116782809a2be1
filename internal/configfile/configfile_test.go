package configfile

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// testKeys are the settings of the tests' files, as analyzer's table has them.
var testKeys = []Key{
	{Name: "checks", Kind: Strings},
	{Name: "catalog", Kind: Paths},
	{Name: "include-success", Kind: Bool},
	{Name: "include-tests", Kind: Bool},
	{Name: "retry-funcs", Kind: Strings},
	{Name: "constants", Kind: Map, Want: "a mapping from family names to import paths", WantValue: "an import path"},
}

func TestParse(t *testing.T) {
	const src = `# errcodevet settings
checks: [magic-code, string-code]
catalog:
  - errcodes/acme.yaml
  - /abs/other.yaml
include-success: true
include-tests: false
retry-funcs: [example.com/m/retry.Do]
constants:
  wechat: example.com/m/internal/wechatcodes
`
	f, err := Parse("/repo/.errcodevet.yaml", []byte(src), testKeys)
	if err != nil {
		t.Fatal(err)
	}
	want := &File{
		Path: "/repo/.errcodevet.yaml",
		values: map[string]any{
			"checks":          []string{"magic-code", "string-code"},
			"catalog":         []string{"/repo/errcodes/acme.yaml", "/abs/other.yaml"},
			"include-success": true,
			"include-tests":   false,
			"retry-funcs":     []string{"example.com/m/retry.Do"},
			"constants":       map[string]string{"wechat": "example.com/m/internal/wechatcodes"},
		},
		pos: f.pos,
	}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("got %+v\nwant %+v", f, want)
	}
	if err := f.Errorf("checks[1]", "bad"); err.Error() != "/repo/.errcodevet.yaml:2:22: bad" {
		t.Errorf("Errorf: %v", err)
	}
	if err := f.Errorf("constants.wechat", "bad"); err.Error() != "/repo/.errcodevet.yaml:10:3: bad" {
		t.Errorf("Errorf: %v", err)
	}
	if f, err := Parse("/x", nil, testKeys); err != nil || len(f.values) != 0 {
		t.Errorf("empty file: %+v, %v", f, err)
	}
	if f, err := Parse("/x", []byte("checks: []\n"), testKeys); err != nil || len(f.values) != 0 {
		t.Errorf("checks: []: %+v, %v", f, err)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"checks: [magic-code\ncatalog: [a.yaml]\n", "/c.yaml:2:8: YAML syntax: did not find expected ',' or ']'"},
		{"a: 1\n  b: 2\n", "/c.yaml:2:4: YAML syntax: mapping values are not allowed in this context"},
		{"checks:\n\t- x\n", "/c.yaml:2:1: YAML syntax: found character that cannot start any token"},
		{"check: [magic-code]\n", `/c.yaml:1:1: unknown setting "check" (did you mean "checks"?)`},
		{"include_tests: true\n", `/c.yaml:1:1: unknown setting "include_tests" (did you mean "include-tests"?)`},
		{"nope: 1\n", `/c.yaml:1:1: unknown setting "nope" (the settings are checks, catalog, include-success, include-tests, retry-funcs, constants)`},
		{"include-tests: maybe\n", `/c.yaml:1:16: include-tests: want true or false, got "maybe"`},
		{"checks: [a, {b: c}]\n", "/c.yaml:1:13: checks: want a string or a list of strings"},
		{"checks: [a]\nchecks: [b]\n", "/c.yaml:2:1: checks set twice"},
		{"constants: [a]\n", "/c.yaml:1:12: constants: want a mapping from family names to import paths"},
		{"constants: {wechat: }\n", "/c.yaml:1:21: constants.wechat: want an import path"},
		{"- a\n", "/c.yaml:1:1: want a mapping of settings (checks, catalog, include-success, include-tests, retry-funcs, constants)"},
	} {
		_, err := Parse("/c.yaml", []byte(tc.src), testKeys)
		if err == nil || err.Error() != tc.want {
			t.Errorf("Parse(%q): %v\nwant %s", tc.src, err, tc.want)
		}
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("outside/"+Name, "checks: [magic-code]\n")
	write("outside/m/go.mod", "module m\n")
	write("outside/m/a/b/x.go", "package b\n")
	write("outside/m/c/"+Name, "checks: [string-code]\n")
	write("outside/m/c/d/x.go", "package d\n")
	write("nomod/"+Name, "")
	cases := []struct{ dir, want string }{
		{"outside/m/a/b", ""},                    // the module has none; the one above it is not its
		{"outside/m/c/d", "outside/m/c/" + Name}, // the nearest
		{"outside/m/c", "outside/m/c/" + Name},   // in the directory itself
		{"outside/m/a", ""},                      // a directory a Finder saw on the way up
		{"outside/m", ""},                        // the module root
		{"nomod", ""},                            // no module: none
	}
	finder := new(Finder) // asked in this order, it answers the later ones from what it saw
	for _, c := range cases {
		want := c.want
		if want != "" {
			want = filepath.Join(root, want)
		}
		got, err := Find(filepath.Join(root, c.dir))
		if err != nil || got != want {
			t.Errorf("Find(%s) = %q, %v; want %q", c.dir, got, err, want)
		}
		got, err = finder.Find(filepath.Join(root, c.dir))
		if err != nil || got != want {
			t.Errorf("Finder.Find(%s) = %q, %v; want %q", c.dir, got, err, want)
		}
	}
	write("outside/m/"+Name, "")
	if got, _ := Find(filepath.Join(root, "outside/m/a/b")); got != filepath.Join(root, "outside/m", Name) {
		t.Errorf("Find with a file at the module root: %q", got)
	}
}

// FuzzParse checks that Parse never panics and that each error is located
// in the file, with a line and a column.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"checks: [magic-code]\ncatalog: [a.yaml]\ninclude-tests: true\n",
		"constants:\n  wechat: example.com/w\n",
		"retry-funcs: x.F\n", "checks: [a\n", "&a [*a]", "{", "", "- - -", "checks: !!binary aGk=",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Parse("/c.yaml", data, testKeys)
		if err == nil {
			return
		}
		var e *Error
		if !asError(err, &e) || e.Pos.File != "/c.yaml" || e.Pos.Line < 1 || e.Pos.Col < 1 || strings.TrimSpace(e.Msg) == "" {
			t.Errorf("Parse(%q): unlocated error %v", data, err)
		}
	})
}

func asError(err error, target **Error) bool {
	e, ok := err.(*Error)
	*target = e
	return ok
}
