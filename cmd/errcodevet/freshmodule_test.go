package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// freshModuleCode covers the checks with fixes (magic-code, string-code,
// unknown-code, a slip duplicating a switch case, a loosely decoded map)
// and a retry finding, which has none.
const freshModuleCode = `package api

import "errors"

type Response struct {
	ErrCode int    ` + "`json:\"errcode\"`" + `
	ErrMsg  string ` + "`json:\"errmsg\"`" + `
}

type Result struct {
	ResultCode   string ` + "`json:\"resultCode\"`" + `
	ResultStatus string ` + "`json:\"resultStatus\"`" + `
}

func Check(r *Response, res Result, m map[string]any) error {
	if r.ErrCode == 42001 || r.ErrCode == -1 {
		return errors.New("expired")
	}
	switch res.ResultStatus {
	case "U":
		return nil
	case "u":
		return nil
	case "s", "F":
		return errors.New("x")
	}
	if res.ResultCode == "ACCES_DENIED" || res.ResultCode == "param_illegal" || res.ResultCode == "PROCESS_FAIL" {
		return errors.New("denied")
	}
	code, _ := m["errcode"].(float64)
	if code == 40013 {
		return errors.New("appid")
	}
	return nil
}
`

// freshModuleDecoded compares codes that encoding/json decoded into
// interfaces with ints, which never match (unknown-code); its test, which
// fails before the fixes, proves that the fixed comparisons match.
const freshModuleDecoded = `package api

import (
	"encoding/json"
	"strings"
)

type reply struct {
	ErrCode any ` + "`json:\"errcode\"`" + `
}

func Expired(body []byte) bool {
	var m map[string]interface{}
	if err := json.Unmarshal(body, &m); err != nil {
		return false
	}
	return m["errcode"] == 42001
}

func Busy(body string) bool {
	var r reply
	if err := json.NewDecoder(strings.NewReader(body)).Decode(&r); err != nil {
		return false
	}
	switch r.ErrCode {
	case -1:
		return true
	}
	return false
}
`

const freshModuleDecodedTest = `package api

import "testing"

func TestDecoded(t *testing.T) {
	if !Expired([]byte(` + "`{\"errcode\":42001}`" + `)) || Expired([]byte(` + "`{\"errcode\":0}`" + `)) {
		t.Error("Expired")
	}
	if !Busy(` + "`{\"errcode\":-1}`" + `) || Busy(` + "`{\"errcode\":0}`" + `) {
		t.Error("Busy")
	}
}
`

// TestFreshModule follows the README's "Fixes that build" as a new user
// would, offline, in a module at go 1.21 that has never heard of
// errcodevet: constants generated into the module by catalog gen or by
// init, then the constants modules through a replace. Every fix is applied; go build, go vet and
// the module's test (which exercises fixed comparisons of decoded JSON)
// pass, and the module's go line and requirements are as they were.
func TestFreshModule(t *testing.T) {
	tool := buildTool(t)
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		setup [][]string // commands run first, "errcodevet" standing for the tool
		flags []string
		want  []string // in the fixed file
	}{
		{"generated", [][]string{
			{"errcodevet", "catalog", "gen", "-family", "wechat", "-dir", "internal/wechatcodes"},
			{"errcodevet", "catalog", "gen", "-family", "miniprogram", "-dir", "internal/miniprogramcodes"},
		}, []string{"-constants=wechat=example.com/shop/internal/wechatcodes,miniprogram=example.com/shop/internal/miniprogramcodes"},
			[]string{"r.ErrCode == wechatcodes.AccessTokenExpired", "case miniprogramcodes.StatusSuccess, miniprogramcodes.StatusFailure:", `"example.com/shop/internal/wechatcodes"`,
				`m["errcode"] == float64(wechatcodes.AccessTokenExpired)`, "case float64(wechatcodes.SystemBusy):"}},
		{"init", [][]string{{"errcodevet", "init"}}, nil,
			[]string{"r.ErrCode == wechatcodes.AccessTokenExpired", "case miniprogramcodes.StatusSuccess, miniprogramcodes.StatusFailure:", `"example.com/shop/internal/wechatcodes"`,
				`m["errcode"] == float64(wechatcodes.AccessTokenExpired)`, "case float64(wechatcodes.SystemBusy):"}},
		{"constants modules", [][]string{
			{"go", "mod", "edit", "-require=github.com/errcodevet/errcodevet/wechat@v0.0.0", "-replace=github.com/errcodevet/errcodevet/wechat=" + filepath.Join(root, "wechat")},
			{"go", "mod", "edit", "-require=github.com/errcodevet/errcodevet/miniprogram@v0.0.0", "-replace=github.com/errcodevet/errcodevet/miniprogram=" + filepath.Join(root, "miniprogram")},
		}, nil,
			[]string{"r.ErrCode == wechat.AccessTokenExpired", "res.ResultCode == miniprogram.AccessDenied", "code == wechat.InvalidAppID",
				`m["errcode"] == float64(wechat.AccessTokenExpired)`, "case float64(wechat.SystemBusy):"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{"go.mod": "module example.com/shop\n\ngo 1.21\n", "api/api.go": freshModuleCode,
				"api/decoded.go": freshModuleDecoded, "api/decoded_test.go": freshModuleDecodedTest}
			for name, content := range files {
				os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			runIn := func(args ...string) (string, error) {
				if args[0] == "errcodevet" {
					args[0] = tool
				}
				cmd := exec.Command(args[0], args[1:]...)
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), "GOPROXY=off", "GOWORK=off", "GOFLAGS=", "GOTOOLCHAIN=local")
				out, err := cmd.CombinedOutput()
				return string(out), err
			}
			for _, args := range tc.setup {
				if out, err := runIn(args...); err != nil {
					t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
				}
			}
			gomod, _ := os.ReadFile(filepath.Join(dir, "go.mod"))
			out, err := runIn(append(append([]string{"errcodevet", "-fix"}, tc.flags...), "./...")...)
			// The retry finding and the duplicate-case slip have no fix.
			if !strings.Contains(out, "handled as a final failure") || !strings.Contains(out, `resultStatus "u" can never match`) {
				t.Errorf("errcodevet -fix: %v\n%s", err, out)
			}
			api, _ := os.ReadFile(filepath.Join(dir, "api", "api.go"))
			decoded, _ := os.ReadFile(filepath.Join(dir, "api", "decoded.go"))
			fixed := append(api, decoded...)
			for _, w := range tc.want {
				if !strings.Contains(string(fixed), w) {
					t.Errorf("the fixed file lacks %s:\n%s", w, fixed)
				}
			}
			for _, args := range [][]string{{"go", "build", "./..."}, {"go", "vet", "./..."}, {"go", "test", "./..."}} {
				if out, err := runIn(args...); err != nil {
					t.Errorf("%s: %v\n%s\n%s", strings.Join(args, " "), err, out, fixed)
				}
			}
			if after, _ := os.ReadFile(filepath.Join(dir, "go.mod")); string(after) != string(gomod) {
				t.Errorf("go.mod changed:\n%s\nwas:\n%s", after, gomod)
			}
		})
	}
}

// TestFixNothingSetUp proves that in a module that provides no constants
// package (the constants modules not required, no constants setting),
// -fix adds no import: it holds those fixes back (a decoded value's
// conversion too, which would leave the literal unfindable) and says so in
// one line, and the module still builds; after errcodevet init, -fix fixes
// everything. The
// language server offers no such quick fix either (lsp's tests).
func TestFixNothingSetUp(t *testing.T) {
	tool := buildTool(t)
	dir := t.TempDir()
	files := map[string]string{"go.mod": "module example.com/shop\n\ngo 1.21\n", "api/api.go": freshModuleCode,
		"api/decoded.go": freshModuleDecoded, "api/decoded_test.go": freshModuleDecodedTest}
	for name, content := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := append(os.Environ(), "GOPROXY=off", "GOWORK=off", "GOFLAGS=", "GOTOOLCHAIN=local")
	run := func(name string, args ...string) (stdout, stderr string, code int) {
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = dir, env
		var out, errOut strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errOut
		cmd.Run()
		return out.String(), errOut.String(), cmd.ProcessState.ExitCode()
	}
	stdout, stderr, code := run(tool, "-fix", "./...")
	notice := "errcodevet: fixes held back: they would import github.com/errcodevet/errcodevet/miniprogram, github.com/errcodevet/errcodevet/wechat, " +
		"which the module does not provide; run \"errcodevet init\" to write the constants into it, or require the module\n"
	if code != exitFindings || stderr != notice || !strings.Contains(stdout, "errcode 42001 compared as a magic number") {
		t.Errorf("-fix: exit %d, stderr\n%s\nstdout\n%s\nwant 3, the findings left and the notice once:\n%s", code, stderr, stdout, notice)
	}
	// Every fix here would import a constants package: none is written,
	// not even a decoded value's conversion of the literal, which would
	// leave no finding to fix with the constant later.
	api, _ := os.ReadFile(filepath.Join(dir, "api", "api.go"))
	decoded, _ := os.ReadFile(filepath.Join(dir, "api", "decoded.go"))
	if string(api) != freshModuleCode || string(decoded) != freshModuleDecoded {
		t.Errorf("-fix wrote\n%s%s\nwant the files as they were", api, decoded)
	}
	if !strings.Contains(stdout, `errcode 42001 can never match: encoding/json decodes a number into an interface as float64, and this compares an int; compare with float64(wechat.AccessTokenExpired) (unknown-code)`) {
		t.Errorf("-fix: the decoded value's finding is not left as it is:\n%s", stdout)
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		if out, errOut, code := run("go", args...); code != 0 {
			t.Errorf("go %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
	}
	// init sets the module up; -fix then fixes the rest, and it builds.
	if stdout, stderr, code := run(tool, "init"); code != 0 || !strings.Contains(stdout, "wrote internal/wechatcodes/codes.go") || !strings.Contains(stdout, "wrote .errcodevet.yaml") {
		t.Fatalf("init: exit %d\n%s%s", code, stdout, stderr)
	}
	if stdout, stderr, code := run(tool, "-fix", "./..."); code != exitFindings || stderr != "" || strings.Contains(stdout, "magic-code") {
		t.Errorf("-fix after init: exit %d, stderr %q\n%s", code, stderr, stdout)
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}, {"test", "./..."}} {
		if out, errOut, code := run("go", args...); code != 0 {
			t.Errorf("go %s after init and -fix: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
	}
	if decoded, _ := os.ReadFile(filepath.Join(dir, "api", "decoded.go")); !strings.Contains(string(decoded), `m["errcode"] == float64(wechatcodes.AccessTokenExpired)`) {
		t.Errorf("after init and -fix:\n%s", decoded)
	}
	if stdout, _, code := run(tool, "init"); code != 0 || !strings.Contains(stdout, "nothing to do") {
		t.Errorf("init again: exit %d\n%s", code, stdout)
	}
}

// TestFixHeldBackOldGoLine: in a module whose go line is below 1.18, where
// "errcodevet init" refuses to write packages that need type parameters,
// the held-back notice does not send the user to init alone: it says to
// require the module, or to raise the go line first, and that advice
// works (issue 24's leftovers).
func TestFixHeldBackOldGoLine(t *testing.T) {
	tool := buildTool(t)
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":     "module example.com/old\n\ngo 1.17\n",
		"api/api.go": "package api\n\ntype Response struct {\n\tErrCode int `json:\"errcode\"`\n}\n\nfunc Expired(r *Response) bool {\n\treturn r.ErrCode == 42001\n}\n",
	}
	for name, content := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := append(os.Environ(), "GOPROXY=off", "GOWORK=off", "GOFLAGS=", "GOTOOLCHAIN=local", "ERRCODEVET_CACHE=off")
	run := func(name string, args ...string) (stdout, stderr string, code int) {
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = dir, env
		var out, errOut strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errOut
		cmd.Run()
		return out.String(), errOut.String(), cmd.ProcessState.ExitCode()
	}
	_, stderr, code := run(tool, "-fix", "./...")
	notice := "errcodevet: fixes held back: they would import github.com/errcodevet/errcodevet/wechat, which the module does not provide; " +
		"require the module, or raise the module's go line to 1.18 (go mod edit -go=1.18) and run \"errcodevet init\" to write the constants into it\n"
	if code != exitFindings || stderr != notice {
		t.Fatalf("-fix: exit %d, stderr\n%s\nwant 3 and\n%s", code, stderr, notice)
	}
	// As it says: init alone refuses; with the go line raised, it works.
	if _, stderr, code := run(tool, "init"); code == 0 || !strings.Contains(stderr, "go mod edit -go=1.18") {
		t.Errorf("init at go 1.17: exit %d\n%s", code, stderr)
	}
	if out, errOut, code := run("go", "mod", "edit", "-go=1.18"); code != 0 {
		t.Fatalf("go mod edit: %s%s", out, errOut)
	}
	if stdout, stderr, code := run(tool, "init"); code != 0 {
		t.Fatalf("init at go 1.18: exit %d\n%s%s", code, stdout, stderr)
	}
	if stdout, stderr, code := run(tool, "-fix", "./..."); code != exitOK || stderr != "" {
		t.Errorf("-fix after init: exit %d, stderr %q\n%s", code, stderr, stdout)
	}
	if out, errOut, code := run("go", "build", "./..."); code != 0 {
		t.Errorf("go build after init and -fix: exit %d\n%s%s", code, out, errOut)
	}
}
