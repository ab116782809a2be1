package fix

import (
	"os"
	"path/filepath"
	"testing"

	"go/types"
)

// TestImportable proves which packages a fix may import: those the build
// of the package's module provides, and no other.
func TestImportable(t *testing.T) {
	t.Setenv("GOWORK", "")
	t.Setenv("GOMODCACHE", filepath.Join(t.TempDir(), "modcache"))
	root := t.TempDir()
	write := func(files map[string]string) {
		for name, content := range files {
			path := filepath.Join(root, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	write(map[string]string{
		"m/go.mod": "module example.com/m\n\ngo 1.22\n\nrequire (\n\texample.com/consts v1.0.0\n\texample.com/big v1.0.0\n\texample.com/cached v1.2.0\n)\n\n" +
			"replace example.com/big => ../big\n",
		"m/app/app.go":               "package app\n",
		"m/internal/codes/codes.go":  "package codes\n",
		"m/internal/tests/x_test.go": "package tests\n",
		"m/nested/go.mod":            "module example.com/m/nested\n",
		"m/nested/codes/codes.go":    "package codes\n",
		"big/go.mod":                 "module example.com/big\n",
		"big/codes/codes.go":         "package codes\n",
		"big/sub/go.mod":             "module example.com/big/sub\n",
		"big/sub/codes/codes.go":     "package codes\n",
		"modcache/example.com/cached@v1.2.0/codes/codes.go": "package codes\n",

		"v/go.mod":                              "module example.com/v\n\ngo 1.22\n\nrequire example.com/consts v1.0.0\n",
		"v/app/app.go":                          "package app\n",
		"v/vendor/modules.txt":                  "# example.com/consts v1.0.0\n## explicit\nexample.com/consts/held\n",
		"v/vendor/example.com/consts/held/c.go": "package held\n",

		"w/go.work":          "go 1.22\n\nuse (\n\t./app\n\t./other\n)\n",
		"w/app/go.mod":       "module example.com/app\n\ngo 1.22\n",
		"w/app/app.go":       "package app\n",
		"w/other/go.mod":     "module example.com/other\n\ngo 1.22\n",
		"w/other/codes/c.go": "package codes\n",

		"gopath/src/example.com/g/app/app.go": "package app\n",
		"gopath/src/example.com/codes/c.go":   "package codes\n",
	})
	os.Rename(filepath.Join(root, "modcache"), os.Getenv("GOMODCACHE"))

	dep := types.NewPackage("example.com/dep", "dep")
	withDep := types.NewPackage("example.com/m/app", "app")
	withDep.SetImports([]*types.Package{dep})

	for _, tc := range []struct {
		pkg, dir, importPath string
		want                 bool
	}{
		{"example.com/m/app", "m/app", "example.com/consts", true},              // required
		{"example.com/m/app", "m/app", "example.com/consts/sub", false},         // required, but its files are nowhere to tell
		{"example.com/m/app", "m/app", "example.com/unknown", false},            // not required
		{"example.com/m/app", "m/app", "example.com/m/internal/codes", true},    // the module's own
		{"example.com/m/app", "m/app", "example.com/m/internal/missing", false}, // not written yet
		{"example.com/m/app", "m/app", "example.com/m/internal/tests", false},   // tests only
		{"example.com/m/app", "m/app", "example.com/m/nested/codes", false},     // another module's
		{"example.com/m/app", "m/app", "example.com/big/codes", true},           // in the replacement
		{"example.com/m/app", "m/app", "example.com/big/sub/codes", false},      // in a module nested in it
		{"example.com/m/app", "m/app", "example.com/cached/codes", true},        // in the module cache
		{"example.com/m/app", "m/app", "example.com/cached/none", false},
		{"example.com/v/app", "v/app", "example.com/consts/held", true}, // vendored
		{"example.com/v/app", "v/app", "example.com/consts", false},     // required, not vendored
		{"example.com/app", "w/app", "example.com/other/codes", true},   // in the workspace
		{"example.com/app", "w/app", "example.com/other/none", false},
		{"example.com/g/app", "gopath/src/example.com/g/app", "example.com/codes", true}, // GOPATH
		{"example.com/g/app", "gopath/src/example.com/g/app", "example.com/none", false},
		{"example.com/g/app_test", "gopath/src/example.com/g/app", "example.com/codes", true}, // an external test package
	} {
		got := importable(types.NewPackage(tc.pkg, "app"), filepath.Join(root, filepath.FromSlash(tc.dir)), tc.importPath)
		if got != tc.want {
			t.Errorf("%s in %s importing %s: %v, want %v", tc.pkg, tc.dir, tc.importPath, got, tc.want)
		}
	}
	if !importable(withDep, filepath.Join(root, "m", "app"), "example.com/dep") {
		t.Error("a package the package depends on is not importable")
	}
	if importable(types.NewPackage("example.com/m/app", "app"), "relative/dir", "example.com/m/internal/codes") {
		t.Error("importable from a directory that is not absolute")
	}
}
