package main_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/internal/testmodule"
)

const cgoGo = `package app

// static int busy(void) { return -1; }
import "C"

type Response struct {
	ErrCode int ` + "`json:\"errcode\"`" + `
}

func Busy(resp *Response) bool {
	return C.busy() < 0 && resp.ErrCode == -1
}
`

// TestCgoDrivers proves that every driver of the command checks a file
// with import "C" and places its finding in that file, line and column,
// though it sees the file as cmd/cgo rewrote it; and that no fix edits it
// (its edits could only land in cmd/cgo's output).
func TestCgoDrivers(t *testing.T) {
	bin := binary(t)
	out, err := exec.Command("go", "env", "CGO_ENABLED", "CC").Output()
	if err != nil {
		t.Fatal(err)
	}
	if env := strings.Fields(string(out)); len(env) < 2 || env[0] != "1" {
		t.Skip("cgo is disabled (go env CGO_ENABLED is not 1): files with import \"C\" are not built")
	} else if _, err := exec.LookPath(env[1]); err != nil {
		t.Skipf("cgo needs the C compiler %s, which is not installed: %v", env[1], err)
	}
	dir := testmodule.New(t, map[string]string{"app/cgo.go": cgoGo})
	const finding = "app/cgo.go:11:41: errcode -1 compared as a magic number: system is busy (wechat.SystemBusy) (magic-code)"
	for _, args := range [][]string{
		{bin, "./..."},
		{bin, "-fix", "./..."},
		{"go", "vet", "-vettool=" + bin, "./..."},
		{"go", "fix", "-fixtool=" + bin, "./..."},
	} {
		r := run(t, dir, args[0], args[1:]...)
		got := r.stdout + r.stderr
		if args[1] == "fix" {
			if r.code != 0 {
				t.Errorf("go fix: exit code %d, want 0 (nothing to fix)\n%s", r.code, got)
			}
		} else if !strings.Contains(got, finding) {
			t.Errorf("%s: got\n%s\nwant %s", strings.Join(args, " "), got, finding)
		}
		if data, err := os.ReadFile(filepath.Join(dir, "app", "cgo.go")); err != nil || string(data) != cgoGo {
			t.Fatalf("%s changed the cgo file (err %v):\n%s", strings.Join(args, " "), err, data)
		}
	}

	// SARIF names the file the user wrote, relative to the root, as the
	// other drivers print it, not cmd/cgo's output in the build cache.
	r := run(t, dir, bin, "sarif", "./...")
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) != 1 {
		t.Fatalf("errcodevet sarif: exit %d, %v, want one result\n%s\n%s", r.code, err, r.stdout, r.stderr)
	}
	loc := log.Runs[0].Results[0].Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "app/cgo.go" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" ||
		loc.Region.StartLine != 11 || loc.Region.StartColumn != 41 || loc.Region.EndLine != 11 || loc.Region.EndColumn != 43 {
		t.Errorf("errcodevet sarif: the cgo file's finding is at %+v, want app/cgo.go (relative to %%SRCROOT%%) 11:41-11:43", loc)
	}
}
