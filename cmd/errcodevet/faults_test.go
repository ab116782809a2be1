package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/errcodevet/errcodevet/internal/testmodule"
)

// TestFaults runs the errcodevet binary, built once, over temporary modules
// that provoke the faults a linter meets on real code: type errors, cgo,
// generated files, a huge file and fixes that overlap (TestFixWrites has
// the files -fix may not write). Each must end with a clear message and an exit code that says
// what happened, never a panic, and never a corrupted or half-written file.
func TestFaults(t *testing.T) {
	tool := buildTool(t)
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	f := &faults{tool: tool, root: root}
	t.Run("TypeErrors", f.typeErrors)
	t.Run("Cgo", f.cgo)
	t.Run("Generated", f.generated)
	t.Run("HugeFile", f.hugeFile)
	t.Run("OverlappingFixes", f.overlapping)
}

type faults struct {
	tool string // the built binary
	root string // the errcodevet module, which fixed code imports
}

// module writes a module that can import errcodevet's constants packages,
// as fixed code does.
func (f *faults) module(t *testing.T, files map[string]string) string {
	t.Helper()
	files["go.mod"] = strings.Replace(testmodule.GoMod("example.com/m", f.root), "go 1.26.0", "go 1.22", 1)
	sum, err := os.ReadFile(filepath.Join(f.root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	files["go.sum"] = string(sum)
	return writeFiles(t, files)
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type result struct {
	code           int
	stdout, stderr string
}

// run runs a command in dir, offline.
func run(t *testing.T, dir string, attr *syscall.SysProcAttr, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")
	cmd.Env = append(cmd.Env, env...)
	cmd.SysProcAttr = attr
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		t.Fatalf("%s: %v", name, err)
	}
	r := result{cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()}
	if strings.Contains(r.stderr, "panic:") || strings.Contains(r.stderr, "goroutine ") {
		t.Fatalf("%s %s panicked:\n%s", name, strings.Join(args, " "), r.stderr)
	}
	return r
}

func (f *faults) errcodevet(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return run(t, dir, nil, nil, f.tool, args...)
}

// diagnostics runs errcodevet -json and returns "file:line:col category" of
// each diagnostic, and the fixes' edits by file.
func (f *faults) diagnostics(t *testing.T, dir string, args ...string) (diags []string, edits map[string]int) {
	t.Helper()
	r := f.errcodevet(t, dir, append([]string{"-json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("errcodevet -json: exit %d\n%s", r.code, r.stderr)
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("errcodevet -json: %v\n%s", err, r.stdout)
	}
	edits = make(map[string]int)
	for pkg, byAnalyzer := range tree {
		for _, raw := range byAnalyzer {
			var list []struct {
				Category, Posn string
				SuggestedFixes []struct {
					Edits []struct{ Filename string } `json:"edits"`
				} `json:"suggested_fixes"`
			}
			if err := json.Unmarshal(raw, &list); err != nil {
				t.Fatalf("%s: %s", pkg, raw)
			}
			for _, d := range list {
				rel, _ := filepath.Rel(dir, d.Posn)
				diags = append(diags, rel+" "+d.Category)
				for _, fix := range d.SuggestedFixes {
					for _, e := range fix.Edits {
						rel, _ := filepath.Rel(dir, e.Filename)
						edits[rel]++
					}
				}
			}
		}
	}
	return diags, edits
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// parses checks that a file is whole Go source.
func parses(t *testing.T, path string) {
	t.Helper()
	if _, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments); err != nil {
		t.Errorf("%s is no longer valid Go: %v", path, err)
	}
}

const carriers = `
type Response struct {
	ErrCode int ` + "`json:\"errcode\"`" + `
}
`

// A package with type errors: the standalone driver names the error with
// its position and exits 1; go vet too; -fix changes nothing.
func (f *faults) typeErrors(t *testing.T) {
	bad := "package p\n" + carriers + `
func expired(r *Response) bool {
	return r.ErrCode == 42001 && undefinedName
}
`
	dir := f.module(t, map[string]string{"p/p.go": bad})
	r := f.errcodevet(t, dir, "./...")
	if r.code != 1 || !strings.Contains(r.stderr, "p.go:8:") || !strings.Contains(r.stderr, "undefined: undefinedName") {
		t.Errorf("standalone: exit %d, stderr:\n%s\nwant exit 1 and the located type error", r.code, r.stderr)
	}
	r = run(t, dir, nil, nil, "go", "vet", "-vettool="+f.tool, "./...")
	if r.code != 1 || !strings.Contains(r.stderr, "p.go:8:") || !strings.Contains(r.stderr, "undefined: undefinedName") {
		t.Errorf("go vet: exit %d, stderr:\n%s\nwant exit 1 and the located type error", r.code, r.stderr)
	}
	r = f.errcodevet(t, dir, "-fix", "./...")
	if r.code != 1 {
		t.Errorf("-fix: exit %d, want 1", r.code)
	}
	if got := read(t, filepath.Join(dir, "p/p.go")); got != bad {
		t.Errorf("-fix changed a package with type errors:\n%s", got)
	}
}

// A cgo package: the files the analyzer sees are cmd/cgo's output, which
// is generated code, so findings in the cgo file itself are skipped (a
// known gap), while the package's other files are checked at their true
// positions; -fix never touches the cgo file, and the package still builds.
func (f *faults) cgo(t *testing.T) {
	if out, err := exec.Command("go", "env", "CGO_ENABLED").Output(); err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is not enabled")
	}
	cgoFile := `package c

/*
static int answer(void) { return 42; }
*/
import "C"
` + carriers + `
// Answer calls C.
func Answer() int { return int(C.answer()) }

func Expired(r *Response) bool {
	return r.ErrCode == 42001
}
`
	plain := "package c\n\nfunc Busy(r *Response) bool {\n\treturn r.ErrCode == -1\n}\n"
	dir := f.module(t, map[string]string{"c/c.go": cgoFile, "c/plain.go": plain})
	// The cgo file is checked, its finding placed in it, with no fix.
	diags, edits := f.diagnostics(t, dir, "./...")
	slices.Sort(diags)
	if strings.Join(diags, ";") != "c/c.go:16:22 magic-code;c/plain.go:4:22 magic-code" || edits["c/c.go"] != 0 {
		t.Errorf("diagnostics %q, edits %v; want c/c.go:16:22 and c/plain.go:4:22, and no edit of c/c.go", diags, edits)
	}
	if r := f.errcodevet(t, dir, "-fix", "./..."); r.code != 3 || !strings.HasPrefix(r.stdout, "c/c.go:16:22: errcode 42001 compared as a magic number") {
		t.Errorf("-fix: exit %d\n%s\nwant 3 and the cgo file's finding, unfixed", r.code, r.stdout)
	}
	if got := read(t, filepath.Join(dir, "c/c.go")); got != cgoFile {
		t.Errorf("-fix changed the cgo file:\n%s", got)
	}
	if !strings.Contains(read(t, filepath.Join(dir, "c/plain.go")), "wechat.SystemBusy") {
		t.Errorf("-fix did not fix c/plain.go")
	}
	if r := run(t, dir, nil, nil, "go", "build", "./..."); r.code != 0 {
		t.Errorf("the fixed package does not build:\n%s", r.stderr)
	}
}

// Generated files: no findings, no edits, under both drivers.
func (f *faults) generated(t *testing.T) {
	gen := "// Code generated by hand for this test. DO NOT EDIT.\n\npackage g\n" + carriers + `
func expired(r *Response) bool {
	return r.ErrCode == 42001
}
`
	dir := f.module(t, map[string]string{"g/g.go": gen})
	if diags, _ := f.diagnostics(t, dir, "./..."); len(diags) != 0 {
		t.Errorf("findings in a generated file: %q", diags)
	}
	if r := run(t, dir, nil, nil, "go", "vet", "-vettool="+f.tool, "./..."); r.code != 0 {
		t.Errorf("go vet: exit %d\n%s", r.code, r.stderr)
	}
	if r := f.errcodevet(t, dir, "-fix", "./..."); r.code != 0 {
		t.Errorf("-fix: exit %d\n%s", r.code, r.stderr)
	}
	if got := read(t, filepath.Join(dir, "g/g.go")); got != gen {
		t.Errorf("-fix changed a generated file:\n%s", got)
	}
}

// A 60,000-line file completes, with every finding (the analyzer package's
// BenchmarkHugeFile shows the cost per line stays flat).
func (f *faults) hugeFile(t *testing.T) {
	const n = 5000
	var b strings.Builder
	b.WriteString("package h\n" + carriers)
	for i := range n {
		fmt.Fprintf(&b, `
func f%d(r *Response) bool {
	code := r.ErrCode
	//errcodevet:ignore magic-code known in this file
	if code == 42001 {
		return true
	}
	if r.ErrCode == 40001 || code == -1 {
		return false
	}
	return r.ErrCode == 0
}
`, i)
	}
	dir := f.module(t, map[string]string{"h/h.go": b.String()})
	diags, edits := f.diagnostics(t, dir, "-test=false", "./...")
	if len(diags) != 2*n || edits["h/h.go"] != 4*n { // each fix: the literal and the import
		t.Errorf("%d findings with %d edits, want %d with %d", len(diags), edits["h/h.go"], 2*n, 4*n)
	}
}

// Competing fixes. With -test, the standalone driver analyzes a package
// and its test variant, whose fixes for the same literal differ when a
// test file declares, at package level, the name the fix would import the
// constants package under. The driver reports the finding once and applies
// the test variant's fix, made knowing every file: the package and its
// tests build.
func (f *faults) overlapping(t *testing.T) {
	src := "package o\n" + carriers + `
func expired(r *Response) bool {
	return r.ErrCode == 42001
}
`
	test := `package o

import "testing"

var wechat = "test account"

func TestExpired(t *testing.T) {
	if !expired(&Response{ErrCode: 42001}) {
		t.Fatal(wechat)
	}
}
`
	dir := f.module(t, map[string]string{"o/o.go": src, "o/o_test.go": test})
	r := f.errcodevet(t, dir, "-test", "-fix", "./...")
	if r.code != 0 || r.stderr != "" {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 0 and nothing", r.code, r.stderr)
	}
	parses(t, filepath.Join(dir, "o/o.go"))
	if got := read(t, filepath.Join(dir, "o/o_test.go")); got != test {
		t.Errorf("the test file changed:\n%s", got)
	}
	if r := run(t, dir, nil, nil, "go", "vet", "./..."); r.code != 0 {
		t.Errorf("the fixed package and its tests do not build:\n%s", r.stderr)
	}
	if r := f.errcodevet(t, dir, "-test=false", "./..."); r.code != 0 {
		t.Errorf("findings left in the package after -fix: exit %d\n%s", r.code, r.stderr)
	}
}
