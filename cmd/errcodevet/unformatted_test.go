package main

import (
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/errcodevet/errcodevet/internal/testmodule"
)

// TestFixUnformatted proves that -fix, in a file that is not gofmt-clean,
// changes only the fixed expressions and the import block: the file is not
// formatted, so unaligned fields, map values and constants, spacing and
// comments stay as they were (testdata/unformatted/api.go.golden). The two
// imports the fixes add join one group. The fixed module builds.
func TestFixUnformatted(t *testing.T) {
	src := testmodule.ReadFile(t, "testdata/unformatted/api.go.input")
	want := testmodule.ReadFile(t, "testdata/unformatted/api.go.golden")
	if formatted, err := format.Source([]byte(src)); err != nil || string(formatted) == src {
		t.Fatalf("testdata/unformatted/api.go.input is gofmt-clean (err %v): the test proves nothing", err)
	}
	dir := testmodule.New(t, map[string]string{"api/api.go": src})
	code, stdout, stderr := runIn(t, dir, "-fix", "./...")
	if code != exitOK || stdout != "" || stderr != "" {
		t.Errorf("-fix: exit %d, stdout %q, stderr %q; want 0 and no output", code, stdout, stderr)
	}
	got, err := os.ReadFile(filepath.Join(dir, "api", "api.go"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("-fix wrote\n%s\nwant (testdata/unformatted/api.go.golden)\n%s", got, want)
	}
	build := exec.Command("go", "build", "./...")
	build.Dir, build.Env = dir, testmodule.Env()
	if out, err := build.CombinedOutput(); err != nil {
		t.Errorf("go build: %v\n%s", err, out)
	}
}
