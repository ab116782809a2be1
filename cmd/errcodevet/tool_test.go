package main

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// buildTool builds the errcodevet command into the test's temporary
// directory and returns its path, for this package's tests that run the
// binary (the external tests share one build, binary); the short mode
// skips them.
func buildTool(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	tool := filepath.Join(t.TempDir(), "errcodevet")
	if out, err := exec.Command("go", "build", "-o", tool, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return tool
}
