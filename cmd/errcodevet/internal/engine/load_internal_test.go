package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestHasHugeFile checks which patterns choose the load that does not
// compile the patterns' packages: a directory pattern holding a file of
// hugeFileLines lines, recursively for /...; not a directory go list skips,
// not a test file unless tests are loaded, not an import path.
func TestHasHugeFile(t *testing.T) {
	defer SetHugeFileLines(100)()
	dir := t.TempDir()
	huge := "package p\n" + strings.Repeat("var _ = 1\n", 100)
	small := "package p\n"
	for name, content := range map[string]string{
		"small/a.go":          small,
		"gen/pb/big.go":       huge,
		"gen/pb/small.go":     small,
		"tests/a.go":          small,
		"tests/big_test.go":   huge,
		"other/testdata/x.go": huge,
		"other/vendor/v/x.go": huge,
		"other/_skip/x.go":    huge,
		"other/.hidden/x.go":  huge,
		"other/a.go":          small,
	} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		patterns []string
		tests    bool
		want     bool
	}{
		{[]string{"./small"}, false, false},
		{[]string{"./gen/pb"}, false, true},
		{[]string{"./gen"}, false, false}, // not recursive
		{[]string{"./gen/..."}, false, true},
		{[]string{"./..."}, false, true},
		{[]string{"./small", filepath.Join(dir, "gen", "pb")}, false, true},
		{[]string{"./tests"}, false, false},
		{[]string{"./tests"}, true, true},
		{[]string{"./other/..."}, false, false},
		{[]string{"example.com/gen/pb", "std"}, false, false},
	} {
		cfg := &packages.Config{Dir: dir, Tests: tc.tests}
		if got := hasHugeFile(cfg, tc.patterns); got != tc.want {
			t.Errorf("hasHugeFile(%q, tests %v) = %v, want %v", tc.patterns, tc.tests, got, tc.want)
		}
	}
}
