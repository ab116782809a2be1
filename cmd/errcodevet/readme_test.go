package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the README's example output")

// readmeOutput marks the README's example output: the text block after it.
const readmeOutput = "Its output (paths relative to the"

// TestREADMEExample runs the README's command on the bundled example
// and checks that the README shows exactly its output. With -update, it
// rewrites the README's block instead.
func TestREADMEExample(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	readme := filepath.Join(root, "README.md")
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	at := strings.Index(text, readmeOutput)
	if at < 0 {
		t.Fatalf("README.md has no %q", readmeOutput)
	}
	open := strings.Index(text[at:], "```text\n")
	if open < 0 {
		t.Fatal("README.md: no text block after the example command")
	}
	start := at + open + len("```text\n")
	end := strings.Index(text[start:], "```")
	if end < 0 {
		t.Fatal("README.md: the example's block does not end")
	}
	end += start

	code, stdout, stderr := runIn(t, filepath.Join(root, "example"), "./...")
	if code != exitFindings || stderr != "" {
		t.Fatalf("(cd example && errcodevet ./...): exit %d, stderr %q, stdout\n%s", code, stderr, stdout)
	}
	want := stdout
	if *update {
		if err := os.WriteFile(readme, []byte(text[:start]+want+text[end:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got := text[start:end]; got != want {
		t.Errorf("README.md shows\n%s\nerrcodevet prints\n%s\n(go test ./cmd/errcodevet -run TestREADMEExample -update rewrites it)", got, want)
	}
}
