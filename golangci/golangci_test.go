package golangci_test

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/golangci"
	"github.com/errcodevet/errcodevet/internal/testmodule"
)

// settings returns raw settings as golangci-lint hands them over: the
// YAML map decoded into generic values.
func settings(kv ...any) map[string]any {
	m := make(map[string]any)
	for i := 0; i < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("errcodevet")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatalf("no settings: %v", err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Name != "errcodevet" {
		t.Fatalf("BuildAnalyzers() = %v, want the errcodevet analyzer", as)
	}
	if as[0] == analyzer.Analyzer {
		t.Error("BuildAnalyzers returned the shared analyzer.Analyzer; each plugin needs its own configuration")
	}
}

func TestDecodeSettings(t *testing.T) {
	raw := settings(
		"checks", []any{"magic-code", "string-code"},
		"catalog", []any{},
		"include-success", true,
		"include-tests", true,
		"retry-funcs", []any{"example.com/client.Retry", "example.com/client.Client.Do"},
		"constants", map[string]any{"wechat": "example.com/m/internal/wechatcodes"},
	)
	s, err := register.DecodeSettings[golangci.Settings](raw)
	if err != nil {
		t.Fatal(err)
	}
	want := analyzer.Config{
		Checks:         []string{"magic-code", "string-code"},
		Catalogs:       []string{},
		IncludeSuccess: true,
		IncludeTests:   true,
		RetryFuncs:     []string{"example.com/client.Retry", "example.com/client.Client.Do"},
	}
	got := s.Config()
	if strings.Join(got.Checks, ",") != strings.Join(want.Checks, ",") ||
		len(got.Catalogs) != 0 || !got.IncludeSuccess || !got.IncludeTests ||
		strings.Join(got.RetryFuncs, ",") != strings.Join(want.RetryFuncs, ",") ||
		len(got.Constants) != 1 || got.Constants["wechat"] != "example.com/m/internal/wechatcodes" {
		t.Errorf("Config() = %+v, want %+v", got, want)
	}
	if _, err := golangci.New(raw); err != nil {
		t.Errorf("New: %v", err)
	}
}

// TestSettingsMirrorFlags keeps the settings' keys and the analyzer's flag
// names the same, so that one name works everywhere.
func TestSettingsMirrorFlags(t *testing.T) {
	raw := make(map[string]any)
	analyzer.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
		switch f.Name {
		case "include-success", "include-tests":
			raw[f.Name] = false
		case "constants":
			raw[f.Name] = map[string]any{}
		case "config":
			raw[f.Name] = ""
		default:
			raw[f.Name] = []any{}
		}
	})
	if len(raw) == 0 {
		t.Fatal("the analyzer has no flags")
	}
	if _, err := golangci.New(raw); err != nil {
		t.Errorf("a setting for every flag: %v", err)
	}
}

func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  map[string]any
		want string
	}{
		{"unknown key", settings("chekcs", []any{"magic-code"}), `errcodevet settings: decoding settings: json: unknown field "chekcs"`},
		{"bad check", settings("checks", []any{"magic-code", "nope"}), `errcodevet settings: unknown check "nope" (known: magic-code`},
		{"bad retry func", settings("retry-funcs", []any{"Retry"}), `errcodevet settings: retry function "Retry" is not of the form import/path.Func`},
		{"constants of unknown family", settings("constants", map[string]any{"wechatt": "example.com/m/wechatcodes"}), `errcodevet settings: constants of unknown family "wechatt" (known: wechat, miniprogram, wecom, wechatpay, alipay)`},
		{"constants path malformed", settings("constants", map[string]any{"wechat": "example.com/m/"}), `errcodevet settings: constants of family wechat: malformed import path "example.com/m/"`},
		{"missing catalog", settings("catalog", []any{"no/such/catalog.yaml"}), `errcodevet settings: open no/such/catalog.yaml: no such file or directory`},
		{"list as string", settings("checks", "magic-code"), `errcodevet settings: decoding settings: json: cannot unmarshal string`},
		{"bool as string", settings("include-tests", "yes"), `errcodevet settings: decoding settings: json: cannot unmarshal string`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := golangci.New(tc.raw)
			if err == nil {
				t.Fatalf("New(%v) = %v, want an error", tc.raw, p)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("New(%v) error = %q, want prefix %q", tc.raw, err, tc.want)
			}
		})
	}
}

// TestSettingsApply runs the analyzer the plugin builds: with checks
// limited to string-code, the magic number is not reported.
func TestSettingsApply(t *testing.T) {
	dir := testmodule.New(t, map[string]string{"app/app.go": `package app

type Response struct {
	ErrCode int ` + "`json:\"errcode\"`" + `
}

type Result struct {
	ResultCode string ` + "`json:\"resultCode\"`" + `
}

func handle(resp *Response, res Result) bool {
	return resp.ErrCode == 42001 || res.ResultCode == "PARAM_ILLEGAL" // want ` + "`resultCode \"PARAM_ILLEGAL\" compared as a magic string`" + `
}
`})
	p, err := golangci.New(settings("checks", []any{"string-code"}))
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, as[0], "./app")
}

// TestFixesCoalesced checks that the plugin's fixes insert an import with
// one edit, identical in every fix that adds it: golangci-lint's --fix drops
// only duplicate edits that are adjacent once sorted, so two findings in a
// file without imports must not import wechat twice.
func TestFixesCoalesced(t *testing.T) {
	dir := testmodule.New(t, map[string]string{"app/app.go": `package app

type Response struct {
	ErrCode int ` + "`json:\"errcode\"`" + `
}

func expired(resp *Response) bool {
	return resp.ErrCode == 42001 // want ` + "`errcode 42001`" + `
}

func busy(resp *Response) bool {
	return resp.ErrCode == -1 // want ` + "`errcode -1`" + `
}
`})
	p, err := golangci.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	var imports []string
	for _, r := range analysistest.Run(t, dir, as[0], "./app") {
		for _, d := range r.Diagnostics {
			if len(d.SuggestedFixes) != 1 {
				t.Fatalf("%s: %d fixes, want 1", d.Message, len(d.SuggestedFixes))
			}
			edits := d.SuggestedFixes[0].TextEdits
			for i := 1; i < len(edits); i++ {
				if edits[i].Pos == edits[i-1].Pos {
					t.Errorf("%s: two edits at one position: %q, %q", d.Message, edits[i-1].NewText, edits[i].NewText)
				}
			}
			for _, e := range edits {
				if strings.Contains(string(e.NewText), "import") {
					imports = append(imports, fmt.Sprintf("%d %q", e.Pos, e.NewText))
				}
			}
		}
	}
	if len(imports) != 2 || imports[0] != imports[1] {
		t.Errorf("the import edits of the two fixes: %q, want two identical ones", imports)
	}
}

// TestConfigFile: the plugin reads the .errcodevet.yaml found from the
// package's directory, or the one the config setting names; its settings
// override the file's.
func TestConfigFile(t *testing.T) {
	src := `package app

type Response struct {
	ErrCode int ` + "`json:\"errcode\"`" + `
}

type Result struct {
	ResultCode string ` + "`json:\"resultCode\"`" + `
}

func handle(resp *Response, res Result) bool {
	return resp.ErrCode == 42001 || res.ResultCode == "PARAM_ILLEGAL" // want %s
}
`
	stringOnly := "`resultCode \"PARAM_ILLEGAL\" compared as a magic string.*\\(string-code\\)$`"
	magicOnly := "`errcode 42001 compared as a magic number.*\\(magic-code\\)$`"
	for _, tc := range []struct {
		name     string
		file     string // .errcodevet.yaml at the module root
		settings map[string]any
		want     string
	}{
		{"discovered", "checks: [string-code]\n", settings(), stringOnly},
		{"settings override", "checks: [string-code]\n", settings("checks", []any{"magic-code"}), magicOnly},
		{"named", "", settings("config", "OTHER"), magicOnly},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"app/app.go": fmt.Sprintf(src, tc.want), "other.yaml": "checks: [magic-code]\n"}
			if tc.file != "" {
				files[".errcodevet.yaml"] = tc.file
			}
			dir := testmodule.New(t, files)
			if tc.settings["config"] == "OTHER" {
				tc.settings["config"] = filepath.Join(dir, "other.yaml")
			}
			p, err := golangci.New(tc.settings)
			if err != nil {
				t.Fatal(err)
			}
			as, err := p.BuildAnalyzers()
			if err != nil {
				t.Fatal(err)
			}
			analysistest.Run(t, dir, as[0], "./app")
		})
	}
}

// TestRelatedInMessage: golangci-lint makes an issue of each related
// position, so a retry finding would count twice. Under the plugin the
// statement that gives up is named in the finding's message instead, with
// its line, and the finding has no related information.
func TestRelatedInMessage(t *testing.T) {
	dir := testmodule.New(t, map[string]string{"app/app.go": `package app

import "errors"

type Response struct {
	ErrCode int ` + "`json:\"errcode\"`" + `
}

func check(resp *Response) error {
	switch resp.ErrCode {
	case -1: // want ` + "`^errcode -1 \\(system is busy\\) handled as a final failure: .*; gives up at line 12: returns an error made from text alone \\(retry-unknown\\)$` `errcode -1 compared as a magic number`" + `
		return errors.New("busy")
	}
	return nil
}
`})
	p, err := golangci.New(settings())
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range analysistest.Run(t, dir, as[0], "./app") {
		for _, d := range r.Diagnostics {
			n++
			if len(d.Related) > 0 {
				t.Errorf("%s: related information %+v, want it in the message", d.Message, d.Related)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d findings, want 2", n)
	}
}
