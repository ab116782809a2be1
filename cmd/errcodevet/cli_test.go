package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/testmodule"
)

// runIn runs errcodevet in-process with args in dir (if not "").
func runIn(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	if dir != "" {
		t.Chdir(dir)
		t.Setenv("GOPROXY", "off")
		t.Setenv("GOWORK", "off")
	}
	var out, errOut bytes.Buffer
	code = errcodevet(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"help", "help"}} {
		code, stdout, stderr := runIn(t, "", args...)
		if code != exitOK || stderr != "" {
			t.Fatalf("%v: exit %d, stderr %q", args, code, stderr)
		}
		for _, c := range commands() {
			if !strings.Contains(stdout, "\t"+c.name+" ") {
				t.Errorf("%v does not list %s:\n%s", args, c.name, stdout)
			}
		}
	}
	for _, c := range commands() {
		if c.name == "help" {
			continue
		}
		code, stdout, stderr := runIn(t, "", "help", c.name)
		if code != exitOK || !strings.Contains(stdout, "usage: errcodevet "+c.name) || stderr != "" {
			t.Errorf("help %s: exit %d, stdout\n%s\nstderr %q; want its usage on stdout", c.name, code, stdout, stderr)
		}
	}
	code, _, stderr := runIn(t, "", "help", "sarf")
	if want := `errcodevet help: unknown command "sarf" (did you mean "sarif"?)` + "\n"; code != exitUsage || stderr != want {
		t.Errorf("help sarf: exit %d, stderr %q, want 2 and %q", code, stderr, want)
	}
	// -h: the analysis flags, which mention the commands.
	code, _, stderr = runIn(t, "", "-h")
	if code != exitOK || !strings.Contains(stderr, "usage: errcodevet [flags] [packages]") ||
		!strings.Contains(stderr, "-include-tests") || !strings.Contains(stderr, `"errcodevet help"`) {
		t.Errorf("-h: exit %d, stderr\n%s", code, stderr)
	}
}

func TestVersion(t *testing.T) {
	want := fmt.Sprintf("errcodevet %s (", version())
	for _, args := range [][]string{{"version"}, {"-V"}, {"--version"}} {
		code, stdout, stderr := runIn(t, "", args...)
		if code != exitOK || !strings.HasPrefix(stdout, want) || stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %q...", args, code, stdout, stderr, want)
		}
	}
	if v := version(); v == "" || !strings.HasPrefix(v, "(devel)") && !strings.HasPrefix(v, "v") {
		t.Errorf("version() = %q", v)
	}
}

// A bad command line is one line naming the problem, exit 2, no usage.
func TestBadFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-checks=nope", "./..."}, `errcodevet: invalid value "nope" for flag -checks: unknown check "nope"`},
		{[]string{"-nope"}, "errcodevet: flag provided but not defined: -nope"},
		{[]string{"-include-tests=maybe"}, `errcodevet: invalid boolean value "maybe" for -include-tests`},
		{[]string{"-catalog=/nonexistent.yaml"}, `errcodevet: invalid value "/nonexistent.yaml" for flag -catalog`},
		{[]string{"-json", "-fix"}, "errcodevet: -json and -fix (or -diff) cannot be used together"},
		{[]string{"sarif", "-nope"}, "errcodevet sarif: flag provided but not defined: -nope"},
		{[]string{"lsp", "-checks=x"}, `errcodevet lsp: invalid value "x" for flag -checks`},
		{[]string{"explian", "42001"}, `errcodevet: unknown command "explian" (did you mean "explain"?); run errcodevet help for the commands`},
		{[]string{"sarf"}, `errcodevet: unknown command "sarf" (did you mean "sarif"?)`},
	} {
		code, stdout, stderr := runIn(t, "", tc.args...)
		if code != exitUsage || stdout != "" || !strings.HasPrefix(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr\n%s\nwant 2 and one line starting %q", tc.args, code, stdout, stderr, tc.want)
		}
	}
}

const orderGo = `package %s

type Response struct {
	ErrCode int ` + "`json:\"errcode\"`" + `
}

type Result struct {
	ResultStatus string ` + "`json:\"resultStatus\"`" + `
}

func Check(resp *Response, res Result) error {
	if resp.ErrCode == 42001 || resp.ErrCode == 40001 {
		return nil
	}
	switch res.ResultStatus {
	case "U":
		return errFailed
	}
	return nil
}

type failed struct{}

func (failed) Error() string { return "failed" }

var errFailed error = failed{}
`

// Ten packages analyzed in parallel print the same bytes every time,
// sorted by file, line, column and check, each line naming its check.
func TestDeterministicOutput(t *testing.T) {
	files := map[string]string{}
	for i := range 10 {
		name := fmt.Sprintf("p%d", i)
		files[name+"/p.go"] = fmt.Sprintf(orderGo, name)
	}
	dir := testmodule.New(t, files)
	code, stdout, stderr := runIn(t, dir, "./...")
	if code != exitFindings || stderr != "" {
		t.Fatalf("exit %d, stderr %q, stdout\n%s", code, stderr, stdout)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != 50 { // 4 findings and a related line per package
		t.Fatalf("%d lines, want 50:\n%s", len(lines), stdout)
	}
	for _, want := range []string{
		"p0/p.go:12:21: errcode 42001 compared as a magic number: access_token expired (wechat.AccessTokenExpired) (magic-code)",
		"p0/p.go:12:46: errcode 40001 compared as a magic number",
		"p0/p.go:16:2: resultStatus U (unknown outcome) handled as a final failure",
		"p0/p.go:17:3: \tgives up here: ",
		"p0/p.go:16:7: resultStatus \"U\" compared as a magic string: unknown outcome (miniprogram.StatusUnknown) (string-code)",
	} {
		if !slices.ContainsFunc(lines[:5], func(l string) bool { return strings.HasPrefix(l, want) }) {
			t.Errorf("the first lines\n%s\nlack %q", strings.Join(lines[:5], "\n"), want)
		}
	}
	if !strings.HasSuffix(lines[2], "(retry-unknown)") {
		t.Errorf("line 3 does not end with its check ID: %s", lines[2])
	}
	for range 4 {
		if _, again, _ := runIn(t, dir, "./..."); again != stdout {
			t.Fatalf("a second run printed\n%s\nthe first\n%s", again, stdout)
		}
	}
}

// -fix applies what it can, prints what it cannot (exit 3); -diff prints
// a unified diff and writes nothing; -diff alone implies -fix.
func TestFixAndDiff(t *testing.T) {
	src := fmt.Sprintf(orderGo, "p")
	dir := testmodule.New(t, map[string]string{"p/p.go": src})
	file := filepath.Join(dir, "p", "p.go")
	retryLine := "p/p.go:16:2: resultStatus U (unknown outcome) handled as a final failure"

	for _, args := range [][]string{{"-diff"}, {"-fix", "-diff"}} {
		code, stdout, stderr := runIn(t, dir, append(args, "./...")...)
		if code != exitFindings || !strings.HasPrefix(stdout, "--- p/p.go\n+++ p/p.go\n") ||
			!strings.Contains(stdout, "+\tif resp.ErrCode == wechat.AccessTokenExpired || resp.ErrCode == wechat.InvalidCredential {\n") ||
			!strings.HasPrefix(stderr, retryLine) || strings.Count(stderr, "\n") != 2 {
			t.Errorf("%v: exit %d, stdout\n%s\nstderr\n%s\nwant 3, the diff, and the retry finding", args, code, stdout, stderr)
		}
		if got, _ := os.ReadFile(file); string(got) != src {
			t.Errorf("%v changed the file", args)
		}
		if fixed := applyUnified(t, stdout, src); !strings.Contains(fixed, "case miniprogram.StatusUnknown:") {
			t.Errorf("%v: the diff applied gives\n%s", args, fixed)
		}
	}

	// The finding left is where it is in the fixed file: the imports
	// added moved it.
	code, stdout, stderr := runIn(t, dir, "-fix", "./...")
	if code != exitFindings || stderr != "" || !strings.HasPrefix(stdout, "p/p.go:20:2: resultStatus U (unknown outcome) handled as a final failure") || strings.Count(stdout, "\n") != 2 {
		t.Errorf("-fix: exit %d, stderr %q, stdout\n%s\nwant 3 and the retry finding only", code, stderr, stdout)
	}
	got, _ := os.ReadFile(file)
	if !strings.Contains(string(got), "case miniprogram.StatusUnknown:") {
		t.Errorf("-fix wrote\n%s", got)
	}
	code, stdout, stderr = runIn(t, dir, "-fix", "-checks=magic-code,string-code", "./...")
	if code != exitOK || stdout != "" || stderr != "" {
		t.Errorf("-fix with nothing left: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// Loader errors read like Go's own.
func TestLoadErrors(t *testing.T) {
	dir := testmodule.New(t, map[string]string{"empty/README": "nothing\n"})
	code, _, stderr := runIn(t, dir, "./empty")
	if code != exitError || strings.HasPrefix(stderr, "-: ") || !strings.Contains(stderr, "no Go files in ") {
		t.Errorf("./empty: exit %d, stderr %q", code, stderr)
	}
	outside := t.TempDir()
	code, _, stderr = runIn(t, outside, "./...")
	if code != exitError || strings.Contains(stderr, "exit status") || !strings.Contains(stderr, "go.mod file not found") {
		t.Errorf("outside a module: exit %d, stderr %q", code, stderr)
	}
}

const acmeCatalog = `family: acme
title: Acme API
package: example.com/acme/codes
codes:
  kind: int
  carriers: {json: [code]}
  success: [0]
  documented:
    - {value: 0, name: OK, message: Success.}
    - {value: 42001, name: Busy, message: Service busy. Try again later., action: Wait a minute., retry: retry}
`

func TestExplain(t *testing.T) {
	var unknownCheck analyzer.Check
	for _, c := range analyzer.Checks() {
		if c.ID == "unknown-code" {
			unknownCheck = c
		}
	}
	dir := t.TempDir()
	acme := filepath.Join(dir, "acme.yaml")
	if err := os.WriteFile(acme, []byte(acmeCatalog), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		want []string // in stdout, or stderr when the exit code is not 0
	}{
		{[]string{"42001"}, 0, []string{"wechat:42001  (WeChat Official Account code)", "message:  access_token expired",
			"retry:    renew-token: renew the access token, then retry", "constant: wechat.AccessTokenExpired (github.com/errcodevet/errcodevet/wechat)",
			"docs:     " + analyzer.RepoURL + "/blob/main/wechat/codes.go",
			"source:   vendor: https://developers.weixin.qq.com/doc/offiaccount/en/Getting_Started/Global_Return_Code.html"}},
		{[]string{"wechat:40164"}, 0, []string{"source:   copy: binarywang/WxJava@3e48dc7:weixin-java-common/src/main/java/me/chanjar/weixin/common/error/WxOpenErrorMsgEnum.java, " +
			"of https://developers.weixin.qq.com/doc/oplatform/Return_codes/Return_code_descriptions_new.html"}},
		// A name errcodevet wrote says so, and the name it replaced.
		{[]string{"45061"}, 0, []string{"constant: wechat.UpdateFrequencyTooHigh (github.com/errcodevet/errcodevet/wechat)",
			"named:    by errcodevet, from the vendor's text", "formerly: wechat.Code45061 (deprecated, never written by a fix)"}},
		// A negative code is the code, not a flag; the flag before it may take it.
		{[]string{"-1"}, 0, []string{"wechat:-1  (WeChat Official Account code)"}},
		{[]string{"-catalog", acme, "-1"}, 0, []string{"wechat:-1  (WeChat Official Account code)"}},
		{[]string{"-markdown", "-1"}, 0, []string{"wechat:-1  (WeChat Official Account code)"}},
		{[]string{"-catalog", acme, "acme:42001"}, 0, []string{"docs:     go doc example.com/acme/codes.Busy"}},
		{[]string{"wechat:-1"}, 0, []string{"wechat:-1  (WeChat Official Account code)", "retry:    retry: try again later", "wechat.SystemBusy"}},
		{[]string{"EXPIRED_ACCESS_TOKEN"}, 0, []string{"miniprogram:EXPIRED_ACCESS_TOKEN  (Mini Program OpenAPI code)", "status:   F (failure)", "miniprogram.ExpiredAccessToken"}},
		{[]string{"U"}, 0, []string{"miniprogram:U  (Mini Program OpenAPI status)", "miniprogram.StatusUnknown"}},
		{[]string{"ORDER_NOT_EXIST"}, 0, []string{"message:  The order does not exist", "status:   F (failure)",
			"APIs:     cancel F, inquiryPayment F, inquiryVoid F, refundApply F", "miniprogram.OrderNotExist"}},
		{[]string{"A"}, 0, []string{"miniprogram:A  (Mini Program OpenAPI status)", "miniprogram.StatusAccepted"}},
		// A WeChat Pay value is a code and a status; each says where it was read.
		{[]string{"USERPAYING"}, 0, []string{"wechatpay:USERPAYING  (WeChat Pay code)", "wechatpay:USERPAYING  (WeChat Pay status)",
			"action:   等待5秒，然后调用被扫订单结果查询API", "source:   copy: gabinlin/wx-pay-profits-sharing@25bb3bd:",
			"action:   每 5 秒轮询查单，累计 30 秒未支付则调用撤销接口", "source:   vendor: wechatpay-apiv3/wechatpay-skills@15f40d0:", "retry:    retry: try again later"}},
		{[]string{"-catalog", acme, "acme:42001"}, 0, []string{"acme:42001  (Acme API code)", "message:  Service busy. Try again later.", "action:   Wait a minute.", "codes.Busy (example.com/acme/codes)"}},
		{[]string{"-catalog", acme, "42001"}, 0, []string{"42001 has 3 meanings; write FAMILY:42001 for one:", "wechat:42001 ", "wecom:42001 ", "acme:42001 "}},
		{[]string{"wecom:60011"}, 0, []string{"wecom:60011  (WeCom code)", "constant: wecom.NoPrivilege", "source:   vendor: https://developer.work.weixin.qq.com/document/path/90313, read through the copy go-workwx generates from it"}},
		{[]string{"10003"}, 0, []string{"alipay:10003  (Alipay OpenAPI (classic) code)", "query it (alipay.trade.query)", "source:   3p: https://github.com/smartwalle/alipay/blob/6ff099b52fb7/alipay_type.go#L58"}},
		{[]string{"magic-code"}, 0, []string{"magic-code\n\nReports: documented integer code compared as a literal.", "errcodevet reports:\n\n\terrcode 42001",
			"Good:\n\n\tpackage example", "Documentation: " + analyzer.DocsURL + "#magic-code"}},
		{[]string{"-markdown", "magic-code"}, 0, []string{"## magic-code\n\nReports: documented integer code compared as a literal.", "```go\npackage example",
			"[Documentation](" + analyzer.DocsURL + "#magic-code)"}},
		// Every example, the second one of unknown-code too.
		{[]string{"unknown-code"}, 0, []string{unknownCheck.Want, unknownCheck.More[0].Title, unknownCheck.More[0].Want}},
		{[]string{"directive"}, 0, []string{"Suppressing a finding\n", "//errcodevet:file-ignore CHECK[,CHECK...] reason", "Documentation: " + analyzer.DocsURL + "#suppressing-a-finding"}},
		{[]string{"magic-cod"}, 1, []string{"errcodevet explain: magic-cod is not a documented code, status or check (did you mean magic-code?)\n"}},
		{[]string{"retry-unknow"}, 1, []string{"(did you mean retry-unknown?)"}},
		{[]string{"ACCES_DENIED"}, 1, []string{"errcodevet explain: ACCES_DENIED is not a documented code, status or check (did you mean ACCESS_DENIED?)\n"}},
		{[]string{"wechat:42002x"}, 1, []string{"not a documented code"}},
		{[]string{"wechta:1"}, 1, []string{`no family "wechta" (did you mean "wechat"?)`}},
		{nil, 2, []string{"want one code or check, got 0 arguments"}},
	} {
		code, stdout, stderr := runIn(t, "", append([]string{"explain"}, tc.args...)...)
		out := stdout
		if tc.code != 0 {
			out = stderr
		}
		if code != tc.code {
			t.Errorf("explain %v: exit %d, want %d\n%s%s", tc.args, code, tc.code, stdout, stderr)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("explain %v printed\n%s\nwant it to contain %q", tc.args, out, w)
			}
		}
	}
	// A check's documentation is plain text unless -markdown asks.
	for _, id := range append(analyzer.CheckIDs(), "directive") {
		_, stdout, _ := runIn(t, "", "explain", id)
		for _, mark := range []string{"```", "## ", "**", "`-"} {
			if strings.Contains(stdout, mark) {
				t.Errorf("explain %s prints Markdown (%q):\n%s", id, mark, stdout)
			}
		}
	}
	// Every built-in check and every documented value explains itself.
	for _, c := range analyzer.Checks() {
		if code, _, stderr := runIn(t, "", "explain", c.ID); code != 0 {
			t.Errorf("explain %s: exit %d\n%s", c.ID, code, stderr)
		}
	}
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range cat.Families() {
		for _, tab := range f.Tables() {
			for _, c := range tab.Codes {
				query := f.Name + ":" + c.Value
				matches, err := lookupCode(cat, query)
				// A value may be both a code and a status of its family
				// (WeChat Pay's USERPAYING): each table's entry is listed.
				i := slices.IndexFunc(matches, func(m codeMatch) bool { return m.code == c })
				if err != nil || i < 0 || len(matches) > len(f.Tables()) {
					t.Errorf("lookupCode(%s) = %v, %v; want the code", query, matches, err)
					continue
				}
				var b strings.Builder
				explainCode(&b, matches[i])
				if out := b.String(); !strings.HasPrefix(out, query+"  (") || !strings.Contains(out, "retry:") {
					t.Errorf("explain %s:\n%s", query, out)
				}
			}
		}
	}
}

// TestExplainFlag proves that -explain works as the explain command, as
// -version does as the version command.
func TestExplainFlag(t *testing.T) {
	_, want, _ := runIn(t, "", "explain", "42001")
	for _, args := range [][]string{{"-explain", "42001"}, {"--explain", "42001"}, {"-explain=42001"}, {"--explain=42001"}} {
		if code, stdout, stderr := runIn(t, "", args...); code != exitOK || stdout != want {
			t.Errorf("%v: exit %d\n%s%s\nwant explain 42001's\n%s", args, code, stdout, stderr, want)
		}
	}
	for _, args := range [][]string{{"-explain", "-1"}, {"-explain=-1"}, {"-explain", "-catalog", "", "-1"}} {
		if code, stdout, stderr := runIn(t, "", args...); code != exitOK || !strings.Contains(stdout, "wechat:-1  (WeChat Official Account code)") {
			t.Errorf("%v: exit %d\n%s%s", args, code, stdout, stderr)
		}
	}
	if code, stdout, _ := runIn(t, "", "-explain", "-markdown", "magic-code"); code != exitOK || !strings.HasPrefix(stdout, "## magic-code\n") {
		t.Errorf("-explain -markdown magic-code: exit %d\n%s", code, stdout)
	}
}

// TestRepositoryLinks proves that the links errcodevet prints into its
// repository, until its modules are published, name files this
// repository has: the checks' documentation and each built-in family's
// constants.
func TestRepositoryLinks(t *testing.T) {
	const root = "../.."
	links := []string{analyzer.DocsURL}
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range cat.Families() {
		for _, tab := range f.Tables() {
			for _, c := range tab.Codes {
				if c.Name != "" && c.Package != "" {
					links = append(links, constantDocs(c))
				}
			}
		}
	}
	if len(links) < 3 {
		t.Fatalf("links %v: want the docs and each family's constants", links)
	}
	for _, l := range links {
		rel, ok := strings.CutPrefix(l, analyzer.RepoURL+"/blob/main/")
		if !ok {
			t.Errorf("%s: not a file of errcodevet's repository", l)
			continue
		}
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel))); err != nil {
			t.Errorf("%s: the repository has no such file: %v", l, err)
		}
	}
}

// -c N prints the finding's lines with N lines of context.
func TestContextLines(t *testing.T) {
	dir := testmodule.New(t, map[string]string{"p/p.go": fmt.Sprintf(orderGo, "p")})
	code, stdout, _ := runIn(t, dir, "-c", "1", "-checks=magic-code", "./...")
	want := "p/p.go:12:21: errcode 42001 compared as a magic number: access_token expired (wechat.AccessTokenExpired) (magic-code)\n" +
		"11\tfunc Check(resp *Response, res Result) error {\n" +
		"12\t\tif resp.ErrCode == 42001 || resp.ErrCode == 40001 {\n" +
		"13\t\t\treturn nil\n"
	if code != exitFindings || !strings.HasPrefix(stdout, want) {
		t.Errorf("-c 1: exit %d, stdout\n%s\nwant it to start\n%s", code, stdout, want)
	}
}
