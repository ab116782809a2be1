package golangci_test

import (
	"os"
	"testing"
)

// TestMain gives the tests a golangci-lint cache directory of their own:
// the plugin keeps facts there.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "golangci-cache")
	if err != nil {
		panic(err)
	}
	os.Setenv("GOLANGCI_LINT_CACHE", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
