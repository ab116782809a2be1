package catalog_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
)

// seedRows reads the vendor pages the built-ins are generated from, in the
// simplest way that can be read by eye, independently of the importer: the
// test then proves the importer missed nothing and changed no message.
func wechatSeed(t *testing.T) map[string]string {
	data, err := os.ReadFile(filepath.Join("sources", "wechat.txt"))
	if err != nil {
		t.Fatal(err)
	}
	rows := make(map[string]string)
	re := regexp.MustCompile(`^(-?\d+) (.+)$`)
	for _, line := range strings.Split(string(data), "\n") {
		if m := re.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			rows[m[1]] = strings.Join(strings.Fields(m[2]), " ")
		}
	}
	return rows
}

func TestBuiltinHasEveryWeChatCode(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	fam := cat.Family("wechat")
	seed := wechatSeed(t)
	if len(seed) != 160 {
		t.Errorf("the WeChat page has %d codes, want 160", len(seed))
	}
	documented := 0
	for _, c := range fam.Codes.Codes {
		if c.Documented {
			documented++
		}
	}
	if documented != len(seed) {
		t.Errorf("catalog documents %d WeChat codes, the page %d", documented, len(seed))
	}
	for value, msg := range seed {
		c := fam.Codes.Lookup(value)
		if c == nil {
			t.Errorf("errcode %s missing from the catalog", value)
			continue
		}
		if c.Message != msg {
			t.Errorf("errcode %s: message %q, the page says %q", value, c.Message, msg)
		}
		if c.Name == "" || c.Package != "github.com/errcodevet/errcodevet/wechat" {
			t.Errorf("errcode %s: name %q in package %q", value, c.Name, c.Package)
		}
	}
}

func TestBuiltinHasEveryMiniProgramCode(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	fam := cat.Family("miniprogram")
	// resultCode, resultStatus and resultMessage as the page shows them.
	want := []struct{ code, status, message string }{
		{"PROCESS_FAIL", "F", "A general business failure occurred. Do not retry."},
		{"PARAM_ILLEGAL", "F", "Illegal parameters. For example, non-numeric input, invalid date."},
		{"INVALID_API", "F", "The called API is invalid or not active."},
		{"ACCESS_DENIED", "F", "Access is denied"},
		{"REQUEST_TRAFFIC_EXCEED_LIMIT", "F", "The request traffic exceeds the limit."},
		{"EXPIRED_ACCESS_TOKEN", "F", "The access token is expired."},
		{"UNKNOWN_EXCEPTION", "U", "An API calling is failed, which is caused by unknown reasons."},
	}
	page, err := os.ReadFile(filepath.Join("sources", "miniprogram.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(strings.ReplaceAll(string(page), "\u00a0", " ")), " ")
	documented := 0
	for _, c := range fam.Codes.Codes {
		if c.Documented {
			documented++
		}
	}
	if documented != len(want) {
		t.Errorf("catalog documents %d Mini Program codes, want %d", documented, len(want))
	}
	for _, w := range want {
		if !strings.Contains(text, w.code+" "+w.status+" "+w.message) {
			t.Fatalf("test table out of step with the page: %s %s %q", w.code, w.status, w.message)
		}
		c := fam.Codes.Lookup(w.code)
		if c == nil {
			t.Errorf("resultCode %s missing", w.code)
			continue
		}
		if c.Status != w.status || c.Message != w.message || !c.Documented {
			t.Errorf("resultCode %s: status %q message %q documented %v; want %q %q", w.code, c.Status, c.Message, c.Documented, w.status, w.message)
		}
	}
	for _, s := range []string{"S", "F", "U"} {
		if fam.Status.Lookup(s) == nil {
			t.Errorf("status %s missing", s)
		}
	}
	if !fam.Status.IsSuccess("S") || !fam.Codes.IsSuccess("SUCCESS") {
		t.Errorf("success values: status %v, codes %v", fam.Status.Success, fam.Codes.Success)
	}
}

func TestDocumentedRetryClasses(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		family, value string
		want          catalog.Retry
	}{
		{"wechat", "-1", catalog.RetryLater},
		{"wechat", "45011", catalog.RetryLater},
		{"wechat", "42001", catalog.RetryRenewToken},
		{"wechat", "40014", catalog.RetryRenewToken},
		{"wechat", "45009", catalog.RetryReduceTraffic},
		{"wechat", "41001", catalog.RetryNever},
		{"wechat", "0", catalog.RetryUnstated},
		{"miniprogram", "PROCESS_FAIL", catalog.RetryNever},
		{"miniprogram", "PARAM_ILLEGAL", catalog.RetryNever},
		{"miniprogram", "UNKNOWN_EXCEPTION", catalog.RetryLater},
		{"miniprogram", "REQUEST_TRAFFIC_EXCEED_LIMIT", catalog.RetryReduceTraffic},
		{"miniprogram", "EXPIRED_ACCESS_TOKEN", catalog.RetryRenewToken},
	} {
		c := cat.Family(tc.family).Codes.Lookup(tc.value)
		if c == nil || c.Retry != tc.want {
			t.Errorf("%s %s: retry %v, want %s", tc.family, tc.value, c, tc.want)
		}
	}
	if got := cat.Family("wechat").Codes.Lookup("42001").Name; got != "AccessTokenExpired" {
		t.Errorf("42001 is named %s", got)
	}
	if got := cat.Family("wechat").Codes.Lookup("40001").Name; got != "InvalidCredential" {
		t.Errorf("40001 is named %s", got)
	}
}

// TestSeedsMatchShared guards the copies in sources/ against drifting from
// the vendor documents the project was given, when those are beside the clone.
func TestSeedsMatchShared(t *testing.T) {
	for copy, seed := range map[string]string{
		"wechat.txt":      "002_cdac751d4ebdd2a5.txt",
		"miniprogram.txt": "000_5032df55e8c4e066.txt",
	} {
		want, err := os.ReadFile(filepath.Join("..", "..", "shared", "seeds", seed))
		if err != nil {
			t.Skipf("shared seeds not beside the clone: %v", err)
		}
		got, err := os.ReadFile(filepath.Join("sources", copy))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("sources/%s differs from shared/seeds/%s", copy, seed)
		}
	}
}
