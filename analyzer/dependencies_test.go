package analyzer

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestVerdictKey checks what a kept verdict of the dependency rule is keyed
// by: a file in the module cache by its name alone (the go command writes
// it once), any other file by its name, size and modification time too.
func TestVerdictKey(t *testing.T) {
	modcache := t.TempDir()
	t.Setenv("GOMODCACHE", modcache)
	quoted := [][]byte{[]byte(`"errcode`)}
	for _, c := range []struct {
		dir      string
		byStamps bool
	}{
		{filepath.Join(modcache, "example.com", "sdk@v1.0.0"), false},
		{t.TempDir(), true}, // a workspace module, a local replace, GOROOT
	} {
		if err := os.MkdirAll(c.dir, 0o755); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(c.dir, "sdk.go")
		if err := os.WriteFile(file, []byte("package sdk\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		before := verdictKey(quoted, c.dir, []string{file})
		later := time.Now().Add(time.Hour)
		if err := os.Chtimes(file, later, later); err != nil {
			t.Fatal(err)
		}
		after := verdictKey(quoted, c.dir, []string{file})
		if before == "" || after == "" || (before != after) != c.byStamps {
			t.Errorf("%s: key before and after a new modification time: %q, %q; want them different: %v", c.dir, before, after, c.byStamps)
		}
		if other := verdictKey([][]byte{[]byte(`"resultCode`)}, c.dir, []string{file}); other == after {
			t.Errorf("%s: the same key for other keys looked for", c.dir)
		}
		if err := os.Remove(file); err != nil {
			t.Fatal(err)
		}
		if got := verdictKey(quoted, c.dir, []string{file}); (got == "") != c.byStamps {
			t.Errorf("%s: key of a removed file: %q", c.dir, got)
		}
	}
}
