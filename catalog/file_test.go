package catalog_test

import (
	"maps"
	"os"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
)

// yamlLines joins lines into a file, so that a test case's line numbers
// can be read off its position in the list.
func yamlLines(lines ...string) []byte {
	return []byte(strings.Join(lines, "\n") + "\n")
}

// acmeHeader is a valid new family up to its documented codes; cases append
// entries to it, which then start on line 7.
var acmeHeader = []string{
	"family: acme",
	"codes:",
	"  kind: int",
	"  carriers: {json: [code]}",
	"  success: [0]",
	"  documented:",
}

func acme(entries ...string) []byte {
	return yamlLines(append(append([]string{}, acmeHeader...), entries...)...)
}

// TestParseErrors checks that each problem Parse finds in a file on its own
// is reported with its file, line and column. YAML syntax errors are the
// exception: the YAML library gives a line at most.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  []byte
		want string // the error text; problems are joined by newlines
	}{
		{
			name: "empty file",
			src:  nil,
			want: `t.yaml: empty catalog file`,
		},
		{
			name: "only comments",
			src:  yamlLines("# nothing yet"),
			want: `t.yaml: empty catalog file`,
		},
		{
			name: "YAML syntax error",
			src:  yamlLines("family: acme", "\tcodes: {}"),
			want: `t.yaml: line 2: found a tab character that violates indentation`,
		},
		{
			name: "not a mapping",
			src:  yamlLines("- family: acme"),
			want: `t.yaml:1:1: catalog must be a mapping`,
		},
		{
			name: "unknown top-level key",
			src: yamlLines(
				"family: acme",
				"colour: blue",
				"codes: {kind: int, carriers: {json: [code]}}",
			),
			want: `t.yaml:2:1: unknown field "colour" in catalog (want one of: family, extends, title, package, source, clients, codes, status)`,
		},
		{
			name: "unknown table key",
			src: yamlLines(
				"family: acme",
				"codes:",
				"  kind: int",
				"  carriers: {json: [code]}",
				"  sucess: [0]",
			),
			want: `t.yaml:5:3: unknown field "sucess" in codes (want one of: kind, field, carriers, success, documented, known)`,
		},
		{
			name: "unknown carrier key",
			src: yamlLines(
				"family: acme",
				"codes:",
				"  kind: int",
				"  carriers: {json: [code], tags: [code]}",
			),
			want: `t.yaml:4:28: unknown field "tags" in codes.carriers (want one of: json, fields, types, map-keys)`,
		},
		{
			name: "unknown entry key",
			src:  acme("    - {value: 0, mesage: OK}"),
			want: `t.yaml:7:18: unknown field "mesage" in codes.documented entry (want one of: value, name, status, message, action, retry, apis, name-by, aliases, source)` + "\n" +
				`t.yaml:7:7: documented value "0" has no message`,
		},
		{
			name: "repeated top-level key",
			src: yamlLines(
				"family: acme",
				"codes: {kind: int, carriers: {json: [code]}}",
				"family: acme2",
			),
			want: `t.yaml:3:1: field "family" repeated in catalog`,
		},
		{
			name: "repeated entry key",
			src: acme(
				"    - value: 0",
				"      message: OK",
				"      message: Fine",
			),
			want: `t.yaml:9:7: field "message" repeated in codes.documented entry`,
		},
		{
			name: "table is a list",
			src:  yamlLines("family: acme", "codes: [0, 1]"),
			want: `t.yaml:2:8: codes must be a mapping`,
		},
		{
			name: "title is a list",
			src: yamlLines(
				"family: acme",
				"title: [ACME, Pay]",
				"codes: {kind: int, carriers: {json: [code]}}",
			),
			want: `t.yaml:2:8: title must be a single value`,
		},
		{
			name: "null family",
			src: yamlLines(
				"family: ~",
				"codes: {kind: int, carriers: {json: [code]}}",
			),
			want: `t.yaml:1:9: family must be a single value` + "\n" +
				`t.yaml:1:9: family name "" must be a lower-case identifier such as "wechat"`,
		},
		{
			name: "success is a single value",
			src: yamlLines(
				"family: acme",
				"codes:",
				"  kind: int",
				"  carriers: {json: [code]}",
				"  success: 0",
			),
			want: `t.yaml:5:12: codes.success must be a list`,
		},
		{
			name: "carrier list holds a list",
			src: yamlLines(
				"family: acme",
				"codes:",
				"  kind: int",
				"  carriers: {json: [[code]]}",
			),
			want: `t.yaml:4:21: codes.carriers.json item must be a single value` + "\n" +
				`t.yaml:3:3: codes has no carriers: name json tags, fields, types or map-keys`,
		},
		{
			name: "entry is a single value",
			src:  acme("    - 0"),
			want: `t.yaml:7:7: codes.documented entry must be a mapping`,
		},
		{
			name: "entry has no value",
			src:  acme("    - {message: OK}"),
			want: `t.yaml:7:7: codes.documented entry has no value` + "\n" +
				`t.yaml:7:7: value "" is not an integer`,
		},
		{
			name: "unknown kind",
			src: yamlLines(
				"family: acme",
				"codes:",
				"  kind: float",
				"  carriers: {json: [code]}",
			),
			want: `t.yaml:3:9: codes.kind is "float"; want "int" or "string"`,
		},
		{
			name: "field not a name",
			src: yamlLines(
				"family: acme",
				"codes:",
				"  kind: string",
				"  field: trade status",
				"  carriers: {json: [code]}",
			),
			want: `t.yaml:4:10: codes.field is "trade status"; want the name of the response field, such as trade_status`,
		},
		{
			name: "missing kind",
			src: yamlLines(
				"family: acme",
				"codes:",
				"  carriers: {json: [code]}",
			),
			want: `t.yaml:3:3: codes.kind is missing; want "int" or "string"`,
		},
		{
			name: "int status table",
			src: yamlLines(
				"family: acme",
				"codes: {kind: int, carriers: {json: [code]}}",
				"status:",
				"  kind: int",
				"  carriers: {json: [status]}",
			),
			want: `t.yaml:4:3: status.kind must be "string"`,
		},
		{
			name: "no carriers",
			src: yamlLines(
				"family: acme",
				"codes:",
				"  kind: int",
			),
			want: `t.yaml:3:3: codes has no carriers: name json tags, fields, types or map-keys`,
		},
		{
			name: "no codes table",
			src:  yamlLines("family: acme", "title: ACME"),
			want: `t.yaml:1:1: family "acme" needs a "codes" table`,
		},
		{
			name: "non-integer value in an int table",
			src: acme(
				"    - {value: 0, message: OK}",
				"    - {value: 4200l, message: Expired.}",
				"    - {value: 99999999999999999999, message: Too big.}",
			),
			want: `t.yaml:8:7: value "4200l" is not an integer` + "\n" +
				`t.yaml:9:7: value "99999999999999999999" is not an integer`,
		},
		{
			name: "duplicate value, written differently",
			src: acme(
				"    - {value: 0, message: OK}",
				"    - {value: 7, message: Seven.}",
				"    - {value: 007, message: Licensed.}",
			),
			want: `t.yaml:9:7: value "7" already listed at t.yaml:8:7`,
		},
		{
			name: "duplicate value across documented and known",
			src: acme(
				"    - {value: 0, message: OK}",
				"  known:",
				"    - {value: 0}",
			),
			want: `t.yaml:9:7: value "0" already listed at t.yaml:7:7`,
		},
		{
			name: "duplicate string value",
			src: yamlLines(
				"family: acme",
				"codes:",
				"  kind: string",
				"  carriers: {json: [code]}",
				"  documented:",
				"    - {value: OK, message: OK.}",
				"    - {value: OK, message: Fine.}",
			),
			want: `t.yaml:7:7: value "OK" already listed at t.yaml:6:7`,
		},
		{
			name: "duplicate name",
			src: acme(
				"    - {value: 0, name: OK, message: OK}",
				"    - {value: 1, name: OK, message: Also OK.}",
			),
			want: `t.yaml:8:7: name OK already used at t.yaml:7:7`,
		},
		{
			name: "name used in codes and status",
			src: yamlLines(
				"family: acme",
				"codes:",
				"  kind: string",
				"  carriers: {json: [code]}",
				"  documented:",
				"    - {value: OK, name: Success, message: OK.}",
				"status:",
				"  carriers: {json: [status]}",
				"  documented:",
				"    - {value: S, name: Success, message: Success.}",
			),
			want: `t.yaml:10:7: name Success already used at t.yaml:6:7`,
		},
		{
			name: "name not exported",
			src:  acme("    - {value: 0, name: ok, message: OK}"),
			want: `t.yaml:7:24: name "ok" is not an exported Go identifier`,
		},
		{
			name: "name not an identifier",
			src:  acme("    - {value: 0, name: Not-OK, message: OK}"),
			want: `t.yaml:7:24: name "Not-OK" is not an exported Go identifier`,
		},
		{
			name: "alias without a name",
			src:  acme("    - {value: 0, aliases: [Code0], message: OK}"),
			want: `t.yaml:7:7: codes.documented entry 0 has name-by or aliases but no name`,
		},
		{
			name: "name-by without a name",
			src:  acme("    - {value: 0, name-by: errcodevet, message: OK}"),
			want: `t.yaml:7:7: codes.documented entry 0 has name-by or aliases but no name`,
		},
		{
			name: "alias not an identifier",
			src:  acme("    - {value: 0, name: OK, aliases: [Code-0], message: OK}"),
			want: `t.yaml:7:38: alias "Code-0" is not an exported Go identifier`,
		},
		{
			name: "alias repeats another code's name",
			src: acme(
				"    - {value: 0, name: OK, message: OK}",
				"    - {value: 1, name: Failed, aliases: [OK], message: Failed}",
			),
			want: `t.yaml:8:7: name OK already used at t.yaml:7:7`,
		},
		{
			name: "alias repeats its own name",
			src:  acme("    - {value: 0, name: OK, aliases: [OK], message: OK}"),
			want: `t.yaml:7:7: name OK already used at t.yaml:7:7`,
		},
		{
			name: "documented without message",
			src: acme(
				"    - value: 0",
				"      name: OK",
			),
			want: `t.yaml:7:7: documented value "0" has no message`,
		},
		{
			name: "bad retry class",
			src:  acme("    - {value: 0, message: OK, retry: sometimes}"),
			want: `t.yaml:7:38: retry "sometimes" is not one of retry, renew-token, reduce-traffic, never, unstated`,
		},
		{
			name: "upper-case family name",
			src:  yamlLines("family: Acme", "codes: {kind: int, carriers: {json: [code]}}"),
			want: `t.yaml:1:9: family name "Acme" must be a lower-case identifier such as "wechat"`,
		},
		{
			name: "family name with a dash",
			src:  yamlLines("family: acme-pay", "codes: {kind: int, carriers: {json: [code]}}"),
			want: `t.yaml:1:9: family name "acme-pay" must be a lower-case identifier such as "wechat"`,
		},
		{
			name: "family name with a leading digit",
			src:  yamlLines("family: 1acme", "codes: {kind: int, carriers: {json: [code]}}"),
			want: `t.yaml:1:9: family name "1acme" must be a lower-case identifier such as "wechat"`,
		},
		{
			name: "both family and extends",
			src: yamlLines(
				"family: acme",
				"extends: wechat",
				"codes: {kind: int, carriers: {json: [code]}}",
			),
			want: `t.yaml:2:10: catalog has both "family" and "extends"; use one`,
		},
		{
			name: "neither family nor extends",
			src:  yamlLines("title: ACME", "codes: {kind: int, carriers: {json: [code]}}"),
			want: `t.yaml:1:1: catalog needs "family" (a new family) or "extends" (a family declared before)`,
		},
		{
			name: "bad package path",
			src: yamlLines(
				"family: acme",
				"package: example.com/acme codes",
				"codes: {kind: int, carriers: {json: [code]}}",
			),
			want: `t.yaml:2:10: package "example.com/acme codes" is not a valid import path`,
		},
		{
			name: "field path without a field",
			src: yamlLines(
				"family: acme",
				"codes:",
				"  kind: int",
				"  carriers:",
				"    fields:",
				"      - example.com/sdk.Response",
			),
			want: `t.yaml:6:9: "example.com/sdk.Response" is not a field path such as "example.com/sdk.Response.Code"`,
		},
		{
			name: "field path without a package",
			src: yamlLines(
				"family: acme",
				"codes:",
				"  kind: int",
				"  carriers:",
				"    fields:",
				"      - Response.Code",
			),
			want: `t.yaml:6:9: "Response.Code" is not a field path such as "example.com/sdk.Response.Code"`,
		},
		{
			name: "field name not an identifier",
			src: yamlLines(
				"family: acme",
				"codes:",
				"  kind: int",
				"  carriers:",
				"    fields:",
				"      - example.com/sdk.Response.err-code",
			),
			want: `t.yaml:6:9: "example.com/sdk.Response.err-code" is not a field path such as "example.com/sdk.Response.Code"`,
		},
		{
			name: "bad path after a skipped item",
			src: yamlLines(
				"family: acme",
				"codes:",
				"  kind: int",
				"  carriers:",
				"    fields: [[example.com/sdk.Response.Code], example.com/sdk.Response]",
			),
			want: `t.yaml:5:14: codes.carriers.fields item must be a single value` + "\n" +
				`t.yaml:5:47: "example.com/sdk.Response" is not a field path such as "example.com/sdk.Response.Code"`,
		},
		{
			name: "second path is bad",
			src: yamlLines(
				"family: acme",
				"codes:",
				"  kind: int",
				"  carriers:",
				"    types: [example.com/sdk.ErrCode]",
				"    fields: [example.com/sdk.Response.Code, example.com/sdk.Response]",
			),
			want: `t.yaml:6:45: "example.com/sdk.Response" is not a field path such as "example.com/sdk.Response.Code"`,
		},
		{
			name: "type path with a bad import path",
			src: yamlLines(
				"family: acme",
				"codes:",
				"  kind: int",
				"  carriers:",
				"    types: [\"example.com//sdk.ErrCode\"]",
			),
			want: `t.yaml:5:13: "example.com//sdk.ErrCode" is not a type path such as "example.com/sdk.ErrCode"`,
		},
		{
			name: "clients with bad evidence",
			src: yamlLines(
				"family: acme",
				"clients:",
				"  imports: [\"example.com//sdk\"]",
				"  hosts: [https://api.acme.example, localhost]",
				"  packages: [\"example.com/x/...\", \"/abs\"]",
				"  others: {others: {hosts: [a.b]}}",
				"codes:",
				"  kind: int",
				"  carriers: {json: [code]}",
			),
			want: `t.yaml:3:13: clients.imports: "example.com//sdk" is not an import path` + "\n" +
				`t.yaml:4:11: clients.hosts: "https://api.acme.example" is not a host name such as qyapi.weixin.qq.com` + "\n" +
				`t.yaml:4:37: clients.hosts: "localhost" is not a host name such as qyapi.weixin.qq.com` + "\n" +
				`t.yaml:5:35: clients.packages: "/abs" is not a package pattern such as example.com/corp/wecom/...` + "\n" +
				`t.yaml:6:12: unknown field "others" in clients.others (want one of: imports, hosts, packages)` + "\n" +
				`t.yaml:6:11: clients.others names no imports, hosts or packages`,
		},
		{
			name: "empty clients",
			src: yamlLines(
				"family: acme",
				"clients: {}",
				"codes:",
				"  kind: int",
				"  carriers: {json: [code]}",
			),
			want: `t.yaml:2:10: clients names no imports, hosts or packages`,
		},
		{
			name: "every problem is reported",
			src: yamlLines(
				"family: Acme",
				"codes:",
				"  kind: int",
				"  carriers: {json: [code]}",
				"  documented:",
				"    - {value: one, message: One.}",
				"    - {value: 2, retry: often}",
			),
			want: `t.yaml:1:9: family name "Acme" must be a lower-case identifier such as "wechat"` + "\n" +
				`t.yaml:7:25: retry "often" is not one of retry, renew-token, reduce-traffic, never, unstated` + "\n" +
				`t.yaml:6:7: value "one" is not an integer` + "\n" +
				`t.yaml:7:7: documented value "2" has no message`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := catalog.Parse("t.yaml", tc.src)
			if err == nil {
				t.Fatalf("Parse succeeded (%+v); want error:\n%s", f, tc.want)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("Parse error:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestMarshal(t *testing.T) {
	src := yamlLines(
		"family: acme",
		"title: ACME Pay",
		"codes:",
		"  kind: int",
		"  carriers:",
		"    json: [code]",
		"    fields: [example.com/sdk.Response.Code]",
		"  success: [+0]",
		"  documented:",
		"    - {value: 0, name: OK, message: Success.}",
		"    - {value: 042001, name: Expired, message: 'Expired: renew it.', retry: renew-token}",
		"    - {value: 7, name: Seven, name-by: errcodevet, aliases: [Code7, N7], message: Seven.}",
		"status:",
		"  carriers: {json: [status]}",
		"  documented:",
		"    - {value: \"0\", message: Zero.}",
		"    - {value: 'null', message: Null.}",
	)
	f, err := catalog.Parse("acme.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	out, err := f.Marshal("Written by a test.\nSecond line.")
	if err != nil {
		t.Fatal(err)
	}
	want := `# Written by a test.
# Second line.
family: acme
title: ACME Pay
codes:
  kind: int
  carriers:
    json: [code]
    fields:
      - example.com/sdk.Response.Code
  success: [+0]
  documented:
    - value: 0
      name: OK
      message: Success.
    - value: 42001
      name: Expired
      message: 'Expired: renew it.'
      retry: renew-token
    - value: 7
      name: Seven
      message: Seven.
      name-by: errcodevet
      aliases: [Code7, N7]
status:
  carriers:
    json: [status]
  documented:
    - value: "0"
      message: Zero.
    - value: "null"
      message: Null.
`
	if string(out) != want {
		t.Errorf("Marshal:\n%s\nwant:\n%s", out, want)
	}
	f2, err := catalog.Parse("acme.yaml", out)
	if err != nil {
		t.Fatalf("Marshal output does not parse: %v", err)
	}
	out2, err := f2.Marshal("Written by a test.\nSecond line.")
	if err != nil {
		t.Fatal(err)
	}
	if string(out2) != string(out) {
		t.Errorf("Marshal is not stable across Parse:\n%s\nthen:\n%s", out, out2)
	}
}

// TestMarshalBuiltins checks that Parse keeps everything Marshal writes: the
// built-in files, parsed and written again, are unchanged.
func TestMarshalBuiltins(t *testing.T) {
	for _, name := range catalog.BuiltinFiles {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var header []string
		for _, line := range strings.Split(string(data), "\n") {
			comment, ok := strings.CutPrefix(line, "# ")
			if !ok {
				break
			}
			header = append(header, comment)
		}
		f, err := catalog.Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		out, err := f.Marshal(strings.Join(header, "\n"))
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != string(data) {
			t.Errorf("%s changed by Parse and Marshal:\n%s", name, out)
		}
	}
}

func TestCarrierPaths(t *testing.T) {
	src := yamlLines(
		"family: acme",
		"codes:",
		"  kind: int",
		"  carriers:",
		"    fields:",
		"      - example.com/sdk.Response.Code",
		"      - sdk.Response.Code",
		"      - gopkg.in/acme.v2.Response.ErrCode",
		"      - example.com/sdk/v2/wx.Reply.Code",
		"    types:",
		"      - example.com/sdk.ErrCode",
		"      - gopkg.in/yaml.v3.Kind",
		"      - errcodes.Code",
	)
	f, err := catalog.Parse("t.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(f.Codes.Carriers.Fields) + len(f.Codes.Carriers.Types); got != 7 {
		t.Errorf("%d carrier paths, want 7: %+v", got, f.Codes.Carriers)
	}
}

// TestMarshalMultiLine checks that strings with line breaks survive Marshal
// and Parse. The YAML encoder writes them as block scalars by default, some
// of which its own parser rejects (go-yaml/yaml#861, yaml/go-yaml#76).
func TestMarshalMultiLine(t *testing.T) {
	for _, text := range []string{
		"\n0",               // found by FuzzParse
		"\n  indented\nnot", // a first line more indented than the next
		"\tTab\nnext",
		"two\nlines\n",
		"trailing\n\n",
		"\r\nCRLF",
	} {
		f, err := catalog.Parse("t.yaml", acme(
			"    - {value: 0, message: OK}",
		))
		if err != nil {
			t.Fatal(err)
		}
		f.Title = text
		f.Codes.Documented[0].Message = text
		f.Codes.Documented[0].Action = text
		f.Codes.Known = []catalog.FileEntry{{Value: "1", Status: text}}
		out, err := f.Marshal("")
		if err != nil {
			t.Errorf("Marshal with %q: %v", text, err)
			continue
		}
		back, err := catalog.Parse("t.yaml", out)
		if err != nil {
			t.Errorf("Marshal with %q wrote a file Parse rejects: %v\n%s", text, err, out)
			continue
		}
		e := back.Codes.Documented[0]
		if back.Title != text || e.Message != text || e.Action != text || back.Codes.Known[0].Status != text {
			t.Errorf("%q written as:\n%s\nread back as title %q, message %q, action %q, status %q",
				text, out, back.Title, e.Message, e.Action, back.Codes.Known[0].Status)
		}
	}
}

// TestMarshalAPIs writes an entry's per-API statuses as a flow map sorted
// by API name, which reads back the same.
func TestMarshalAPIs(t *testing.T) {
	src := "extends: miniprogram\ncodes:\n  documented:\n" +
		"    - value: PAYMENT_PENDING\n      message: Pending.\n      apis: {pay: U, inquiryPayment: F}\n"
	f, err := catalog.Parse("mp.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	out, err := f.Marshal("")
	if err != nil {
		t.Fatal(err)
	}
	if want := "      apis: {inquiryPayment: F, pay: U}\n"; !strings.Contains(string(out), want) {
		t.Errorf("Marshal lacks %q:\n%s", want, out)
	}
	back, err := catalog.Parse("mp.yaml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got := back.Codes.Documented[0].APIs; !maps.Equal(got, map[string]string{"pay": "U", "inquiryPayment": "F"}) {
		t.Errorf("read back %v", got)
	}
}
