package analyzer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/analyzer"
)

// TestNewRejectsBadConfig proves that analyzer.New reports an invalid
// configuration as an error that names what is wrong.
func TestNewRejectsBadConfig(t *testing.T) {
	dir := t.TempDir()
	malformed := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(malformed, []byte("family: acme\ncodes:\n  kind: int\n  carriers: {json: [code]}\n  colour: blue\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	notYAML := filepath.Join(dir, "broken.yaml")
	if err := os.WriteFile(notYAML, []byte("family: [acme\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		cfg  analyzer.Config
		want string
	}{
		{"unknown check", analyzer.Config{Checks: []string{"magic-code", "magic-number"}},
			`unknown check "magic-number" (known: magic-code, string-code, unknown-code`},
		{"missing catalog", analyzer.Config{Catalogs: []string{filepath.Join(dir, "missing.yaml")}},
			filepath.Join(dir, "missing.yaml") + ": no such file or directory"},
		{"malformed catalog", analyzer.Config{Catalogs: []string{malformed}},
			malformed + `:5:3: unknown field "colour" in codes`},
		{"catalog not YAML", analyzer.Config{Catalogs: []string{notYAML}},
			notYAML + ": "},
		{"retry function without package", analyzer.Config{RetryFuncs: []string{"Retry"}},
			`retry function "Retry" is not of the form import/path.Func or import/path.Type.Method`},
		{"retry function with empty name", analyzer.Config{RetryFuncs: []string{"example.com/retry."}},
			`retry function "example.com/retry." is not of the form`},
		{"constants of an unknown family", analyzer.Config{Constants: map[string]string{"weixin": "example.com/m/codes"}},
			`constants of unknown family "weixin" (known: wechat, miniprogram, wecom, wechatpay, alipay)`},
		{"constants of a family no catalog file declares", analyzer.Config{Catalogs: []string{"../testdata/catalog/acme.yaml"}, Constants: map[string]string{"acme": "example.com/m/acmecodes", "acne": "example.com/m/codes"}},
			`constants of unknown family "acne" (known: wechat, miniprogram, wecom, wechatpay, alipay, acme)`},
		{"client packages of a family that shares no carrier", analyzer.Config{ClientPackages: []string{"wecom=m/a", "wechatpay=m/pay/..."}},
			`client packages of family "wechatpay", which shares no carrier with another family (families that do: wechat, wecom)`},
		{"client packages without a family", analyzer.Config{ClientPackages: []string{"m/wecom/..."}},
			`client package "m/wecom/..." is not of the form family=import/path or family=import/path/...`},
		{"constants at a malformed path", analyzer.Config{Constants: map[string]string{"wechat": "example.com/m/wechat codes"}},
			`constants of family wechat: malformed import path "example.com/m/wechat codes"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := analyzer.New(tc.cfg)
			if err == nil {
				t.Fatalf("New(%+v) = %v, want an error", tc.cfg, a)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("New(%+v): error %q does not contain %q", tc.cfg, err, tc.want)
			}
		})
	}
}

// TestFlags proves that every flag can be set through Analyzer.Flags, as
// drivers do, and that a bad value is an error naming the problem, never a
// panic, after which the analyzer keeps its last good settings.
func TestFlags(t *testing.T) {
	good := filepath.Join(t.TempDir(), "extra.yaml")
	if err := os.WriteFile(good, []byte("extends: wechat\ncodes:\n  carriers: {json: [err_code]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		flag, good, bad, wantErr string
	}{
		{"checks", "magic-code,unknown-code", "magic-code,nope", `unknown check "nope"`},
		{"checks", "all", "", ""},
		{"catalog", good, good + ",/nonexistent/extra.yaml", "/nonexistent/extra.yaml"},
		{"include-success", "true", "maybe", `want true or false, got "maybe"`},
		{"include-tests", "false", "2", `want true or false, got "2"`},
		{"retry-funcs", "example.com/retry.Do,example.com/retry.Policy.Run", "Do", `retry function "Do" is not of the form`},
		{"constants", "wechat=example.com/m/internal/wechatcodes,miniprogram=example.com/m/mp", "wechat", `want family=import/path, got "wechat"`},
		{"constants", "wechat=example.com/m/a", "wechat=example.com/m/a,wechat=example.com/m/b", `family wechat given twice`},
		{"constants", "", "wechatt=example.com/m/a", `constants of unknown family "wechatt"`},
		{"client-packages", "wecom=example.com/m/wecom/...,wechat=example.com/m/mp", "wecom=", `client package "wecom=" is not of the form`},
		{"client-packages", "wecom=example.com/m/wecom", "wecomm=example.com/m/wecom", `client packages of family "wecomm", which shares no carrier`},
	} {
		a := newAnalyzer(t, analyzer.Config{})
		if a.Flags.Lookup(tc.flag) == nil {
			t.Fatalf("no flag -%s", tc.flag)
		}
		if err := a.Flags.Set(tc.flag, tc.good); err != nil {
			t.Errorf("-%s=%s: %v", tc.flag, tc.good, err)
		}
		if tc.wantErr == "" {
			continue
		}
		err := a.Flags.Set(tc.flag, tc.bad)
		if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
			t.Errorf("-%s=%s: error %v, want one containing %q", tc.flag, tc.bad, err, tc.wantErr)
		}
		// The same through the command line, as singlechecker parses it.
		a.Flags.SetOutput(new(strings.Builder))
		if err := a.Flags.Parse([]string{"-" + tc.flag + "=" + tc.bad}); err == nil || !strings.Contains(err.Error(), tc.wantErr) {
			t.Errorf("parsing -%s=%s: error %v, want one containing %q", tc.flag, tc.bad, err, tc.wantErr)
		}
	}
}

// TestFlagsKeepLastGoodSettings proves that a rejected flag value leaves the
// configuration as it was, and that boolean flags take no value.
func TestFlagsKeepLastGoodSettings(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{})
	if err := a.Flags.Parse([]string{"-checks=string-code", "-include-success"}); err != nil {
		t.Fatal(err)
	}
	if err := a.Flags.Set("checks", "nope"); err == nil {
		t.Fatal("-checks=nope accepted")
	}
	src := `package checkexample

type Response struct {
	ErrCode int ` + "`json:\"errcode\"`" + `
}

type Result struct {
	ResultStatus string ` + "`json:\"resultStatus\"`" + `
}

func handle(resp Response, res Result) bool {
	return resp.ErrCode == 42001 || res.ResultStatus == "S"
}
`
	checkFindings(t, analyze(t, a, map[string]string{"p.go": src}),
		finding{12, "string-code", `resultStatus "S" compared as a magic string: success (miniprogram.StatusSuccess)`})
}
