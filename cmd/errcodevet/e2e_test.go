package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/errcodevet/errcodevet/cmd/errcodevet/internal/runcache"
	"github.com/errcodevet/errcodevet/internal/testmodule"
)

// The end-to-end tests build the errcodevet command and run it the ways
// users do: under go vet, under go fix, and standalone, on a module that
// requires errcodevet. They are skipped under -short.

var build struct {
	once sync.Once
	dir  string
	bin  string
	err  error
}

func TestMain(m *testing.M) {
	// Every run of the command, in this process or built, keeps its
	// results in a cache of this process's own.
	cache, err := os.MkdirTemp("", "errcodevet-cache")
	if err != nil {
		panic(err)
	}
	os.Setenv(runcache.Env, cache)
	code := m.Run()
	os.RemoveAll(cache)
	if build.dir != "" {
		os.RemoveAll(build.dir)
	}
	os.Exit(code)
}

// binary returns the path of the errcodevet command, built once.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the command and runs go vet and go fix")
	}
	build.once.Do(func() {
		build.dir, build.err = os.MkdirTemp("", "errcodevet-e2e")
		if build.err != nil {
			return
		}
		build.bin = filepath.Join(build.dir, "errcodevet")
		out, err := exec.Command("go", "build", "-o", build.bin, ".").CombinedOutput()
		if err != nil {
			build.err = errors.New("go build: " + err.Error() + "\n" + string(out))
		}
	})
	if build.err != nil {
		t.Fatal(build.err)
	}
	return build.bin
}

const appGo = `package app

type Response struct {
	ErrCode int ` + "`json:\"errcode\"`" + `
}

type Result struct {
	ResultCode string ` + "`json:\"resultCode\"`" + `
}

func TokenExpired(resp *Response) bool {
	return resp.ErrCode == 42001
}

func OK(resp *Response) bool {
	return resp.ErrCode == 0
}

func Illegal(res Result) bool {
	return res.ResultCode == "PARAM_ILLEGAL"
}
`

// The findings in appGo, as go vet and errcodevet print them from the
// module root: the check's ID ends each line.
const (
	magicLine   = `app/app.go:12:25: errcode 42001 compared as a magic number: access_token expired (wechat.AccessTokenExpired) (magic-code)`
	successLine = `app/app.go:16:25: errcode 0 compared as a magic number: request successful (wechat.Success) (magic-code)`
	stringLine  = `app/app.go:20:27: resultCode "PARAM_ILLEGAL" compared as a magic string: illegal parameters (miniprogram.ParamIllegal) (string-code)`
)

func fixture(t *testing.T) string {
	return testmodule.New(t, map[string]string{
		"app/app.go":     appGo,
		"clean/clean.go": "package clean\n\nfunc Add(a, b int) int { return a + b }\n",
	})
}

type result struct {
	code           int
	stdout, stderr string
}

// run runs name with args in dir, offline.
func run(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = testmodule.Env()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	if strings.Contains(r.stderr, "panic:") {
		t.Errorf("%s %s panicked:\n%s", name, strings.Join(args, " "), r.stderr)
	}
	return r
}

// lines returns the lines of s that start with a file position.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "app/") || strings.HasPrefix(l, "clean/") {
			out = append(out, l)
		}
	}
	return out
}

func TestGoVet(t *testing.T) {
	bin := binary(t)
	dir := fixture(t)
	for _, tc := range []struct {
		name  string
		flags []string
		want  []string
	}{
		{"default", nil, []string{magicLine, stringLine}},
		{"checks", []string{"-checks=string-code"}, []string{stringLine}},
		{"checks list", []string{"-checks=magic-code,string-code", "-include-success"}, []string{magicLine, successLine, stringLine}},
		{"include-success", []string{"-include-success=true"}, []string{magicLine, successLine, stringLine}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"vet", "-vettool=" + bin}, tc.flags...)
			r := run(t, dir, "go", append(args, "./...")...)
			if r.code != 1 {
				t.Errorf("go vet exit code %d, want 1\n%s", r.code, r.stderr)
			}
			if got, want := strings.Join(lines(r.stderr), "\n"), strings.Join(tc.want, "\n"); got != want {
				t.Errorf("go vet %s printed\n%s\nwant\n%s", strings.Join(tc.flags, " "), got, want)
			}
		})
	}
}

func TestGoVetClean(t *testing.T) {
	bin := binary(t)
	dir := fixture(t)
	r := run(t, dir, "go", "vet", "-vettool="+bin, "./clean")
	if r.code != 0 || r.stderr != "" {
		t.Errorf("go vet on a clean package: exit code %d, output %q; want 0 and none", r.code, r.stderr)
	}
}

func TestGoVetBadFlag(t *testing.T) {
	bin := binary(t)
	dir := fixture(t)
	r := run(t, dir, "go", "vet", "-vettool="+bin, "-checks=nope", "./...")
	const want = `errcodevet: invalid value "nope" for flag -checks: unknown check "nope" (known: magic-code`
	if r.code == 0 || !strings.Contains(r.stderr, want) || strings.Contains(r.stderr, "Usage") {
		t.Errorf("go vet -checks=nope: exit code %d, output\n%s\nwant non-zero and %q, without the usage", r.code, r.stderr, want)
	}
	// Once per package asked about, not once per dependency the go
	// command runs the tool on for facts (the standard library's too).
	web := testmodule.New(t, map[string]string{"web/web.go": "package web\n\nimport _ \"net/http\"\n"})
	r = run(t, web, "go", "vet", "-vettool="+bin, "-checks=nope", "./...")
	if r.code == 0 || strings.Count(r.stderr, "invalid value") != 1 || strings.Count(r.stderr, "\n") != 2 {
		t.Errorf("go vet -checks=nope on a package importing net/http: exit code %d, output\n%s\nwant non-zero and the error once, under the package's header", r.code, r.stderr)
	}

	r = run(t, dir, "go", "vet", "-vettool="+bin, "-catalog=extra.yaml", "./...")
	const hint = "go vet runs errcodevet in each package's directory"
	if r.code == 0 || !strings.Contains(r.stderr, `invalid value "extra.yaml" for flag -catalog`) || !strings.Contains(r.stderr, hint) {
		t.Errorf("go vet -catalog=extra.yaml: exit code %d, output\n%s\nwant non-zero and the hint %q", r.code, r.stderr, hint)
	}
}

type vetDiag struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
	Fixes    []struct {
		Message string `json:"message"`
	} `json:"suggested_fixes"`
}

func TestGoVetJSON(t *testing.T) {
	bin := binary(t)
	dir := fixture(t)
	r := run(t, dir, "go", "vet", "-vettool="+bin, "-json", "./...")
	if r.code != 0 {
		t.Fatalf("go vet -json: exit code %d, want 0\n%s", r.code, r.stderr)
	}
	// go vet prints one JSON object per package.
	var diags []vetDiag
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("go vet -json output: %v\n%s", err, r.stdout)
		}
		for pkg, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var ds []vetDiag
				if err := json.Unmarshal(raw, &ds); err != nil {
					t.Fatalf("%s: %s: %s", pkg, name, raw)
				}
				if pkg != "example.com/fixture/app" || name != "errcodevet" {
					t.Errorf("unexpected findings for %s by %s: %s", pkg, name, raw)
				}
				diags = append(diags, ds...)
			}
		}
	}
	want := []vetDiag{
		{Category: "magic-code", Posn: filepath.Join(dir, "app", "app.go") + ":12:25",
			Message: "errcode 42001 compared as a magic number: access_token expired (wechat.AccessTokenExpired) (magic-code)"},
		{Category: "string-code", Posn: filepath.Join(dir, "app", "app.go") + ":20:27",
			Message: `resultCode "PARAM_ILLEGAL" compared as a magic string: illegal parameters (miniprogram.ParamIllegal) (string-code)`},
	}
	if len(diags) != len(want) {
		t.Fatalf("go vet -json: %d findings, want %d\n%s", len(diags), len(want), r.stdout)
	}
	for i, d := range diags {
		w := want[i]
		if d.Category != w.Category || d.Posn != w.Posn || d.Message != w.Message {
			t.Errorf("finding %d: %s %s %q, want %s %s %q", i, d.Category, d.Posn, d.Message, w.Category, w.Posn, w.Message)
		}
		if len(d.Fixes) != 1 || !strings.HasPrefix(d.Fixes[0].Message, "Use ") {
			t.Errorf("finding %d: fixes %+v, want one", i, d.Fixes)
		}
	}
}

func TestGoFix(t *testing.T) {
	bin := binary(t)
	dir := fixture(t)
	file := filepath.Join(dir, "app", "app.go")

	r := run(t, dir, "go", "fix", "-fixtool="+bin, "-diff", "./...")
	// go fix -diff exits 1 when the diff is not empty.
	if r.code != 1 {
		t.Errorf("go fix -diff: exit code %d, want 1\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		"--- " + file + " (old)\n+++ " + file + " (new)\n",
		"+import \"github.com/errcodevet/errcodevet/wechat\"\n",
		"-\treturn resp.ErrCode == 42001\n+\treturn resp.ErrCode == wechat.AccessTokenExpired\n",
		"-\treturn res.ResultCode == \"PARAM_ILLEGAL\"\n+\treturn res.ResultCode == miniprogram.ParamIllegal\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("go fix -diff printed\n%s\nwant it to contain\n%s", r.stdout, want)
		}
	}
	if data, err := os.ReadFile(file); err != nil || string(data) != appGo {
		t.Fatalf("go fix -diff changed the file (err %v):\n%s", err, data)
	}

	r = run(t, dir, "go", "fix", "-fixtool="+bin, "./...")
	if r.code != 0 {
		t.Fatalf("go fix: exit code %d, want 0\n%s", r.code, r.stderr)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"github.com/errcodevet/errcodevet/wechat"`,
		`"github.com/errcodevet/errcodevet/miniprogram"`,
		"return resp.ErrCode == wechat.AccessTokenExpired\n",
		"return resp.ErrCode == 0\n", // success values are left alone by default
		"return res.ResultCode == miniprogram.ParamIllegal\n",
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("go fix wrote\n%s\nwant it to contain %s", data, want)
		}
	}
	if r := run(t, dir, "go", "build", "./..."); r.code != 0 {
		t.Fatalf("the fixed module does not build:\n%s", r.stderr)
	}
	if r := run(t, dir, "go", "vet", "-vettool="+bin, "./..."); r.code != 0 {
		t.Errorf("go vet after go fix: exit code %d, want 0\n%s", r.code, r.stderr)
	}
}

func TestStandalone(t *testing.T) {
	bin := binary(t)
	dir := fixture(t)

	r := run(t, dir, bin, "./...")
	if r.code != 3 {
		t.Errorf("errcodevet ./...: exit code %d, want 3 (findings)\n%s", r.code, r.stderr)
	}
	// Findings on standard output, errors on standard error, as
	// staticcheck and golangci-lint print them: errcodevet ./... | grep works.
	if want := magicLine + "\n" + stringLine + "\n"; r.stdout != want || r.stderr != "" {
		t.Errorf("errcodevet ./... printed on stdout\n%s\nstderr\n%s\nwant on stdout\n%s", r.stdout, r.stderr, want)
	}

	r = run(t, dir, bin, "./clean")
	if r.code != 0 || r.stderr != "" || r.stdout != "" {
		t.Errorf("errcodevet ./clean: exit code %d, output %q %q; want 0 and none", r.code, r.stdout, r.stderr)
	}

	r = run(t, dir, bin, "-checks=unknown-code", "./...")
	if r.code != 0 {
		t.Errorf("errcodevet -checks=unknown-code ./...: exit code %d, want 0\n%s", r.code, r.stderr)
	}

	r = run(t, dir, bin, "-checks=nope", "./...")
	const want = `errcodevet: invalid value "nope" for flag -checks: unknown check "nope" (known: magic-code`
	if r.code != 2 || !strings.HasPrefix(r.stderr, want) || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("errcodevet -checks=nope: exit code %d, output\n%s\nwant 2 and an error starting %q", r.code, r.stderr, want)
	}

	if err := os.WriteFile(filepath.Join(dir, "clean", "broken.go"), []byte("package clean\n\nvar x = nope\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, dir, bin, "./clean")
	if broken := "clean/broken.go:3:9: undefined: nope\n"; r.code != 1 || r.stderr != broken || r.stdout != "" {
		t.Errorf("errcodevet on a package that does not compile: exit code %d, stdout %q, stderr\n%s\nwant 1 and %q on stderr", r.code, r.stdout, r.stderr, broken)
	}
}

func TestSARIFSubcommand(t *testing.T) {
	bin := binary(t)
	dir := fixture(t)
	r := run(t, dir, bin, "sarif", "-test=false", "-checks=magic-code", "./...")
	if r.code != 0 {
		t.Fatalf("errcodevet sarif: exit code %d, want 0\n%s", r.code, r.stderr)
	}
	var log struct {
		Version string
		Runs    []struct {
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatalf("errcodevet sarif output: %v\n%s", err, r.stdout)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) != 1 {
		t.Fatalf("errcodevet sarif -checks=magic-code: want one run with one result\n%s", r.stdout)
	}
	res := log.Runs[0].Results[0]
	loc := res.Locations[0].PhysicalLocation
	if res.RuleID != "magic-code" || loc.ArtifactLocation.URI != "app/app.go" || loc.Region.StartLine != 12 || loc.Region.StartColumn != 25 {
		t.Errorf("errcodevet sarif: result %+v, want magic-code at app/app.go:12:25", res)
	}
}
