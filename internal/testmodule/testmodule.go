// Package testmodule writes throwaway Go modules for end-to-end tests: a
// module that requires errcodevet, replaced by the working tree, so that it
// builds offline (GOPROXY=off) as a user's module would.
package testmodule

import (
	"fmt"
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

// New writes a module named example.com/fixture into a new temporary
// directory and returns the directory. files maps slash-separated paths to
// contents; the module's go.mod requires errcodevet, replaced by the
// working tree.
func New(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	gomod := fmt.Sprintf("module example.com/fixture\n\ngo 1.26.0\n\nrequire %s v0.0.0\n\nreplace %s => %s\n",
		ModulePath, ModulePath, Root(t))
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Env returns the environment for go commands run in a module from New:
// offline and outside any workspace. The module needs no go.sum while it
// imports only errcodevet's std-only packages (wechat, miniprogram).
func Env() []string {
	return append(os.Environ(), "GOPROXY=off", "GOWORK=off")
}
