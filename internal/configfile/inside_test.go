package configfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A configuration file names files inside its repository (or module)
// only, symbolic links resolved: linters run on pull requests from
// strangers, whose .errcodevet.yaml must not have the tool read, and quote
// in its errors, a file elsewhere on the machine.
func TestLoadInside(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.txt")
	if err := os.WriteFile(secret, []byte("root:hash\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	repo := t.TempDir()
	module := filepath.Join(repo, "svc")
	for _, dir := range []string{filepath.Join(repo, ".git"), filepath.Join(repo, "shared"), module} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, content := range map[string]string{"svc/go.mod": "module m\n", "shared/codes.yaml": "family: acme\n", "svc/codes.yaml": "family: acme\n"} {
		if err := os.WriteFile(filepath.Join(repo, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(secret, filepath.Join(module, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(module, "linkdir")); err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(module, secret)
	if err != nil {
		t.Fatal(err)
	}
	keys := []Key{{Name: "catalog", Kind: Paths}}
	for _, tc := range []struct {
		catalog string
		bad     bool
	}{
		{"codes.yaml", false},
		{"../shared/codes.yaml", false}, // in the repository, outside the module
		{filepath.Join(repo, "shared", "codes.yaml"), false},
		{"missing.yaml", false}, // not there: the analysis says so
		{rel, true},
		{secret, true},
		{"link.yaml", true},
		{"linkdir/secret.txt", true},
		{"linkdir/missing.yaml", true},
	} {
		config := filepath.Join(module, Name)
		if err := os.WriteFile(config, []byte("catalog: ["+tc.catalog+"]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(config, keys)
		switch {
		case tc.bad && (err == nil || !strings.HasPrefix(err.Error(), config+":1:11: ") || !strings.Contains(err.Error(), " is outside ")):
			t.Errorf("catalog: [%s]: error %v, want it located at the item, saying it is outside", tc.catalog, err)
		case tc.bad && strings.Contains(err.Error(), "root:hash"):
			t.Errorf("catalog: [%s]: the error quotes the file: %v", tc.catalog, err)
		case !tc.bad && err != nil:
			t.Errorf("catalog: [%s]: %v", tc.catalog, err)
		}
	}
}

// An empty list is an error where the key says so (checks: [] would
// otherwise silently mean every check), unsaid elsewhere.
func TestParseEmptyList(t *testing.T) {
	keys := []Key{{Name: "checks", Kind: Strings, Empty: "name the checks to run, or all"}, {Name: "retry-funcs", Kind: Strings}}
	if _, err := Parse("/m/"+Name, []byte("checks: []\n"), keys); err == nil || err.Error() != "/m/.errcodevet.yaml:1:9: checks: an empty list: name the checks to run, or all" {
		t.Errorf("checks: []: %v", err)
	}
	f, err := Parse("/m/"+Name, []byte("retry-funcs: []\n"), keys)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := f.Value("retry-funcs"); ok {
		t.Errorf("retry-funcs: [] is set")
	}
}
