package main

import (
	"errors"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestConstantsPackagesImportOnlyStd guards what the constants packages
// promise their users: importing one adds no module to their build.
func TestConstantsPackagesImportOnlyStd(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to list dependencies with: %v", err)
	}
	var pkgs []string
	for _, name := range families {
		pkgs = append(pkgs, modulePath+"/"+name)
	}
	cmd := exec.Command(goCmd, append([]string{"list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}"}, pkgs...)...)
	cmd.Dir = filepath.Join("..", "..")
	out, err := cmd.Output()
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		t.Fatalf("go list: %v\n%s", err, ee.Stderr)
	} else if err != nil {
		t.Fatal(err)
	}
	listed := strings.Fields(string(out))
	for _, dep := range listed {
		if !slices.Contains(pkgs, dep) {
			t.Errorf("the constants packages depend on %s, which is not in the standard library", dep)
		}
	}
	// The packages themselves are not standard: if they are missing, the
	// command listed something else.
	for _, pkg := range pkgs {
		if !slices.Contains(listed, pkg) {
			t.Errorf("go list -deps did not list %s itself; it printed:\n%s", pkg, out)
		}
	}
}
