package main

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/sourceimport"
)

// sourcesDir holds the vendor pages and tables the built-in catalog is
// generated from, with their reviews: the tests below check the generated
// catalog against them.
var sourcesDir = filepath.Join("..", "..", "..", "catalog", "sources")

// seedRows reads the vendor pages the built-ins are generated from, in the
// simplest way that can be read by eye, independently of the importer: the
// test then proves the importer missed nothing and changed no message.
func wechatSeed(t *testing.T) map[string]string {
	data, err := os.ReadFile(filepath.Join(sourcesDir, "wechat.txt"))
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
	// The English page, then the codes the Open Platform and Mini Program
	// tables add (TestBuiltinWeChatTables).
	if want := len(seed) + 1672 + 33; documented != want {
		t.Errorf("catalog documents %d WeChat codes, want %d", documented, want)
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
	page, err := os.ReadFile(filepath.Join(sourcesDir, "miniprogram.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(strings.ReplaceAll(string(page), "\u00a0", " ")), " ")
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
	for _, s := range []string{"S", "F", "U", "A"} {
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
		// a per-minute frequency limit: slow down ("try again later" too)
		{"wechat", "45011", catalog.RetryReduceTraffic},
		{"wechat", "42001", catalog.RetryRenewToken},
		{"wechat", "40014", catalog.RetryRenewToken},
		// a daily quota or a per-minute limit, by table: later, with less traffic (the review's note)
		{"wechat", "45009", catalog.RetryReduceTraffic},
		// codes beyond the English page: the Open Platform and Mini Program tables
		{"wechat", "40164", catalog.RetryNever},
		{"wechat", "89503", catalog.RetryUnstated},
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
		want, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "shared", "seeds", seed))
		if err != nil {
			t.Skipf("shared seeds not beside the clone: %v", err)
		}
		got, err := os.ReadFile(filepath.Join(sourcesDir, copy))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("sources/%s differs from shared/seeds/%s", copy, seed)
		}
	}
}

// TestBuiltinWeChatTables checks the codes beyond the English page: each
// comes from one of the further tables its review names, with that
// table's text, the first table that lists a code giving it; and each
// table adds the number of codes its review says.
func TestBuiltinWeChatTables(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	fam := cat.Family("wechat")
	seed := wechatSeed(t)
	review, err := sourceimport.ReadReview(filepath.Join(sourcesDir, "wechat.review.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct{ rows, added int }{
		"wechat-open.tsv":        {1832, 1672},
		"wechat-miniprogram.tsv": {187, 33},
	}
	if len(review.Sources) != len(want) {
		t.Fatalf("the review names the tables %v, want %d", review.Sources, len(want))
	}
	from := make(map[string]string) // value: the table that gives its text
	for _, name := range review.Sources {
		data, err := os.ReadFile(filepath.Join(sourcesDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "\n# vendor: https://developers.weixin.qq.com/") ||
			!strings.Contains(string(data), "\n# copy:   https://github.com/") {
			t.Errorf("%s does not say which vendor page it holds and which public copy it was taken from", name)
		}
		_, rows, err := sourceimport.Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		added := 0
		for _, r := range rows {
			if _, ok := seed[r.Value]; ok || from[r.Value] != "" {
				continue
			}
			from[r.Value] = name
			added++
			c := fam.Codes.Lookup(r.Value)
			if c == nil {
				t.Errorf("%s:%d: errcode %s missing from the catalog", name, r.Line, r.Value)
				continue
			}
			if c.Message != r.Message {
				t.Errorf("%s:%d: errcode %s has message %q, the table %q", name, r.Line, r.Value, c.Message, r.Message)
			}
		}
		if w := want[name]; len(rows) != w.rows || added != w.added {
			t.Errorf("%s: %d rows adding %d codes, want %d adding %d", name, len(rows), added, w.rows, w.added)
		}
	}
	for _, c := range fam.Codes.Codes {
		if _, ok := seed[c.Value]; !ok && from[c.Value] == "" {
			t.Errorf("errcode %s is in neither the page nor a table: it has no source", c.Value)
		}
	}
}

// TestBuiltinMiniProgramTables checks the codes beyond the common page: each
// comes from one of the API tables its review names, with the text of the
// first table that lists it and the status each API gives it; each table
// says where it was read (a row's source column names its own page), and each adds the
// number of codes stated here. The common page keeps its seven codes' text
// and status, whatever a table says (the review notes where one disagrees).
func TestBuiltinMiniProgramTables(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	fam := cat.Family("miniprogram")
	page, err := os.ReadFile(filepath.Join(sourcesDir, "miniprogram.txt"))
	if err != nil {
		t.Fatal(err)
	}
	_, seedRows, err := sourceimport.Parse("miniprogram.txt", page)
	if err != nil {
		t.Fatal(err)
	}
	seed := make(map[string]sourceimport.Row)
	for _, r := range seedRows {
		seed[r.Value] = r
	}
	review, err := sourceimport.ReadReview(filepath.Join(sourcesDir, "miniprogram.review.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct{ rows, apis, added int }{
		"miniprogram-alipay.tsv": {6, 1, 1},
		"miniprogram-rebell.tsv": {68, 7, 35},
	}
	if len(review.Sources) != len(want) {
		t.Fatalf("the review names the tables %v, want %d", review.Sources, len(want))
	}
	from := make(map[string]string) // value: the table that gives its text
	apis := make(map[string]map[string]string)
	for _, name := range review.Sources {
		data, err := os.ReadFile(filepath.Join(sourcesDir, name))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if !strings.Contains(text, "\n# vendor: https://") || !strings.Contains(text, "\n# copy:   ") {
			t.Errorf("%s does not say which vendor page it holds and how it was read", name)
		}
		format, rows, err := sourceimport.Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		if format != sourceimport.FormatResultTable {
			t.Fatalf("%s is a %s table, want %s", name, format, sourceimport.FormatResultTable)
		}
		added := 0
		tableAPIs := make(map[string]bool)
		for _, r := range rows {
			tableAPIs[r.API] = true
			if r.Source != "" && !strings.HasPrefix(r.Source, "https://") {
				t.Errorf("%s:%d: %s names its page as %q, want a URL", name, r.Line, r.Value, r.Source)
			}
			if _, ok := seed[r.Value]; ok {
				continue
			}
			if apis[r.Value] == nil {
				apis[r.Value] = make(map[string]string)
			}
			apis[r.Value][r.API] = r.Status
			if from[r.Value] != "" {
				continue
			}
			from[r.Value] = name
			added++
			c := fam.Codes.Lookup(r.Value)
			if c == nil {
				t.Errorf("%s:%d: resultCode %s missing from the catalog", name, r.Line, r.Value)
				continue
			}
			if c.Message != r.Message || c.Action != r.Action || !c.Documented || c.Name == "" {
				t.Errorf("%s:%d: resultCode %s is %+v, the table gives %q %q", name, r.Line, r.Value, *c, r.Message, r.Action)
			}
		}
		if w := want[name]; len(rows) != w.rows || len(tableAPIs) != w.apis || added != w.added {
			t.Errorf("%s: %d rows of %d APIs adding %d codes, want %d of %d adding %d", name, len(rows), len(tableAPIs), added, w.rows, w.apis, w.added)
		}
	}
	for value, byAPI := range apis {
		c := fam.Codes.Lookup(value)
		if c == nil {
			continue
		}
		if !maps.Equal(c.APIStatuses, byAPI) {
			t.Errorf("resultCode %s: APIs %v, the tables give %v", value, c.APIStatuses, byAPI)
		}
	}
	for _, c := range fam.Codes.Codes {
		_, inPage := seed[c.Value]
		switch {
		case inPage:
			if r := seed[c.Value]; c.Message != r.Message || c.Status != r.Status || c.APIStatuses != nil {
				t.Errorf("resultCode %s of the page: %q status %s APIs %v; want the page's %q %s and no APIs", c.Value, c.Message, c.Status, c.APIStatuses, r.Message, r.Status)
			}
		case c.Documented && from[c.Value] == "":
			t.Errorf("resultCode %s is in neither the page nor a table: it has no source", c.Value)
		}
	}
	// The page's REQUEST_TRAFFIC_EXCEED_LIMIT is F; three API tables give U.
	// The page wins, and the review says so.
	if _, noted := review.Disagree["REQUEST_TRAFFIC_EXCEED_LIMIT"]; !noted || fam.Codes.Lookup("REQUEST_TRAFFIC_EXCEED_LIMIT").Status != "F" {
		t.Errorf("REQUEST_TRAFFIC_EXCEED_LIMIT: the page's F and the noted disagreement, want both")
	}
}
