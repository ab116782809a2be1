package sourceimport_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/errcodevet/errcodevet/internal/sourceimport"
)

func readSource(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "catalog", "sources", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseWeChatPage(t *testing.T) {
	format, rows, err := sourceimport.Parse("wechat.txt", readSource(t, "wechat.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if format != sourceimport.FormatErrcode {
		t.Errorf("format %s, want %s", format, sourceimport.FormatErrcode)
	}
	if len(rows) != 160 {
		t.Errorf("%d rows, want 160", len(rows))
	}
	want := map[string]sourceimport.Row{
		"-1": {Line: 6, Value: "-1", Message: "System is busy. Try again later.", Action: "Try again later."},
		"0":  {Line: 7, Value: "0", Message: "Request successful"},
		"42001": {
			Line: 67, Value: "42001",
			Message: "access_token expired. Check the validity period of access_token. See Get access_token API in Basic Support for details.",
			Action:  "Check the validity period of access_token. See Get access_token API in Basic Support for details.",
		},
		"40033":   {Line: 40, Value: "40033", Message: `Invalid request characters that are expressed in the form of \uxxxx`},
		"9001036": {Line: 165, Value: "9001036", Message: "Invalid begin value"},
	}
	seen := make(map[string]bool)
	for _, r := range rows {
		if seen[r.Value] {
			t.Errorf("line %d: value %s repeated", r.Line, r.Value)
		}
		seen[r.Value] = true
		if r.Status != "" || r.Message == "" || r.Line == 0 {
			t.Errorf("row %+v: want a message and a line, no status", r)
		}
		if w, ok := want[r.Value]; ok && r != w {
			t.Errorf("row %s:\n got %+v\nwant %+v", r.Value, r, w)
		}
	}
	for v := range want {
		if !seen[v] {
			t.Errorf("no row %s", v)
		}
	}
}

func TestParseMiniProgramPage(t *testing.T) {
	format, rows, err := sourceimport.Parse("miniprogram.txt", readSource(t, "miniprogram.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if format != sourceimport.FormatResult {
		t.Errorf("format %s, want %s", format, sourceimport.FormatResult)
	}
	want := []sourceimport.Row{
		{
			Line: 19, Value: "PROCESS_FAIL", Status: "F",
			Message: "A general business failure occurred. Do not retry.",
			Action:  "Human intervention is usually needed. It is recommendeded that you contact Mini Program Technical Support to troubleshoot the issue.",
		},
		{
			// The action is two paragraphs.
			Line: 27, Value: "PARAM_ILLEGAL", Status: "F",
			Message: "Illegal parameters. For example, non-numeric input, invalid date.",
			Action:  "Check and verify whether the request fields (including the header fields and body fields) of the current API are correct and valid. For details, see the specific API specification, for example, the API specificationapplyToken.",
		},
		{
			Line: 37, Value: "INVALID_API", Status: "F",
			Message: "The called API is invalid or not active.",
			Action:  "Check whether the current API name is used by mistakes when the API is called.",
		},
		{
			Line: 45, Value: "ACCESS_DENIED", Status: "F",
			Message: "Access is denied",
			Action:  "Need to check the resultMessage of the current API specification for details. For example, the API specificationapplyToken.",
		},
		{
			// The action is a bullet list after an empty-looking paragraph
			// of no-break spaces.
			Line: 53, Value: "REQUEST_TRAFFIC_EXCEED_LIMIT", Status: "F",
			Message: "The request traffic exceeds the limit.",
			Action:  "The party that calls APIs needs to reduce the API calling frequency, or The API service provider needs to increase the traffic limit or threshold.",
		},
		{
			Line: 64, Value: "EXPIRED_ACCESS_TOKEN", Status: "F",
			Message: "The access token is expired.",
			Action:  "Renew the access token by calling the applyToken API (/v1/authorizations/applyToken or /v2/authorizations/applyToken)",
		},
		{
			// The last row ends at the "API-specific error codes" heading:
			// the section's text is not its action.
			Line: 72, Value: "UNKNOWN_EXCEPTION", Status: "U",
			Message: "An API calling is failed, which is caused by unknown reasons.",
			Action:  "Trying to recall the API might help to resolve the issue.",
		},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(rows), len(want), rows)
	}
	for i, r := range rows {
		if r != want[i] {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, r, want[i])
		}
	}
}

func TestParseSmallPages(t *testing.T) {
	for _, tc := range []struct {
		name   string
		page   string
		format sourceimport.Format
		rows   []sourceimport.Row
	}{
		{
			name:   "errcode lines among prose",
			page:   "Error codes\n\nCode Description\n1001 Widget is broken. Replace the widget.\n  1002   Try  again\u00a0later \n",
			format: sourceimport.FormatErrcode,
			rows: []sourceimport.Row{
				{Line: 4, Value: "1001", Message: "Widget is broken. Replace the widget.", Action: "Replace the widget."},
				{Line: 5, Value: "1002", Message: "Try again later"},
			},
		},
		{
			name:   "errcode page with CRLF line ends",
			page:   "-2 Busy.\r\n7 Done\r\n",
			format: sourceimport.FormatErrcode,
			rows: []sourceimport.Row{
				{Line: 1, Value: "-2", Message: "Busy."},
				{Line: 2, Value: "7", Message: "Done"},
			},
		},
		{
			name:   "errcode table with an action column",
			page:   "# vendor: example\nerrcode\terrmsg\tdescription\taction\n-1\t\t系统繁忙\t建议稍候重试\n60011\tno privilege\t无权限\t\n",
			format: sourceimport.FormatTable,
			rows: []sourceimport.Row{
				{Line: 3, Value: "-1", Message: "系统繁忙", Action: "建议稍候重试"},
				{Line: 4, Value: "60011", Errmsg: "no privilege", Message: "无权限"},
			},
		},
		{
			name:   "errcode table with action and source columns",
			page:   "errcode\terrmsg\tdescription\taction\tsource\n7\t\tSeven.\tCount again.\thttps://example.com/7\n",
			format: sourceimport.FormatTable,
			rows: []sourceimport.Row{
				{Line: 2, Value: "7", Message: "Seven.", Action: "Count again.", Source: "https://example.com/7"},
			},
		},
		{
			name:   "code table of classic Alipay codes",
			page:   "code\thttp\tmessage\taction\tsource\n40004\t\t业务处理失败\t\t3p: sdk\nisp.unknow-error\t\t服务暂不可用\t稍后重试\tcopy: mirror\n",
			format: sourceimport.FormatCodeTable,
			rows: []sourceimport.Row{
				{Line: 2, Value: "40004", Message: "业务处理失败", Source: "3p: sdk"},
				{Line: 3, Value: "isp.unknow-error", Message: "服务暂不可用", Action: "稍后重试", Source: "copy: mirror"},
			},
		},
		{
			name:   "result table without an action column",
			page:   "resultCode\nresultStatus\nresultMessage\nOK\nS\nFine.\nNOT_OK\nF\nNot fine.\n",
			format: sourceimport.FormatResult,
			rows: []sourceimport.Row{
				{Line: 4, Value: "OK", Status: "S", Message: "Fine."},
				{Line: 7, Value: "NOT_OK", Status: "F", Message: "Not fine."},
			},
		},
		{
			name: "result table with bullets and a closing heading",
			page: "Intro.\n\nresultCode\n\nresultStatus\n\nresultMessage\n\nfurther action\n\n" +
				"RATE_LIMITED\n\nF\n\nToo many calls.\n\n• Slow down.\n• Or ask for more.\n\nNOT_FOUND\n\nF\n\nNo such thing.\n\nSee also\n\nOther text.\n",
			format: sourceimport.FormatResult,
			rows: []sourceimport.Row{
				{Line: 11, Value: "RATE_LIMITED", Status: "F", Message: "Too many calls.", Action: "Slow down. Or ask for more."},
				{Line: 20, Value: "NOT_FOUND", Status: "F", Message: "No such thing."},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			format, rows, err := sourceimport.Parse("p.txt", []byte(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			if format != tc.format {
				t.Errorf("format %s, want %s", format, tc.format)
			}
			if len(rows) != len(tc.rows) {
				t.Fatalf("rows %+v\nwant %+v", rows, tc.rows)
			}
			for i := range rows {
				if rows[i] != tc.rows[i] {
					t.Errorf("row %d:\n got %+v\nwant %+v", i, rows[i], tc.rows[i])
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, page, want string
	}{
		{
			name: "empty page",
			page: "",
			want: `p.txt: no error codes found: want lines such as "42001 access_token expired", or resultCode/resultStatus/resultMessage columns`,
		},
		{
			name: "prose only",
			page: "Error codes\n\nSee the API reference.\n",
			want: `p.txt: no error codes found: want lines such as "42001 access_token expired", or resultCode/resultStatus/resultMessage columns`,
		},
		{
			name: "number without a description",
			page: "42001\n",
			want: `p.txt: no error codes found: want lines such as "42001 access_token expired", or resultCode/resultStatus/resultMessage columns`,
		},
		{
			name: "errcode table with a column of its own",
			page: "errcode\terrmsg\tdescription\tremedy\n7\t\tSeven.\tCount.\n",
			want: `p.txt:1: want the header "errcode\terrmsg\tdescription", optionally with "action" and a source column, found "errcode\terrmsg\tdescription\tremedy"`,
		},
		{
			name: "result headers without rows",
			page: "resultCode\nresultStatus\nresultMessage\nFurther Action\n",
			want: `p.txt: the resultCode table has no rows`,
		},
		{
			name: "result table starts with prose",
			page: "resultCode\nresultStatus\nresultMessage\n\nSee below.\nOK\nS\nFine.\n",
			want: `p.txt:5: want a resultCode followed by a resultStatus letter, found "See below."`,
		},
		{
			name: "status is not a letter",
			page: "resultCode\nresultStatus\nresultMessage\nOK\nSUCCESS\nFine.\n",
			want: `p.txt:4: want a resultCode followed by a resultStatus letter, found "OK"`,
		},
		{
			name: "row without a message",
			page: "resultCode\nresultStatus\nresultMessage\nOK\nS\nNOT_OK\nF\nNot fine.\n",
			want: `p.txt:4: OK has no resultMessage`,
		},
		{
			name: "last row without a message",
			page: "resultCode\nresultStatus\nresultMessage\nOK\nS\n",
			want: `p.txt:4: OK has no resultMessage`,
		},
		{
			name: "code table row without a source",
			page: "code\thttp\tmessage\taction\tsource\nSYSTEMERROR\t500\tSystem error\tCall again\t\n",
			want: `p.txt:2: SYSTEMERROR has no source: say where the row was read`,
		},
		{
			name: "code table http is not a status",
			page: "code\thttp\tmessage\taction\tsource\nSYSTEMERROR\t50\tSystem error\t\tvendor\n",
			want: `p.txt:2: http "50" of SYSTEMERROR is not an HTTP status such as 500`,
		},
		{
			name: "code table code with a space",
			page: "code\thttp\tmessage\taction\tsource\nSYSTEM ERROR\t500\tSystem error\t\tvendor\n",
			want: `p.txt:2: code "SYSTEM ERROR" is not a code such as SYSTEMERROR, 40004 or ACQ.SYSTEM_ERROR`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			format, rows, err := sourceimport.Parse("p.txt", []byte(tc.page))
			if err == nil {
				t.Fatalf("Parse = %s, %+v; want error %s", format, rows, tc.want)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("Parse error:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestParseWeChatPayTables(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows int
		want sourceimport.Row
	}{
		{"wechatpay.txt", 19, sourceimport.Row{
			Line: 16, Value: "USERPAYING", Message: "用户支付中，需要输入密码 (HTTP 202)",
			Action: "等待5秒，然后调用被扫订单结果查询API，查询当前订单的不同状态，决定下一步的操作",
			Source: "copy: gabinlin/wx-pay-profits-sharing@25bb3bd:src/main/java/top/gabin/tools/response/pay/combine/CombineTransactionsDetailResponse.java, of https://pay.weixin.qq.com/wiki/doc/apiv3/wxpay/pay/combine/chapter3_3.shtml",
		}},
		{"wechatpay-v2.tsv", 17, sourceimport.Row{
			Line: 16, Value: "ORDERPAID", Message: "商户订单已支付", Action: "商户订单已支付，无需更多操作",
			Source: "copy: binarywang/WxJava@b4af9ef:weixin-java-pay/src/main/java/com/github/binarywang/wxpay/constant/WxPayErrorCode.java (UnifiedOrder)",
		}},
	} {
		format, rows, err := sourceimport.Parse(tc.name, readSource(t, tc.name))
		if err != nil {
			t.Fatal(err)
		}
		if format != sourceimport.FormatCodeTable || len(rows) != tc.rows {
			t.Errorf("%s: format %s with %d rows, want %s with %d", tc.name, format, len(rows), sourceimport.FormatCodeTable, tc.rows)
			continue
		}
		if rows[0] != tc.want {
			t.Errorf("%s: first row %+v\nwant %+v", tc.name, rows[0], tc.want)
		}
	}
}
