package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/internal/testmodule"
)

const acmeCatalog = `family: acme
package: example.com/acme/codes
codes:
  kind: int
  carriers: {json: [code]}
  success: [0]
  documented:
    - {value: 0, name: OK, message: Success.}
    - {value: 1001, name: Busy, message: Service busy. Try again later., retry: retry}
`

const acmeGo = `package app

type AcmeResponse struct {
	Code int ` + "`json:\"code\"`" + `
}

func Busy(r AcmeResponse) bool { return r.Code == 1001 }
`

// The configuration file at the module root holds a catalog path relative
// to itself: standalone from a subdirectory and go vet (which runs the tool
// in each package's directory) both find it; flags override it; a broken
// file is a located error.
func TestConfigFile(t *testing.T) {
	bin := binary(t)
	dir := testmodule.New(t, map[string]string{
		"app/app.go":         appGo,
		"app/acme.go":        acmeGo,
		"errcodes/acme.yaml": acmeCatalog,
		".errcodevet.yaml":   "checks: [magic-code]\ncatalog: [errcodes/acme.yaml]\ninclude-success: true\n",
	})
	acmeLine := "acme.go:7:51: code 1001 compared as a magic number: service busy (codes.Busy) (magic-code)"
	appDir := filepath.Join(dir, "app")

	r := run(t, appDir, bin, ".")
	want := []string{
		"acme.go:7:51: code 1001 compared as a magic number: service busy (codes.Busy) (magic-code)",
		strings.TrimPrefix(magicLine, "app/"),
		strings.TrimPrefix(successLine, "app/"),
	}
	if r.code != 3 || r.stdout != strings.Join(want, "\n")+"\n" {
		t.Errorf("standalone in app/: exit %d, stdout\n%s\nwant 3 and\n%s", r.code, r.stdout, strings.Join(want, "\n"))
	}

	r = run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if r.code != 1 || !strings.Contains(r.stderr, "app/"+acmeLine) || !strings.Contains(r.stderr, successLine) || strings.Contains(r.stderr, "string-code") {
		t.Errorf("go vet: exit %d, stderr\n%s\nwant 1 and the acme, magic and success findings only", r.code, r.stderr)
	}

	// Flags override the file.
	r = run(t, dir, bin, "-checks=string-code", "-include-success=false", "./...")
	if r.code != 3 || r.stdout != stringLine+"\n" {
		t.Errorf("-checks=string-code: exit %d, stdout\n%s\nwant 3 and\n%s", r.code, r.stdout, stringLine)
	}
	r = run(t, dir, bin, "-config=none", "./...")
	if r.code != 3 || strings.Contains(r.stdout, "acme.go") || !strings.Contains(r.stdout, stringLine) {
		t.Errorf("-config=none: exit %d, stdout\n%s", r.code, r.stdout)
	}

	// A broken file: located, once, exit 1; go vet says the same.
	if err := os.WriteFile(filepath.Join(dir, ".errcodevet.yaml"), []byte("checks: [magic-code\ncatalog: [errcodes/acme.yaml]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	located := filepath.Join(dir, ".errcodevet.yaml") + ":2:8: YAML syntax: did not find expected ',' or ']'"
	r = run(t, dir, bin, "./...")
	if r.code != 1 || r.stderr != "errcodevet: "+located+"\n" {
		t.Errorf("broken file: exit %d, stderr\n%s\nwant 1 and\nerrcodevet: %s", r.code, r.stderr, located)
	}
	// Every go vet run fails, not only the first: the go command caches
	// a package's facts before it reads an error in the tool's output.
	for _, when := range []string{"first run", "second run"} {
		r = run(t, dir, "go", "vet", "-vettool="+bin, "./...")
		if r.code == 0 || !strings.Contains(r.stderr, located) {
			t.Errorf("go vet, broken file, %s: exit %d, stderr\n%s\nwant non-zero and %s", when, r.code, r.stderr, located)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, ".errcodevet.yaml"), []byte("checks: [magic-cod]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, dir, bin, "./...")
	if want := filepath.Join(dir, ".errcodevet.yaml") + `:1:10: unknown check "magic-cod"`; r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("unknown check: exit %d, stderr\n%s\nwant 1 and %s", r.code, r.stderr, want)
	}

	// A file in a package's directory, which go vet finds only when it
	// runs the tool on that package: every run fails too; a flag that
	// overrides the wrong setting makes it right, as standalone.
	if err := os.Remove(filepath.Join(dir, ".errcodevet.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(appDir, ".errcodevet.yaml"), []byte("checks: [magic-cod]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, when := range []string{"first run", "second run"} {
		r = run(t, dir, "go", "vet", "-vettool="+bin, "./...")
		if want := `.errcodevet.yaml:1:10: unknown check "magic-cod"`; r.code == 0 || !strings.Contains(r.stderr, want) {
			t.Errorf("go vet, app/.errcodevet.yaml in error, %s: exit %d, stderr\n%s\nwant non-zero and %s", when, r.code, r.stderr, want)
		}
	}
	r = run(t, dir, "go", "vet", "-vettool="+bin, "-checks=magic-code", "./...")
	if r.code != 1 || !strings.Contains(r.stderr, magicLine) || strings.Contains(r.stderr, "magic-cod\"") {
		t.Errorf("go vet -checks=magic-code, app/.errcodevet.yaml's checks in error: exit %d, stderr\n%s\nwant 1 and the finding", r.code, r.stderr)
	}
	if err := os.Remove(filepath.Join(appDir, ".errcodevet.yaml")); err != nil {
		t.Fatal(err)
	}

	// include-tests in the file makes the driver load the tests.
	if err := os.WriteFile(filepath.Join(dir, ".errcodevet.yaml"), []byte("include-tests: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	test := "package app\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) {\n\tif (&Response{}).ErrCode == 40001 {\n\t\tt.Fatal()\n\t}\n}\n"
	if err := os.WriteFile(filepath.Join(appDir, "app_test.go"), []byte(test), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, dir, bin, "./...")
	if !strings.Contains(r.stdout, "app/app_test.go:6:30: errcode 40001") {
		t.Errorf("include-tests: true: stdout\n%s\nwant the finding in app_test.go", r.stdout)
	}
}
