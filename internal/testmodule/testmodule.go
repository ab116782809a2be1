// Package testmodule writes throwaway Go modules for end-to-end tests: a
// module that requires errcodevet and its constants modules, replaced by
// the working tree, so that it builds offline (GOPROXY=off) as a user's
// module would.
package testmodule

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ModulePath is the path of the errcodevet module.
const ModulePath = "github.com/errcodevet/errcodevet"

// Root returns the root directory of the errcodevet module containing the
// current directory.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.HasPrefix(string(data), "module "+ModulePath+"\n") {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no go.mod of %s above the current directory", ModulePath)
		}
		dir = parent
	}
}

// ConstantsModules are the module paths of the built-in constants
// packages, each a module of its own in the directory named by its last
// element.
var ConstantsModules = []string{ModulePath + "/wechat", ModulePath + "/miniprogram", ModulePath + "/wecom", ModulePath + "/wechatpay", ModulePath + "/alipay"}

// GoMod returns the go.mod of a module named path that requires
// errcodevet and its constants modules, each replaced by its directory
// under root, so that it builds offline.
func GoMod(path, root string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "module %s\n\ngo 1.26.0\n\nrequire (\n", path)
	for _, m := range append([]string{ModulePath}, ConstantsModules...) {
		fmt.Fprintf(&b, "\t%s v0.0.0\n", m)
	}
	b.WriteString(")\n\nreplace (\n")
	for _, m := range append([]string{ModulePath}, ConstantsModules...) {
		dir := filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(strings.TrimPrefix(m, ModulePath), "/")))
		fmt.Fprintf(&b, "\t%s => %s\n", m, dir)
	}
	b.WriteString(")\n")
	return b.String()
}

// New writes a module named example.com/fixture into a new temporary
// directory and returns the directory. files maps slash-separated paths to
// contents; the module's go.mod is GoMod's.
func New(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(GoMod("example.com/fixture", Root(t))), 0o644); err != nil {
		t.Fatal(err)
	}
	WriteFiles(t, dir, files)
	return dir
}

// WriteFiles writes files (slash-separated paths relative to dir, mapped to
// their contents) under dir, making directories as needed.
func WriteFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Env returns the environment for go commands run in a module from New:
// offline and outside any workspace. The module needs no go.sum while it
// imports only the constants packages, which require nothing.
func Env() []string {
	return append(os.Environ(), "GOPROXY=off", "GOWORK=off")
}

// ReadFile returns the text of a test's fixture file, such as
// testdata/related/pay.go, failing the test if it cannot be read.
func ReadFile(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// FixtureGOPATH copies the analyzer's fixtures (testdata/src) and the
// constants packages they import into a new GOPATH and returns it, with the
// import paths of the fixture packages (every directory holding Go files,
// the constants packages left out: they are real code, not fixtures).
func FixtureGOPATH(t testing.TB) (dir string, patterns []string) {
	t.Helper()
	root := Root(t)
	dir = t.TempDir()
	src := filepath.Join(dir, "src")
	if err := os.CopyFS(src, os.DirFS(filepath.Join(root, "testdata", "src"))); err != nil {
		t.Fatal(err)
	}
	for _, m := range ConstantsModules {
		dst := filepath.Join(src, filepath.FromSlash(m))
		if err := os.CopyFS(dst, os.DirFS(filepath.Join(root, filepath.Base(m)))); err != nil {
			t.Fatal(err)
		}
	}
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if strings.HasPrefix(rel, filepath.Join("github.com", "errcodevet")) {
			return filepath.SkipDir
		}
		if goFiles, _ := filepath.Glob(filepath.Join(path, "*.go")); len(goFiles) > 0 {
			patterns = append(patterns, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir, patterns
}
