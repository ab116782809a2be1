package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestUpToDate fails when a checked-in generated file differs from what
// "go generate ./catalog" writes: edit the sources, not the output.
func TestUpToDate(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	files, err := generate(root)
	if err != nil {
		t.Fatal(err)
	}
	if want := 4 * len(families); len(files) != want {
		t.Errorf("generated %d files, want %d (each family's catalog as YAML and as Go data, its constants package and its go.mod)", len(files), want)
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Errorf("%s: %v (run go generate ./catalog)", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate ./catalog", name)
		}
	}
}
