package catalog_test

import (
	"errors"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
)

// loadFiles writes each file into a fresh working directory under the name
// given, and loads them in that order after the built-ins: error positions
// then name the files as the test does.
func loadFiles(t *testing.T, files ...string) (*catalog.Catalog, error) {
	t.Helper()
	if len(files)%2 != 0 {
		t.Fatal("loadFiles wants name, content pairs")
	}
	t.Chdir(t.TempDir())
	var paths []string
	for i := 0; i < len(files); i += 2 {
		if err := os.WriteFile(files[i], []byte(files[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, files[i])
	}
	return catalog.Load(paths...)
}

// TestLoadErrors checks the problems that only show once a file meets the
// built-ins or the files before it.
func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []string // name, content pairs
		want  string
	}{
		{
			name: "success value not listed",
			files: []string{"acme.yaml", string(yamlLines(
				"family: acme",
				"codes:",
				"  kind: int",
				"  carriers: {json: [code]}",
				"  success: [0]",
				"  documented:",
				"    - {value: 1, message: Failed.}",
			))},
			want: `acme.yaml:3:3: success value "0" is not listed as documented or known`,
		},
		{
			name: "status not in the status table",
			files: []string{"acme.yaml", string(yamlLines(
				"family: acme",
				"codes:",
				"  kind: string",
				"  carriers: {json: [code]}",
				"  documented:",
				"    - {value: OK, status: S, message: Fine.}",
				"    - {value: LATE, status: L, message: Too late.}",
				"status:",
				"  carriers: {json: [status]}",
				"  documented:",
				"    - {value: S, message: Success.}",
			))},
			want: `acme.yaml:7:7: status "L" is not a value of family acme's status table`,
		},
		{
			name: "status without a status table",
			files: []string{"acme.yaml", string(yamlLines(
				"family: acme",
				"codes:",
				"  kind: string",
				"  carriers: {json: [code]}",
				"  documented:",
				"    - {value: OK, status: S, message: Fine.}",
			))},
			want: `acme.yaml:6:7: status "S" is not a value of family acme's status table`,
		},
		{
			name: "extension status not in the status table",
			files: []string{"mp.yaml", string(yamlLines(
				"extends: miniprogram",
				"codes:",
				"  documented:",
				"    - {value: ORDER_CLOSED, status: F, message: The order is closed.}",
				"    - {value: ORDER_PENDING, status: P, message: The order is pending.}",
			))},
			want: `mp.yaml:5:7: status "P" is not a value of family miniprogram's status table`,
		},
		{
			name: "extension alias repeats a built-in name",
			files: []string{"wx.yaml", string(yamlLines(
				"extends: wechat",
				"codes:",
				"  documented:",
				"    - {value: 99999001, name: AcmeFailure, aliases: [AccessTokenExpired], message: Failed.}",
			))},
			want: `wx.yaml:4:7: name AccessTokenExpired is already used in family wechat`,
		},
		{
			name: "claims a built-in family's carrier",
			files: []string{"acme.yaml", string(yamlLines(
				"family: acme",
				"codes:",
				"  kind: int",
				"  carriers: {json: [errcode, code], map-keys: [acmeStatus]}",
				"  documented:",
				"    - {value: 1, message: Failed.}",
			))},
			want: `acme.yaml:3:3: json tag "errcode" already carries family wechat's codes (catalog/builtin/wechat.yaml:12:3): a carrier holds one table's values; name a carrier of your own (a field or type path), or name your family's clients (clients:) to share it`,
		},
		{
			name: "claims a carrier of an earlier file",
			files: []string{
				"acme.yaml", string(yamlLines(
					"family: acme",
					"codes:",
					"  kind: int",
					"  carriers: {json: [code]}",
					"  documented:",
					"    - {value: 1, message: Failed.}",
					"status:",
					"  carriers: {fields: [example.com/acme.Response.State]}",
					"  documented:",
					"    - {value: S, message: Success.}",
				)),
				"zeta.yaml", string(yamlLines(
					"family: zeta",
					"codes:",
					"  kind: string",
					"  carriers: {fields: [example.com/acme.Response.State]}",
					"  documented:",
					"    - {value: X, message: Failed.}",
				)),
			},
			want: `zeta.yaml:3:3: field "example.com/acme.Response.State" already carries family acme's statuses (acme.yaml:8:3): a carrier holds one table's values; name a carrier of your own (a field or type path)`,
		},
		{
			name: "one family's code and status tables share a carrier",
			files: []string{"acme.yaml", string(yamlLines(
				"family: acme",
				"codes:",
				"  kind: string",
				"  carriers: {json: [result]}",
				"  documented:",
				"    - {value: OK, message: Fine.}",
				"status:",
				"  carriers: {json: [result]}",
				"  documented:",
				"    - {value: S, message: Success.}",
			))},
			want: `acme.yaml:3:3: json tag "result" already carries family acme's statuses (acme.yaml:8:3): a carrier holds one table's values; name a carrier of your own (a field or type path)`,
		},
		{
			name: "extends an unknown family",
			files: []string{"acme.yaml", string(yamlLines(
				"extends: acme",
				"codes:",
				"  documented:",
				"    - {value: 1, message: Failed.}",
			))},
			want: `acme.yaml: extends unknown family "acme" (known: BUILTIN)`,
		},
		{
			name: "extends a family declared by a later file",
			files: []string{
				"ext.yaml", string(yamlLines(
					"extends: acme",
					"codes:",
					"  documented:",
					"    - {value: 2, message: Failed again.}",
				)),
				"acme.yaml", string(yamlLines(
					"family: acme",
					"codes:",
					"  kind: int",
					"  carriers: {json: [code]}",
					"  documented:",
					"    - {value: 1, message: Failed.}",
				)),
			},
			want: `ext.yaml: extends unknown family "acme" (known: BUILTIN)`,
		},
		{
			name: "declares wechat again",
			files: []string{"wechat.yaml", string(yamlLines(
				"family: wechat",
				"codes:",
				"  kind: int",
				"  carriers: {json: [errcode]}",
				"  documented:",
				"    - {value: 99001, message: Custom failure.}",
			))},
			want: `wechat.yaml: family "wechat" is already declared; use "extends: wechat" to add to it`,
		},
		{
			name: "declares a user family twice",
			files: []string{
				"a.yaml", "family: acme\ncodes: {kind: int, carriers: {json: [code]}}\n",
				"b.yaml", "family: acme\ncodes: {kind: int, carriers: {json: [code]}}\n",
			},
			want: `b.yaml: family "acme" is already declared; use "extends: acme" to add to it`,
		},
		{
			name: "repeats a built-in value",
			files: []string{"ext.yaml", string(yamlLines(
				"extends: wechat",
				"codes:",
				"  documented:",
				"    - {value: 42001, name: TokenExpired, message: Token expired.}",
			))},
			want: `ext.yaml:4:7: value "42001" is already in family wechat`,
		},
		{
			// The file does not repeat the family's kind: the value is
			// still read as the family's int.
			name: "repeats a built-in value, written differently",
			files: []string{"ext.yaml", string(yamlLines(
				"extends: wechat",
				"codes:",
				"  documented:",
				"    - {value: 042001, name: TokenExpired, message: Token expired.}",
			))},
			want: `ext.yaml:4:7: value "42001" is already in family wechat`,
		},
		{
			name: "extension value not an integer",
			files: []string{"ext.yaml", string(yamlLines(
				"extends: wechat",
				"codes:",
				"  documented:",
				"    - {value: 4200l, name: TokenExpired, message: Token expired.}",
				"  known:",
				"    - {value: \"\"}",
			))},
			want: `ext.yaml:4:7: value "4200l" is not an integer, as family wechat's codes are` + "\n" +
				`ext.yaml:6:7: value "" is not an integer, as family wechat's codes are`,
		},
		{
			name: "repeats a built-in name",
			files: []string{"ext.yaml", string(yamlLines(
				"extends: wechat",
				"codes:",
				"  documented:",
				"    - {value: 99001, name: AccessTokenExpired, message: Token expired.}",
			))},
			want: `ext.yaml:4:7: name AccessTokenExpired is already used in family wechat`,
		},
		{
			name: "repeats a built-in status name",
			files: []string{"ext.yaml", string(yamlLines(
				"extends: miniprogram",
				"codes:",
				"  known:",
				"    - {value: ORDER_CLOSED, name: StatusUnknown}",
			))},
			want: `ext.yaml:4:7: name StatusUnknown is already used in family miniprogram`,
		},
		{
			name: "repeats a built-in known value",
			files: []string{"ext.yaml", string(yamlLines(
				"extends: miniprogram",
				"codes:",
				"  known:",
				"    - {value: PAYMENT_IN_PROCESS}",
			))},
			want: `ext.yaml:4:7: value "PAYMENT_IN_PROCESS" is already in family miniprogram`,
		},
		{
			name: "repeats a value of an earlier extension",
			files: []string{
				"a.yaml", "extends: wechat\ncodes:\n  known: [{value: 99001}]\n",
				"b.yaml", "extends: wechat\ncodes:\n  known: [{value: 99001}]\n",
			},
			want: `b.yaml:3:11: value "99001" is already in family wechat`,
		},
		{
			name: "extension of another kind",
			files: []string{"ext.yaml", string(yamlLines(
				"extends: wechat",
				"codes:",
				"  kind: string",
				"  known: [{value: OK}]",
			))},
			want: `ext.yaml:3:3: kind "string" differs from family wechat's "int"`,
		},
		{
			name: "extension success value not listed",
			files: []string{"ext.yaml", string(yamlLines(
				"extends: wechat",
				"codes:",
				"  success: [99001]",
			))},
			want: `ext.yaml:3:3: success value "99001" is not listed as documented or known`,
		},
		{
			name: "every file's problems are reported",
			files: []string{
				"a.yaml", "extends: wechat\ncodes:\n  known: [{value: 0}]\n",
				"b.yaml", "extends: miniprogram\ncodes:\n  known: [{value: SUCCESS}]\n",
			},
			want: `a.yaml:3:11: value "0" is already in family wechat` + "\n" +
				`b.yaml:3:11: value "SUCCESS" is already in family miniprogram`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cat, err := loadFiles(t, tc.files...)
			if err == nil {
				t.Fatalf("Load succeeded (%v); want error:\n%s", cat, tc.want)
			}
			builtin, err2 := catalog.Builtin()
			if err2 != nil {
				t.Fatal(err2)
			}
			// The built-in families, as the message lists them.
			want := strings.ReplaceAll(tc.want, "BUILTIN", builtin.String())
			if got := err.Error(); got != want {
				t.Errorf("Load error:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	cat, err := catalog.Load("testdata/no-such-catalog.yaml")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load of a missing file: %v, %v; want an error that is fs.ErrNotExist", cat, err)
	}
}

func TestLoadNothingIsBuiltin(t *testing.T) {
	builtin, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := catalog.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := loaded.String(), builtin.String(); got != want {
		t.Errorf("Load() = %s, Builtin() = %s", got, want)
	}
	if got, want := loaded.String(), "wechat(1865 codes), miniprogram(44 codes), wecom(1251 codes), wechatpay(49 codes), alipay(39 codes)"; got != want {
		t.Errorf("Load() = %s, want %s", got, want)
	}
}

func TestExtendWeChat(t *testing.T) {
	cat, err := loadFiles(t, "sdk.yaml", string(yamlLines(
		"extends: wechat",
		"package: example.com/sdk/errcodes",
		"codes:",
		"  carriers:",
		"    json: [err_code]",
		"    fields: [example.com/sdk.Response.Code]",
		"    types: [example.com/sdk.ErrCode]",
		"    map-keys: [err_code]",
		"  documented:",
		"    - value: 99001",
		"      name: QuotaExhausted",
		"      message: Quota exhausted. Try again later.",
		"      retry: retry",
		"  known:",
		"    - value: +099002",
	)))
	if err != nil {
		t.Fatal(err)
	}
	fam := cat.Family("wechat")
	wantCarriers := catalog.Carriers{
		JSON:    []string{"errcode", "err_code"},
		Fields:  []string{"example.com/sdk.Response.Code"},
		Types:   []string{"example.com/sdk.ErrCode"},
		MapKeys: []string{"errcode", "err_code"},
	}
	for _, c := range []struct {
		what      string
		got, want []string
	}{
		{"json", fam.Codes.Carriers.JSON, wantCarriers.JSON},
		{"fields", fam.Codes.Carriers.Fields, wantCarriers.Fields},
		{"types", fam.Codes.Carriers.Types, wantCarriers.Types},
		{"map-keys", fam.Codes.Carriers.MapKeys, wantCarriers.MapKeys},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s carriers = %q, want %q", c.what, c.got, c.want)
		}
	}

	for _, tc := range []struct {
		value string
		want  catalog.Code
	}{
		{"99001", catalog.Code{
			Value: "99001", Name: "QuotaExhausted", Message: "Quota exhausted. Try again later.",
			Retry: catalog.RetryLater, Documented: true, Package: "example.com/sdk/errcodes",
		}},
		{"99002", catalog.Code{Value: "99002", Retry: catalog.RetryUnstated}},
		// The built-ins keep their own package.
		{"42001", catalog.Code{
			Value: "42001", Name: "AccessTokenExpired",
			Message:    "access_token expired. Check the validity period of access_token. See Get access_token API in Basic Support for details.",
			Action:     "Check the validity period of access_token. See Get access_token API in Basic Support for details.",
			Retry:      catalog.RetryRenewToken,
			Source:     "vendor: https://developers.weixin.qq.com/doc/offiaccount/en/Getting_Started/Global_Return_Code.html",
			Documented: true, Package: "github.com/errcodevet/errcodevet/wechat",
		}},
	} {
		got := fam.Codes.Lookup(tc.value)
		if got == nil {
			t.Errorf("Lookup(%s) = nil", tc.value)
			continue
		}
		if !reflect.DeepEqual(*got, tc.want) {
			t.Errorf("Lookup(%s) = %+v\nwant %+v", tc.value, *got, tc.want)
		}
	}
	if got, want := len(fam.Codes.Codes), 1865+2; got != want {
		t.Errorf("wechat has %d codes, want %d", got, want)
	}
	if !fam.Codes.IsSuccess("0") || fam.Codes.IsSuccess("99002") {
		t.Errorf("success values %q, want [0]", fam.Codes.Success)
	}
	if fam.Package != "github.com/errcodevet/errcodevet/wechat" {
		t.Errorf("extension changed the family's package to %s", fam.Package)
	}
}

func TestExtensionPackage(t *testing.T) {
	cat, err := loadFiles(t,
		"acme.yaml", string(yamlLines(
			"family: acme",
			"package: example.com/acme/codes",
			"codes:",
			"  kind: string",
			"  carriers: {json: [code]}",
			"  documented:",
			"    - {value: FAILED, name: Failed, message: Failed.}",
		)),
		"acme-ext.yaml", string(yamlLines(
			"extends: acme",
			"codes:",
			"  documented:",
			"    - {value: EXPIRED, name: Expired, message: Expired.}",
		)),
		"acme-ext2.yaml", string(yamlLines(
			"extends: acme",
			"package: example.com/acme/more",
			"codes:",
			"  documented:",
			"    - {value: LOCKED, name: Locked, message: Locked.}",
			"    - {value: UNNAMED, message: No constant.}",
		)),
		"mp.yaml", string(yamlLines(
			"extends: miniprogram",
			"package: example.com/mp/results",
			"codes:",
			"  documented:",
			"    - {value: ORDER_CLOSED, name: OrderClosed, status: F, message: The order is closed.}",
		)),
	)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		family, value, pkg string
	}{
		{"acme", "FAILED", "example.com/acme/codes"},
		// An extension that names no package declares no constants: the
		// family's package does not have them.
		{"acme", "EXPIRED", ""},
		{"acme", "LOCKED", "example.com/acme/more"},
		{"acme", "UNNAMED", ""},
		{"miniprogram", "ORDER_CLOSED", "example.com/mp/results"},
		{"miniprogram", "PROCESS_FAIL", "github.com/errcodevet/errcodevet/miniprogram"},
	} {
		c := cat.Family(tc.family).Codes.Lookup(tc.value)
		if c == nil {
			t.Errorf("%s %s missing", tc.family, tc.value)
			continue
		}
		if c.Package != tc.pkg {
			t.Errorf("%s %s: package %q, want %q", tc.family, tc.value, c.Package, tc.pkg)
		}
	}
	if got := cat.Family("miniprogram").Codes.Lookup("ORDER_CLOSED").Status; got != "F" {
		t.Errorf("ORDER_CLOSED status %q, want F", got)
	}
	if got := cat.Family("acme").Package; got != "example.com/acme/codes" {
		t.Errorf("acme package %q", got)
	}
}

func TestNewFamilyWithStatus(t *testing.T) {
	cat, err := loadFiles(t, "acme.yaml", string(yamlLines(
		"family: acme",
		"title: ACME Pay",
		"package: example.com/acme/codes",
		"codes:",
		"  kind: string",
		"  carriers: {json: [errorCode]}",
		"  success: [OK]",
		"  documented:",
		"    - {value: RATE_LIMITED, name: RateLimited, status: F, message: Too many requests., action: Slow down., retry: reduce-traffic}",
		"  known:",
		"    - value: OK",
		"status:",
		"  field: pay_status",
		"  carriers: {json: [status]}",
		"  success: [S]",
		"  documented:",
		"    - {value: S, message: Success.}",
		"    - {value: F, message: Failed.}",
	)))
	if err != nil {
		t.Fatal(err)
	}
	fam := cat.Family("acme")
	if fam == nil {
		t.Fatalf("no family acme in %v", cat)
	}
	if fam.Title != "ACME Pay" || fam.Codes.Kind != catalog.KindString || fam.Status == nil || fam.Status.Kind != catalog.KindString {
		t.Errorf("family %+v", *fam)
	}
	if got := len(fam.Tables()); got != 2 {
		t.Errorf("%d tables, want 2", got)
	}
	if fam.Codes.Role != catalog.RoleCode || fam.Status.Role != catalog.RoleStatus {
		t.Errorf("roles %v, %v", fam.Codes.Role, fam.Status.Role)
	}
	if fam.Codes.Field != "" || fam.Status.Field != "pay_status" {
		t.Errorf("fields %q, %q, want none and pay_status", fam.Codes.Field, fam.Status.Field)
	}
	want := catalog.Code{
		Value: "RATE_LIMITED", Name: "RateLimited", Message: "Too many requests.", Action: "Slow down.",
		Status: "F", Retry: catalog.RetryReduceTraffic, Documented: true, Package: "example.com/acme/codes",
	}
	if got := fam.Codes.Lookup("RATE_LIMITED"); got == nil || !reflect.DeepEqual(*got, want) {
		t.Errorf("RATE_LIMITED = %+v, want %+v", got, want)
	}
	if ok := fam.Codes.Lookup("OK"); ok == nil || ok.Documented {
		t.Errorf("OK = %+v, want a known value", ok)
	}
	if !fam.Codes.IsSuccess("OK") || !fam.Status.IsSuccess("S") || fam.Status.IsSuccess("F") {
		t.Errorf("success values: codes %q, status %q", fam.Codes.Success, fam.Status.Success)
	}
	if got := familyNames(cat); got[len(got)-1] != "acme" || len(got) != len(catalog.BuiltinFiles)+1 {
		t.Errorf("families %q, want the built-in ones, then acme", got)
	}
}

func familyNames(cat *catalog.Catalog) []string {
	var names []string
	for _, f := range cat.Families() {
		names = append(names, f.Name)
	}
	return names
}

func TestJSONCatalogFile(t *testing.T) {
	src := `{
  "family": "acme",
  "codes": {
    "kind": "int",
    "carriers": {"json": ["code"], "map-keys": ["code"]},
    "success": [0],
    "documented": [
      {"value": 0, "name": "OK", "message": "Success."},
      {"value": 1001, "name": "Busy", "message": "Busy. Try again later.", "retry": "retry"}
    ]
  }
}`
	f, err := catalog.Parse("acme.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.New(f)
	if err != nil {
		t.Fatal(err)
	}
	fam := cat.Family("acme")
	if fam == nil || fam.Codes.Kind != catalog.KindInt {
		t.Fatalf("family acme: %+v", fam)
	}
	if c := fam.Codes.Lookup("1001"); c == nil || c.Name != "Busy" || c.Retry != catalog.RetryLater {
		t.Errorf("1001 = %+v", c)
	}
	if !fam.Codes.IsSuccess("0") {
		t.Errorf("success values %q", fam.Codes.Success)
	}

	// Errors in JSON files are located as in YAML ones.
	_, err = catalog.Parse("bad.json", []byte(`{"family": "acme", "codes": {"kind": "int", "carriers": {"json": ["code"]}, "documented": [{"value": "x1", "message": "M"}]}}`))
	if want := `bad.json:1:92: value "x1" is not an integer`; err == nil || err.Error() != want {
		t.Errorf("Parse error %v, want %s", err, want)
	}
}

func TestSummary(t *testing.T) {
	for _, tc := range []struct{ message, want string }{
		{"access_token expired. Check the validity period of access_token.", "access_token expired"},
		{"API is called at a high frequency. Try again later.", "API is called at a high frequency"},
		{"System is busy. Try again later.", "system is busy"},
		{"Request successful", "request successful"},
		{"The access token is expired.", "the access token is expired"},
		{"Illegal parameters. For example, non-numeric input, invalid date.", "illegal parameters"},
		{"JSON/XML content error", "JSON/XML content error"},
		{"OK", "OK"},
		{"A", "A"},
		{"A general business failure occurred. Do not retry.", "a general business failure occurred"},
		{"Invalid request characters that are expressed in the form of \\uxxxx", "invalid request characters that are expressed in the form of \\uxxxx"},
		{"kf_account already exists", "kf_account already exists"},
		{"Up to 10 page IDs can be delete at a time", "up to 10 page IDs can be delete at a time"},
		{"", ""},
	} {
		c := &catalog.Code{Message: tc.message}
		if got := c.Summary(); got != tc.want {
			t.Errorf("Summary of %q = %q, want %q", tc.message, got, tc.want)
		}
	}
}

func TestSummaryOfBuiltins(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ family, value, want string }{
		{"wechat", "42001", "access_token expired"},
		{"wechat", "45011", "API is called at a high frequency"},
		{"wechat", "-1", "system is busy"},
		{"miniprogram", "UNKNOWN_EXCEPTION", "an API calling is failed, which is caused by unknown reasons"},
	} {
		c := cat.Family(tc.family).Codes.Lookup(tc.value)
		if c == nil {
			t.Errorf("%s %s missing", tc.family, tc.value)
			continue
		}
		if got := c.Summary(); got != tc.want {
			t.Errorf("%s %s: Summary() = %q, want %q", tc.family, tc.value, got, tc.want)
		}
	}
}

func TestRetry(t *testing.T) {
	for _, tc := range []struct {
		r           catalog.Retry
		valid       bool
		retryable   bool
		description string
	}{
		{catalog.RetryLater, true, true, "try again later"},
		{catalog.RetryRenewToken, true, true, "renew the access token, then retry"},
		{catalog.RetryReduceTraffic, true, true, "retry later with less traffic"},
		{catalog.RetryNever, true, false, "do not retry"},
		{catalog.RetryUnstated, true, false, "no retry advice documented"},
		{"sometimes", false, false, "no retry advice documented"},
		{"", false, false, "no retry advice documented"},
	} {
		if got := tc.r.Valid(); got != tc.valid {
			t.Errorf("Retry(%q).Valid() = %v", tc.r, got)
		}
		if got := tc.r.Retryable(); got != tc.retryable {
			t.Errorf("Retry(%q).Retryable() = %v", tc.r, got)
		}
		if got := tc.r.Description(); got != tc.description {
			t.Errorf("Retry(%q).Description() = %q, want %q", tc.r, got, tc.description)
		}
	}
}

// TestAPIStatuses loads result codes that several APIs document: a code
// whose APIs agree takes their status; one whose APIs differ has no status
// and no retry class (contract 2 of the retry checks: never invent one).
func TestAPIStatuses(t *testing.T) {
	cat, err := loadFiles(t, "mp.yaml", string(yamlLines(
		"extends: miniprogram",
		"codes:",
		"  documented:",
		"    - {value: ORDER_IS_CLOSED, message: The order is closed., retry: never, apis: {pay: F, capture: F}}",
		"    - {value: PAYMENT_PENDING, message: The payment is being processed., apis: {pay: U, inquiryPayment: F}}",
	)))
	if err != nil {
		t.Fatal(err)
	}
	codes := cat.Family("miniprogram").Codes
	closed := codes.Lookup("ORDER_IS_CLOSED")
	if closed.Status != "F" || closed.Retry != catalog.RetryNever ||
		!reflect.DeepEqual(closed.APIStatuses, map[string]string{"pay": "F", "capture": "F"}) {
		t.Errorf("ORDER_IS_CLOSED = %+v, want status F, retry never, both APIs", *closed)
	}
	pending := codes.Lookup("PAYMENT_PENDING")
	if pending.Status != "" || pending.Retry != catalog.RetryUnstated ||
		!reflect.DeepEqual(pending.APIStatuses, map[string]string{"pay": "U", "inquiryPayment": "F"}) {
		t.Errorf("PAYMENT_PENDING = %+v, want no status, retry unstated, both APIs", *pending)
	}

	for _, tc := range []struct{ entry, want string }{
		{"{value: X, message: M., status: U, apis: {pay: U, refund: F}}",
			"mp.yaml:4:7: X has status U, but its APIs differ (pay: U, refund: F): leave the status out"},
		{"{value: X, message: M., retry: retry, apis: {pay: U, refund: F}}",
			"mp.yaml:4:7: X has retry class retry, but its APIs differ (pay: U, refund: F): the retry checks must not pick one"},
		{"{value: X, message: M., status: U, apis: {pay: F, refund: F}}",
			"mp.yaml:4:7: X has status U, but its APIs give F"},
		{"{value: X, message: M., apis: {pay: Q}}",
			`mp.yaml:4:7: API pay gives X status "Q", which is not a value of family miniprogram's status table`},
		{"{value: X, message: M., apis: [pay]}",
			"mp.yaml:4:37: codes.documented entry apis must be a map of API names to status letters, such as {pay: U, inquiryPayment: F}"},
		{"{value: X, message: M., apis: {pay-v2: U}}",
			`mp.yaml:4:38: API name "pay-v2" is not an identifier such as inquiryPayment`},
	} {
		_, err := loadFiles(t, "mp.yaml", string(yamlLines(
			"extends: miniprogram",
			"codes:",
			"  documented:",
			"    - "+tc.entry,
		)))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: error\n%v\nwant\n%s", tc.entry, err, tc.want)
		}
	}
}

// TestLoadLeavesBuiltinsAlone checks that extending a built-in family
// builds a catalog of its own: the built-in files are shared data, and a
// second load of the same extension would find its codes already there
// if the first had added them to the built-ins.
func TestLoadLeavesBuiltinsAlone(t *testing.T) {
	ext := string(yamlLines(
		"extends: wechat",
		"codes:",
		"  documented:",
		"    - {value: 99999001, name: AcmeQuota, message: Quota exhausted.}",
	))
	for range 2 {
		cat, err := loadFiles(t, "ext.yaml", ext)
		if err != nil {
			t.Fatal(err)
		}
		if cat.Family("wechat").Codes.Lookup("99999001") == nil {
			t.Fatal("the extension's code is missing")
		}
	}
	builtin, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if builtin.Family("wechat").Codes.Lookup("99999001") != nil {
		t.Error("the extension's code leaked into the built-in catalog")
	}
}

// TestSharedCarrier: a family that names its clients may share a json tag
// with a built-in family that does; the joint table keeps the values both
// explain alike.
func TestSharedCarrier(t *testing.T) {
	cat, err := loadFiles(t, "acme.yaml", string(yamlLines(
		"family: acme",
		"clients: {hosts: [api.acme.example], packages: [example.com/acme/...]}",
		"codes:",
		"  kind: int",
		"  carriers: {json: [errcode], map-keys: [errcode]}",
		"  success: [0]",
		"  documented:",
		"    - {value: 0, message: OK.}",
		"    - {value: 40001, message: Bad key., retry: never}",
		"    - {value: 42001, message: Token expired., retry: renew-token}",
		"    - {value: 77, message: Seventy-seven., retry: retry}",
	)))
	if err != nil {
		t.Fatal(err)
	}
	acme, wechat := cat.Family("acme"), cat.Family("wechat")
	if got := acme.Clients; !slices.Equal(got.Hosts, []string{"api.acme.example"}) || !slices.Equal(got.Packages, []string{"example.com/acme/..."}) {
		t.Errorf("acme clients %+v", got)
	}
	if !slices.Equal(wechat.Others.Hosts, []string{"oapi.dingtalk.com"}) {
		t.Errorf("wechat others %+v", wechat.Others)
	}
	j := catalog.Joint(wechat.Codes, acme.Codes)
	var values []string
	for _, c := range j.Codes {
		values = append(values, c.Value)
	}
	// 40001 is a credential to renew in one, a key to fix in the other; 77
	// is acme's only.
	if !slices.Equal(values, []string{"0", "42001"}) || !slices.Equal(j.Success, []string{"0"}) {
		t.Errorf("joint values %v, success %v; want [0 42001], [0]", values, j.Success)
	}
	if c := j.Lookup("42001"); c == nil || c.Name != "AccessTokenExpired" {
		t.Errorf("joint 42001 = %+v, want the first table's entry", c)
	}
	if got := catalog.JointName("wechat", "acme"); got != "wechat+acme" {
		t.Errorf("JointName = %q", got)
	}
}
