package catalogcmd_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/cmd/errcodevet/internal/catalogcmd"
)

// run runs the catalog subcommand in the test's working directory.
func run(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = catalogcmd.Main(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// inTempDir makes a fresh directory the working directory and writes the
// files, given as name, content pairs, into it.
func inTempDir(t *testing.T, files ...string) {
	t.Helper()
	t.Chdir(t.TempDir())
	for i := 0; i+1 < len(files); i += 2 {
		if err := os.WriteFile(files[i], []byte(files[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const (
	acmeCatalog = `family: acme
package: example.com/acme/codes
codes:
  kind: int
  carriers: {json: [code]}
  success: [0]
  documented:
    - {value: 0, name: OK, message: Success.}
    - {value: 1001, name: Busy, message: Service busy. Try again later., retry: retry}
`
	acmeExtension = `extends: acme
codes:
  documented:
    - {value: 1002, message: Quota exhausted., retry: reduce-traffic}
`
	// malformedCatalog has a problem Parse finds on line 5 and one on line 7.
	malformedCatalog = `family: acme
codes:
  kind: int
  carriers: {json: [code]}
  mesage: typo
  documented:
    - {value: 10O1, message: Letter O.}
`
	errcodePage = "Error codes\n\n1001 Widget is broken. Replace the widget.\n1002 Service is busy. Try again later.\n"
	// malformedPage lists 1001 twice.
	malformedPage = "Error codes\n\n1001 Widget is broken.\n1002 Busy.\n01001 Widget broke again.\n"
)

func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		code       int
		stderrHave string
	}{
		{nil, 2, "usage: errcodevet catalog <command> [arguments]"},
		{[]string{"-h"}, 0, "usage: errcodevet catalog <command> [arguments]"},
		{[]string{"help"}, 0, "The commands are:"},
		{[]string{"lsit"}, 2, "errcodevet catalog: unknown command \"lsit\"\n\nusage: errcodevet catalog"},
		{[]string{"list", "-h"}, 0, "usage: errcodevet catalog list [-json] [-catalog file,...] [family]"},
		{[]string{"list", "-x"}, 2, "flag provided but not defined: -x\nusage: errcodevet catalog list"},
		{[]string{"list", "wechat", "miniprogram"}, 2, "errcodevet catalog list: want at most one family, got [\"wechat\" \"miniprogram\"]\nusage: errcodevet catalog list"},
		{[]string{"check"}, 2, "errcodevet catalog check: no catalog files to check\nusage: errcodevet catalog check file.yaml..."},
		{[]string{"check", "-help"}, 0, "usage: errcodevet catalog check file.yaml..."},
		{[]string{"import"}, 2, "errcodevet catalog import: want one page file, got 0\nusage: errcodevet catalog import [-review review.yaml] [-o out.yaml] page.txt"},
		{[]string{"import", "a.txt", "b.txt"}, 2, "errcodevet catalog import: want one page file, got 2"},
		{[]string{"import", "-o"}, 2, "flag needs an argument: -o"},
		{[]string{"import", "-h"}, 0, "-review file\n"},
	} {
		code, stdout, stderr := run(tc.args...)
		if code != tc.code || stdout != "" || !strings.Contains(stderr, tc.stderrHave) {
			t.Errorf("catalog %q: exit %d, stdout %q, stderr:\n%s\nwant exit %d, no stdout, stderr with %q",
				tc.args, code, stdout, stderr, tc.code, tc.stderrHave)
		}
	}
}

func TestListFamilies(t *testing.T) {
	code, stdout, stderr := run("list")
	want := `FAMILY       CODES  STATUSES  PACKAGE                                       TITLE
wechat       1865   -         github.com/errcodevet/errcodevet/wechat       WeChat Official Account
miniprogram  44     4         github.com/errcodevet/errcodevet/miniprogram  Mini Program OpenAPI
wecom        1251   -         github.com/errcodevet/errcodevet/wecom        WeCom
wechatpay    49     12        github.com/errcodevet/errcodevet/wechatpay    WeChat Pay
alipay       39     4         github.com/errcodevet/errcodevet/alipay       Alipay OpenAPI (classic)
`
	if code != 0 || stdout != want || stderr != "" {
		t.Errorf("catalog list: exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, stderr, stdout, want)
	}
}

func TestListMiniProgram(t *testing.T) {
	code, stdout, stderr := run("list", "miniprogram")
	want := `VALUE                         CONSTANT                               RETRY           MESSAGE
PROCESS_FAIL                  miniprogram.ProcessFail                never           a general business failure occurred
PARAM_ILLEGAL                 miniprogram.ParamIllegal               never           illegal parameters
INVALID_API                   miniprogram.InvalidAPI                 never           the called API is invalid or not active
ACCESS_DENIED                 miniprogram.AccessDenied               unstated        access is denied
REQUEST_TRAFFIC_EXCEED_LIMIT  miniprogram.RequestTrafficExceedLimit  reduce-traffic  the request traffic exceeds the limit
EXPIRED_ACCESS_TOKEN          miniprogram.ExpiredAccessToken         renew-token     the access token is expired
UNKNOWN_EXCEPTION             miniprogram.UnknownException           retry           an API calling is failed, which is caused by unknown reasons
SUCCESS                       miniprogram.Success                    unstated        success
ACCEPT                        miniprogram.Accept                     unstated        accepted, further action required
USER_NOT_EXIST                miniprogram.UserNotExist               unstated        user does not exist
CURRENCY_NOT_SUPPORT          miniprogram.CurrencyNotSupport         unstated        currency not supported
PAYMENT_AMOUNT_EXCEED_LIMIT   miniprogram.PaymentAmountExceedLimit   unstated        payment amount exceeds limit
USER_AMOUNT_EXCEED_LIMIT      miniprogram.UserAmountExceedLimit      unstated        user amount exceeds limit
REPEAT_REQ_INCONSISTENT       miniprogram.RepeatReqInconsistent      unstated        duplicate request with inconsistent data
AUTH_CODE_ALREADY_USED        miniprogram.AuthCodeAlreadyUsed        unstated        auth code already used
PARTNER_STATUS_ABNORMAL       miniprogram.PartnerStatusAbnormal      unstated        partner status abnormal
USER_STATUS_ABNORMAL          miniprogram.UserStatusAbnormal         unstated        user status abnormal
PARTNER_NOT_EXIST             miniprogram.PartnerNotExist            unstated        partner does not exist
INVALID_ACCESS_TOKEN          miniprogram.InvalidAccessToken         renew-token     access token is invalid
RISK_REJECT                   miniprogram.RiskReject                 unstated        transaction rejected by risk engine
ORDER_NOT_EXIST               miniprogram.OrderNotExist              unstated        the order does not exist
NO_INTERFACE_DEF              miniprogram.NoInterfaceDef             unstated        API is not defined
MSG_PARSE_ERROR               miniprogram.MsgParseError              unstated        message parse error
FUNCTION_NOT_MATCH            miniprogram.FunctionNotMatch           unstated        function parameter does not match API
INVALID_CLIENT                miniprogram.InvalidClient              never           invalid client
INVALID_SIGNATURE             miniprogram.InvalidSignature           unstated        signature is invalid
INVALID_CLIENT_STATUS         miniprogram.InvalidClientStatus        never           invalid client status
CANCEL_WINDOW_EXCEED          miniprogram.CancelWindowExceed         unstated        cancellation date is beyond the agreed contract period
KEY_NOT_FOUND                 miniprogram.KeyNotFound                unstated        key not found
CLIENT_INVALID                miniprogram.ClientInvalid              never           invalid client
METHOD_NOT_SUPPORTED          miniprogram.MethodNotSupported         unstated        HTTP method not supported
MERCHANT_BALANCE_NOT_ENOUGH   miniprogram.MerchantBalanceNotEnough   unstated        insufficient merchant balance
MULTI_REFUND_NOT_ALLOWED      miniprogram.MultiRefundNotAllowed      unstated        multiple refunds not permitted
REFUND_NOT_ALLOWED            miniprogram.RefundNotAllowed           unstated        refunds not allowed for this order
ORDER_STATUS_INVALID          miniprogram.OrderStatusInvalid         never           invalid order status
REFUND_WINDOW_EXCEED          miniprogram.RefundWindowExceed         unstated        refund window exceeded
REFUND_AMOUNT_EXCEED          miniprogram.RefundAmountExceed         unstated        total refund exceeds payment amount
REFUND_NOT_EXIST              miniprogram.RefundNotExist             unstated        refund not yet accepted or does not exist
ORDER_UNSUPPORTED_OPERATION   miniprogram.OrderUnsupportedOperation  unstated        the order does not support void
VOID_BILL_NOT_EXIST           miniprogram.VoidBillNotExist           unstated        the void order does not exist
INVALID_AUTH_CLIENT           miniprogram.InvalidAuthClient          unstated        client authentication failed
EXPIRED_CODE                  miniprogram.ExpiredCode                unstated        authorization code no longer valid
USED_REFRESH_TOKEN            miniprogram.UsedRefreshToken           unstated        refresh token already consumed
PAYMENT_IN_PROCESS            -                                      unstated        (known value, no documented text)

STATUS  CONSTANT                    RETRY     MESSAGE
S       miniprogram.StatusSuccess   unstated  success
F       miniprogram.StatusFailure   unstated  failure
U       miniprogram.StatusUnknown   retry     unknown outcome
A       miniprogram.StatusAccepted  unstated  accepted
`
	if code != 0 || stdout != want || stderr != "" {
		t.Errorf("catalog list miniprogram: exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, stderr, stdout, want)
	}
}

// TestListWeChat checks every WeChat code is listed, in aligned columns.
func TestListWeChat(t *testing.T) {
	code, stdout, stderr := run("list", "wechat")
	if code != 0 || stderr != "" {
		t.Fatalf("catalog list wechat: exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != 1+1865 {
		t.Errorf("%d lines, want a header and 1865 codes", len(lines))
	}
	header := lines[0]
	columns := []int{0, strings.Index(header, "CONSTANT"), strings.Index(header, "RETRY"), strings.Index(header, "MESSAGE")}
	for _, line := range lines[1:] {
		for _, col := range columns[1:] {
			if col >= len(line) || line[col-1] != ' ' || line[col] == ' ' {
				t.Errorf("line not aligned with the header at column %d:\n%s\n%s", col, header, line)
				break
			}
		}
	}
	for _, want := range []string{
		"42001    wechat.AccessTokenExpired                             renew-token     access_token expired\n",
		"45011    wechat.APIFrequencyTooHigh                            reduce-traffic  API is called at a high frequency\n",
		"-1       wechat.SystemBusy                                     retry           system is busy\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("catalog list wechat has no line %q", want)
		}
	}
}

func TestListWithCatalogFiles(t *testing.T) {
	inTempDir(t, "acme.yaml", acmeCatalog, "acme-ext.yaml", acmeExtension, "bad.yaml", malformedCatalog)
	want := `VALUE  CONSTANT    RETRY           MESSAGE
0      codes.OK    unstated        success
1001   codes.Busy  retry           service busy
1002   -           reduce-traffic  quota exhausted
`
	for _, args := range [][]string{
		{"list", "-catalog", "acme.yaml,acme-ext.yaml", "acme"},
		{"list", "-catalog", "acme.yaml", "-catalog", "acme-ext.yaml", "acme"},
	} {
		code, stdout, stderr := run(args...)
		if code != 0 || stdout != want || stderr != "" {
			t.Errorf("catalog %q: exit %d, stderr %q, stdout:\n%s\nwant:\n%s", args, code, stderr, stdout, want)
		}
	}

	code, stdout, stderr := run("list", "-catalog", "acme.yaml")
	if code != 0 || !strings.Contains(stdout, "\nacme         2      -         example.com/acme/codes") || stderr != "" {
		t.Errorf("catalog list -catalog acme.yaml: exit %d, stderr %q, stdout:\n%s", code, stderr, stdout)
	}

	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"list", "-catalog", "bad.yaml", "acme"},
			"bad.yaml:5:3: unknown field \"mesage\" in codes (want one of: kind, field, carriers, success, documented, known)\n" +
				"bad.yaml:7:7: value \"10O1\" is not an integer\n"},
		{[]string{"list", "-catalog", "acme-ext.yaml,acme.yaml"},
			"acme-ext.yaml: extends unknown family \"acme\" (known: wechat(1865 codes), miniprogram(44 codes), wecom(1251 codes), wechatpay(49 codes), alipay(39 codes))\n"},
		{[]string{"list", "-catalog", "missing.yaml"},
			"open missing.yaml: no such file or directory\n"},
		{[]string{"list", "acme"},
			"errcodevet catalog list: no family \"acme\"; the families are wechat, miniprogram, wecom, wechatpay, alipay\n"},
	} {
		code, stdout, stderr := run(tc.args...)
		if code != 1 || stdout != "" || stderr != tc.stderr {
			t.Errorf("catalog %q: exit %d, stdout %q, stderr:\n%s\nwant exit 1, stderr:\n%s", tc.args, code, stdout, stderr, tc.stderr)
		}
	}
}

func TestCheck(t *testing.T) {
	inTempDir(t,
		"acme.yaml", acmeCatalog,
		"acme-ext.yaml", acmeExtension,
		"bad.yaml", malformedCatalog,
		"wechat.yaml", "extends: wechat\ncodes:\n  documented:\n    - {value: 42001, message: Expired.}\n",
	)
	for _, tc := range []struct {
		files  []string
		code   int
		stderr string
	}{
		{[]string{"acme.yaml"}, 0, ""},
		{[]string{"acme.yaml", "acme-ext.yaml"}, 0, ""},
		{[]string{"bad.yaml"}, 1,
			"bad.yaml:5:3: unknown field \"mesage\" in codes (want one of: kind, field, carriers, success, documented, known)\n" +
				"bad.yaml:7:7: value \"10O1\" is not an integer\n"},
		// Every file is parsed and reported, not just the first bad one.
		{[]string{"bad.yaml", "acme.yaml", "missing.yaml"}, 1,
			"bad.yaml:5:3: unknown field \"mesage\" in codes (want one of: kind, field, carriers, success, documented, known)\n" +
				"bad.yaml:7:7: value \"10O1\" is not an integer\n" +
				"open missing.yaml: no such file or directory\n"},
		// Files are loaded in order: an extension comes after its family.
		{[]string{"acme-ext.yaml", "acme.yaml"}, 1,
			"acme-ext.yaml: extends unknown family \"acme\" (known: wechat(1865 codes), miniprogram(44 codes), wecom(1251 codes), wechatpay(49 codes), alipay(39 codes))\n"},
		{[]string{"wechat.yaml"}, 1, "wechat.yaml:4:7: value \"42001\" is already in family wechat\n"},
		{[]string{"acme.yaml", "acme.yaml"}, 1, "acme.yaml: family \"acme\" is already declared; use \"extends: acme\" to add to it\n"},
	} {
		code, stdout, stderr := run(append([]string{"check"}, tc.files...)...)
		if code != tc.code || stdout != "" || stderr != tc.stderr {
			t.Errorf("catalog check %q: exit %d, stdout %q, stderr:\n%s\nwant exit %d, stderr:\n%s", tc.files, code, stdout, stderr, tc.code, tc.stderr)
		}
	}
}

func TestImportToStdout(t *testing.T) {
	inTempDir(t, "acme.txt", errcodePage, "acme.review.yaml", "family: acme\ncodes:\n  carriers: {fields: [example.com/acme.Response.Code]}\n")
	code, stdout, stderr := run("import", "-review", "acme.review.yaml", "acme.txt")
	want := `# Imported by errcodevet catalog import from acme.txt and acme.review.yaml.
# The format is documented in package github.com/errcodevet/errcodevet/catalog.
family: acme
codes:
  kind: int
  carriers:
    fields:
      - example.com/acme.Response.Code
  documented:
    - value: 1001
      name: WidgetBroken
      message: Widget is broken. Replace the widget.
      action: Replace the widget.
      retry: unstated
    - value: 1002
      name: ServiceBusy
      message: Service is busy. Try again later.
      action: Try again later.
      retry: retry
`
	if code != 0 || stdout != want || stderr != "" {
		t.Errorf("catalog import acme.txt: exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, stderr, stdout, want)
	}
}

// TestImportProposals imports pages with no review: the proposal uses Go's
// initialisms, marks the documented success value, and is refused, with
// the way out, where its format's carrier is a built-in family's.
func TestImportProposals(t *testing.T) {
	inTempDir(t, "acme.txt", "0 OK\n1001 Widget is broken\n")
	code, stdout, stderr := run("import", "acme.txt")
	want := `acme.txt (imported):3:3: json tag "errcode" already carries family wechat's codes (catalog/builtin/wechat.yaml:12:3): a carrier holds one table's values; name a carrier of your own (a field or type path), or name your family's clients (clients:) to share it
name the family's own carriers (the fields or types of its SDK) in a review file: -review file.yaml
`
	if code != 1 || stdout != "" || stderr != want {
		t.Errorf("catalog import acme.txt: exit %d, stdout %q, stderr:\n%s\nwant:\n%s", code, stdout, stderr, want)
	}
	inTempDir(t, "acme.txt", "0 OK\n1001 Widget is broken\n", "acme.review.yaml", "codes:\n  carriers: {types: [example.com/acme.Code]}\n")
	code, stdout, stderr = run("import", "-review", "acme.review.yaml", "acme.txt")
	for _, line := range []string{"  success: [0]\n", "    - value: 0\n      name: OK\n"} {
		if !strings.Contains(stdout, line) {
			t.Errorf("catalog import: exit %d, stderr %q; stdout lacks %q:\n%s", code, stderr, line, stdout)
		}
	}
}

func TestImportToFile(t *testing.T) {
	inTempDir(t,
		"acme.txt", errcodePage,
		"acme.review.yaml", "family: acme\npackage: example.com/acme/codes\ncodes:\n  carriers: {json: [code]}\nnames:\n  \"1001\": WidgetFailure\n",
		"acme.yaml", "old content\n",
	)
	code, stdout, stderr := run("import", "-review", "acme.review.yaml", "-o", "acme.yaml", "acme.txt")
	if code != 0 || stdout != "" || stderr != "" {
		t.Fatalf("catalog import -o: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	data, err := os.ReadFile("acme.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "# Imported by errcodevet catalog import from acme.txt and acme.review.yaml.\n") {
		t.Errorf("acme.yaml header:\n%s", data)
	}
	f, err := catalog.Parse("acme.yaml", data)
	if err != nil {
		t.Fatalf("the written catalog does not parse: %v\n%s", err, data)
	}
	if f.Package != "example.com/acme/codes" || f.Codes.Documented[0].Name != "WidgetFailure" || f.Codes.Carriers.JSON[0] != "code" {
		t.Errorf("the review was not applied:\n%s", data)
	}
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 {
		t.Errorf("the directory holds %d files, want the 3 it had (a temporary file left?)", len(entries))
	}
	// The written file is a valid catalog file for the other commands.
	if code, _, stderr := run("check", "acme.yaml"); code != 0 {
		t.Errorf("catalog check of the imported file: exit %d, %s", code, stderr)
	}
}

func TestImportErrors(t *testing.T) {
	inTempDir(t,
		"bad.txt", malformedPage,
		"acme.txt", errcodePage,
		"bad.review.yaml", "family: acme\nretry:\n  \"1001\": {class: never}\n",
		"acme.review.yaml", "family: acme\ncodes:\n  carriers: {json: [code]}\n",
		"out.yaml", "old content\n",
	)
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"import", "-o", "out.yaml", "bad.txt"}, "bad.txt:5: value 01001 already listed at line 3\n"},
		{[]string{"import", "missing.txt"}, "open missing.txt: no such file or directory\n"},
		{[]string{"import", "-review", "missing.yaml", "acme.txt"}, "open missing.yaml: no such file or directory\n"},
		{[]string{"import", "-review", "bad.review.yaml", "-o", "out.yaml", "acme.txt"}, "bad.review.yaml: retry override of 1001 needs a reason (why)\n"},
		{[]string{"import", "-review", "acme.review.yaml", "-o", "no-such-dir/out.yaml", "acme.txt"}, "open no-such-dir/"},
	} {
		code, stdout, stderr := run(tc.args...)
		if code != 1 || stdout != "" || !strings.HasPrefix(stderr, tc.stderr) {
			t.Errorf("catalog %q: exit %d, stdout %q, stderr:\n%s\nwant exit 1, stderr:\n%s", tc.args, code, stdout, stderr, tc.stderr)
		}
	}
	// A failed import leaves the output file as it was.
	if data, err := os.ReadFile("out.yaml"); err != nil || string(data) != "old content\n" {
		t.Errorf("out.yaml after failed imports: %q, %v", data, err)
	}
}

func TestListJSON(t *testing.T) {
	code, stdout, stderr := run("list", "-json")
	var fams []struct {
		Name            string
		Codes, Statuses int
	}
	if err := json.Unmarshal([]byte(stdout), &fams); code != 0 || err != nil || len(fams) < 2 || fams[0].Name != "wechat" || fams[0].Codes == 0 {
		t.Fatalf("list -json: exit %d, %v, stderr %q\n%s", code, err, stderr, stdout)
	}
	code, stdout, stderr = run("list", "-json", "miniprogram")
	var fam struct {
		Name            string
		Codes, Statuses []struct {
			Value, Constant, Retry string
			Documented, Success    bool
		}
	}
	if err := json.Unmarshal([]byte(stdout), &fam); code != 0 || err != nil {
		t.Fatalf("list -json miniprogram: exit %d, %v, stderr %q\n%s", code, err, stderr, stdout)
	}
	found := false
	for _, c := range fam.Codes {
		if c.Value == "PARAM_ILLEGAL" {
			found = c.Constant == "miniprogram.ParamIllegal" && c.Retry == "never" && c.Documented
		}
	}
	if !found || len(fam.Statuses) == 0 {
		t.Errorf("list -json miniprogram: no PARAM_ILLEGAL with its constant and retry class, or no statuses\n%s", stdout)
	}
}
