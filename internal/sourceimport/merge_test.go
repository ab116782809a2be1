package sourceimport_test

import (
	"maps"
	"os"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/sourceimport"
)

// The per-API merge is tested on synthetic tables in testdata/: invented
// codes, so that the tests say what the importer does, not what a vendor
// documents.

// acmeReview is the review of the synthetic family: the status table lists
// A (accepted) beside S, F and U.
func acmeReview() *sourceimport.Review {
	return &sourceimport.Review{
		File: catalog.File{
			Family: "acme",
			Codes: &catalog.FileTable{
				Kind:     catalog.KindString,
				Carriers: catalog.FileCarriers{JSON: []string{"acmeCode"}},
			},
			Status: &catalog.FileTable{
				Kind:     catalog.KindString,
				Carriers: catalog.FileCarriers{JSON: []string{"acmeStatus"}},
				Success:  []string{"S"},
				Documented: []catalog.FileEntry{
					{Value: "S", Message: "Success."},
					{Value: "F", Message: "Failure."},
					{Value: "U", Message: "Unknown outcome.", Retry: catalog.RetryLater},
					{Value: "A", Message: "Accepted."},
				},
			},
		},
	}
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func importAcme(t *testing.T, review *sourceimport.Review, tables ...sourceimport.Page) (*catalog.File, error) {
	t.Helper()
	if tables == nil {
		tables = []sourceimport.Page{{Name: "acme-apis.tsv", Text: readTestdata(t, "acme-apis.tsv")}}
	}
	return sourceimport.Import("acme-common.txt", readTestdata(t, "acme-common.txt"), review, tables...)
}

func TestParseResultTable(t *testing.T) {
	format, rows, err := sourceimport.Parse("acme-apis.tsv", readTestdata(t, "acme-apis.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if format != sourceimport.FormatResultTable {
		t.Errorf("format %s, want %s", format, sourceimport.FormatResultTable)
	}
	if len(rows) != 8 {
		t.Fatalf("%d rows, want 8: %+v", len(rows), rows)
	}
	want := sourceimport.Row{Line: 10, API: "inquiry", Value: "ORDER_PENDING", Status: "F",
		Message: "The order is still being processed.", Source: "https://example.com/acme/inquiry"}
	if rows[4] != want {
		t.Errorf("row 4:\n got %+v\nwant %+v", rows[4], want)
	}
}

func TestParseResultTableErrors(t *testing.T) {
	const header = "api\tresultCode\tresultStatus\tresultMessage\tfurtherAction\n"
	for _, tc := range []struct{ name, page, want string }{
		{"header", "api\tresultCode\tresultStatus\tresultMessage\n", `t.tsv:1: want the header "api\tresultCode\tresultStatus\tresultMessage\tfurtherAction", optionally with a source column, found "api\tresultCode\tresultStatus\tresultMessage"`},
		{"no rows", "# nothing yet\n" + header, "t.tsv: the table has no rows"},
		{"cells", header + "pay\tOK\tS\tFine.\n", "t.tsv:2: want 5 tab-separated cells, found 4"},
		{"api", header + "v2 pay\tOK\tS\tFine.\t\n", `t.tsv:2: api "v2 pay" is not an identifier such as inquiryPayment`},
		{"code", header + "pay\tok\tS\tFine.\t\n", `t.tsv:2: resultCode "ok" is not an upper-case code such as ORDER_NOT_EXIST`},
		{"status", header + "pay\tOK\tSS\tFine.\t\n", `t.tsv:2: resultStatus "SS" of OK is not a status letter such as F`},
		{"message", header + "pay\tOK\tS\t\tNothing.\n", "t.tsv:2: OK has no resultMessage"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := sourceimport.Parse("t.tsv", []byte(tc.page))
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v\nwant %s", err, tc.want)
			}
		})
	}
}

// TestMergeAPIs: a code the page documents keeps the page's text and status
// where an API's table agrees; a code several APIs list is one entry with
// each API's status, and a status only when they agree.
func TestMergeAPIs(t *testing.T) {
	f, err := importAcme(t, acmeReview())
	if err != nil {
		t.Fatal(err)
	}
	want := []catalog.FileEntry{
		{Value: "RATE_LIMITED", Name: "RateLimited", Status: "F", Message: "Too many calls.", Action: "Reduce the calling frequency.", Retry: catalog.RetryReduceTraffic},
		{Value: "SYSTEM_BUSY", Name: "SystemBusy", Status: "U", Message: "The call failed for unknown reasons.", Action: "Call again.", Retry: catalog.RetryLater},
		// The APIs differ: no status, no retry class.
		{Value: "ORDER_PENDING", Name: "OrderPending", Message: "The order is being processed.", Action: "Query the order.", Retry: catalog.RetryUnstated,
			APIs: map[string]string{"pay": "U", "inquiry": "F"}},
		{Value: "CARD_DECLINED", Name: "CardDeclined", Status: "F", Message: "The card was declined.", Action: "Use another card.", Retry: catalog.RetryUnstated,
			APIs: map[string]string{"pay": "F", "refund": "F"}},
		{Value: "ACCEPTED", Name: "Accepted", Status: "A", Message: "Accepted: the payment goes on asynchronously.", Action: "Follow the redirect.", Retry: catalog.RetryUnstated,
			APIs: map[string]string{"pay": "A"}},
		{Value: "ORDER_GONE", Name: "OrderGone", Status: "F", Message: "The order does not exist.", Action: "Check the order ID.", Retry: catalog.RetryUnstated,
			APIs: map[string]string{"inquiry": "F", "refund": "F"}},
	}
	checkEntries(t, f.Codes.Documented, want)
	for i, e := range f.Codes.Documented {
		if !maps.Equal(e.APIs, want[i].APIs) {
			t.Errorf("%s: APIs %v, want %v", e.Value, e.APIs, want[i].APIs)
		}
	}

	// The merged file loads: the catalog sees the per-API statuses.
	cat, err := catalog.New(f)
	if err != nil {
		t.Fatal(err)
	}
	codes := cat.Family("acme").Codes
	pending := codes.Lookup("ORDER_PENDING")
	if pending.Status != "" || pending.Retry != catalog.RetryUnstated || pending.APIStatuses["pay"] != "U" {
		t.Errorf("ORDER_PENDING: status %q, retry %s, APIs %v; want no status, unstated, pay U", pending.Status, pending.Retry, pending.APIStatuses)
	}
	if gone := codes.Lookup("ORDER_GONE"); gone.Status != "F" {
		t.Errorf("ORDER_GONE: status %q, want F (its APIs agree)", gone.Status)
	}
}

func TestMergeAPIsErrors(t *testing.T) {
	const header = "api\tresultCode\tresultStatus\tresultMessage\tfurtherAction\n"
	table := func(rows ...string) []sourceimport.Page {
		return []sourceimport.Page{{Name: "t.tsv", Text: []byte(header + strings.Join(rows, "\n") + "\n")}}
	}
	withDisagree := func(value string) *sourceimport.Review {
		r := acmeReview()
		r.Disagree = map[string]sourceimport.Disagreement{value: {Why: "the page says F; the copy of pay's section says U"}}
		return r
	}
	withRetry := func(value string) *sourceimport.Review {
		r := acmeReview()
		r.Retry = map[string]sourceimport.RetryOverride{value: {Class: catalog.RetryLater, Why: "test"}}
		return r
	}
	for _, tc := range []struct {
		name   string
		review *sourceimport.Review
		tables []sourceimport.Page
		want   string // "" when the import must succeed
	}{
		{
			name:   "an API disagrees with the page",
			review: acmeReview(),
			tables: table("pay\tRATE_LIMITED\tU\tToo many calls.\tCall again."),
			want:   "t.tsv:2: API pay gives RATE_LIMITED status U, but acme-common.txt (line 8) gives F: the page is the authority; note the disagreement in the review (disagree: RATE_LIMITED: {why: ...})",
		},
		{
			name:   "the disagreement is noted",
			review: withDisagree("RATE_LIMITED"),
			tables: table("pay\tRATE_LIMITED\tU\tToo many calls.\tCall again."),
		},
		{
			name:   "a noted disagreement no table has",
			review: withDisagree("SYSTEM_BUSY"),
			tables: table("pay\tRATE_LIMITED\tF\tToo many calls.\t"),
			want:   "acme-common.txt: the review notes a disagreement on SYSTEM_BUSY, but no API's table gives it another status than the page",
		},
		{
			name:   "an API lists a code twice",
			review: acmeReview(),
			tables: table("pay\tORDER_GONE\tF\tGone.\t", "refund\tORDER_GONE\tF\tGone.\t", "pay\tORDER_GONE\tU\tGone?\t"),
			want:   "t.tsv:4: ORDER_GONE is already listed for API pay at t.tsv:2",
		},
		{
			name:   "a retry class for a code whose APIs differ",
			review: withRetry("ORDER_GONE"),
			tables: table("pay\tORDER_GONE\tU\tGone?\t", "refund\tORDER_GONE\tF\tGone.\t"),
			want:   "acme-common.txt: the review gives ORDER_GONE a retry class, but its APIs give it different statuses (pay: U, refund: F): the retry checks must not pick one",
		},
		{
			name:   "a status the table does not list",
			review: acmeReview(),
			tables: table("pay\tORDER_GONE\tX\tGone.\t"),
			want:   "t.tsv:2: ORDER_GONE has resultStatus X, which the status table does not list",
		},
		{
			name:   "an errcode table cannot extend a result page",
			review: acmeReview(),
			tables: []sourceimport.Page{{Name: "e.tsv", Text: []byte("errcode\terrmsg\tdescription\n1\tone\t\n")}},
			want:   "e.tsv: an errcode table cannot extend a result-code page",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := importAcme(t, tc.review, tc.tables...)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tc.want != "" && (err == nil || err.Error() != tc.want):
				t.Errorf("error %v\nwant %s", err, tc.want)
			}
		})
	}
}

// TestSources proves that each entry says where its text was read: the
// codes of the page the review's vendor page, a table's codes its header
// (# vendor:, # copy:, a GitHub file as repository@commit:path) or the
// row's own page where the table names one.
func TestSources(t *testing.T) {
	review := acmeReview()
	review.Vendor = "https://example.com/acme/errors"
	table := strings.Replace(string(readTestdata(t, "acme-apis.tsv")), "# vendor: none\n# copy: none\n",
		"# vendor: https://example.com/acme/apis (the API pages,\n#         one per API)\n# copy:   https://github.com/someone/mirror/blob/0123456789abcdef/docs/apis.md\n", 1)
	f, err := importAcme(t, review, sourceimport.Page{Name: "acme-apis.tsv", Text: []byte(table)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"RATE_LIMITED":  "vendor: https://example.com/acme/errors",
		"SYSTEM_BUSY":   "vendor: https://example.com/acme/errors",
		"ORDER_PENDING": "copy: someone/mirror@0123456:docs/apis.md, of https://example.com/acme/apis",
		"ORDER_GONE":    "copy: someone/mirror@0123456:docs/apis.md, of https://example.com/acme/inquiry",
	}
	for _, e := range f.Codes.Documented {
		if w, ok := want[e.Value]; ok && e.Source != w {
			t.Errorf("%s: source %q, want %q", e.Value, e.Source, w)
		}
		delete(want, e.Value)
	}
	if len(want) > 0 {
		t.Errorf("no entries for %v", want)
	}
	// A review that says where the family's table was read says it for
	// the page's entries: they need not.
	review = acmeReview()
	review.Vendor, review.Source = "https://example.com/acme/errors", "vendor: https://example.com/acme/errors, read through a copy"
	f, err = importAcme(t, review)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range f.Codes.Documented {
		if (e.Value == "RATE_LIMITED" || e.Value == "SYSTEM_BUSY") && e.Source != "" {
			t.Errorf("%s: source %q, want the family's", e.Value, e.Source)
		}
	}
	// A third party's pages say so.
	table = strings.Replace(string(readTestdata(t, "acme-apis.tsv")), "# vendor: none\n",
		"# vendor: https://example.com/superapp/apis\n# tag: 3p: a super app's own pages\n", 1)
	f, err = importAcme(t, acmeReview(), sourceimport.Page{Name: "acme-apis.tsv", Text: []byte(table)})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range f.Codes.Documented {
		if w := map[string]string{"ORDER_PENDING": "3p: https://example.com/superapp/apis", "ORDER_GONE": "3p: https://example.com/acme/inquiry"}[e.Value]; w != "" && e.Source != w {
			t.Errorf("%s: source %q, want %q", e.Value, e.Source, w)
		}
	}
	// Files that say they have no source, and a review without one: only
	// a row that names its page has one.
	f, err = importAcme(t, acmeReview())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range f.Codes.Documented {
		if w := map[string]string{"ORDER_GONE": "vendor: https://example.com/acme/inquiry"}[e.Value]; e.Source != w {
			t.Errorf("%s: source %q, want %q", e.Value, e.Source, w)
		}
	}
}
