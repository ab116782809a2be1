package sourceimport_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/sourceimport"
)

// readReviewText writes a review file into a fresh working directory and
// reads it back, so that errors name it "r.yaml".
func readReviewText(t *testing.T, text string) (*sourceimport.Review, error) {
	t.Helper()
	t.Chdir(t.TempDir())
	if err := os.WriteFile("r.yaml", []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return sourceimport.ReadReview("r.yaml")
}

func TestImportWithReview(t *testing.T) {
	review, err := readReviewText(t, `family: acme
title: ACME
package: example.com/acme/codes
codes:
  kind: int
  carriers: {json: [code]}
  success: [0]
names:
  "1002": Busy
  "1003": Gone
name-by: errcodevet
aliases:
  "1002": [ServiceBusy1002]
retry:
  "1001":
    class: never
    why: the widget must be replaced, not called again
`)
	if err != nil {
		t.Fatal(err)
	}
	page := "0 OK\n1001 Widget is broken. Try again later.\n1002 Service is busy. Try again later.\n1003 Gone\n"
	f, err := sourceimport.Import("acme.txt", []byte(page), review)
	if err != nil {
		t.Fatal(err)
	}
	if f.Family != "acme" || f.Title != "ACME" || f.Package != "example.com/acme/codes" {
		t.Errorf("header %q %q %q", f.Family, f.Title, f.Package)
	}
	want := []catalog.FileEntry{
		{Value: "0", Name: "OK", Message: "OK", Retry: catalog.RetryUnstated},
		{Value: "1001", Name: "WidgetBroken", Message: "Widget is broken. Try again later.", Action: "Try again later.", Retry: catalog.RetryNever},
		// a name the reviewer chose is theirs; one the page spells is not
		{Value: "1002", Name: "Busy", Message: "Service is busy. Try again later.", Action: "Try again later.", Retry: catalog.RetryLater,
			NameBy: "errcodevet", Aliases: []string{"ServiceBusy1002"}},
		{Value: "1003", Name: "Gone", Message: "Gone", Retry: catalog.RetryUnstated},
	}
	checkEntries(t, f.Codes.Documented, want)
	if !slices.Equal(f.Codes.Carriers.JSON, []string{"code"}) || !slices.Equal(f.Codes.Success, []string{"0"}) {
		t.Errorf("codes table %+v", *f.Codes)
	}
	if f.Status != nil {
		t.Errorf("an errcode page has no status table: %+v", *f.Status)
	}

	// The review is not changed: a second import gives the same file.
	again, err := sourceimport.Import("acme.txt", []byte(page), review)
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, again.Codes.Documented, want)
	if review.Codes.Documented != nil {
		t.Errorf("Import changed the review: %+v", review.Codes.Documented)
	}
}

// checkEntries compares entries, ignoring their unexported positions.
func checkEntries(t *testing.T, got, want []catalog.FileEntry) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d entries %+v\nwant %d %+v", len(got), got, len(want), want)
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Value != w.Value || g.Name != w.Name || g.Status != w.Status || g.Message != w.Message || g.Action != w.Action || g.Retry != w.Retry ||
			g.NameBy != w.NameBy || !slices.Equal(g.Aliases, w.Aliases) {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

func TestImportErrors(t *testing.T) {
	family := catalog.File{Family: "acme"}
	for _, tc := range []struct {
		name   string
		page   string
		review *sourceimport.Review
		want   string
	}{
		{
			name:   "derived names collide",
			page:   "Codes\n40035 Invalid parameter\n40036 Invalid media\n61451 Invalid parameter\n61452 Invalid parameter!\n",
			review: &sourceimport.Review{File: family},
			want: "p.txt:4: 61451 and 40035 (line 2) would both be named InvalidParameter: pin distinct names in the review file\n" +
				"p.txt:5: 61452 and 61451 (line 4) would both be named InvalidParameter: pin distinct names in the review file",
		},
		{
			name:   "pinned name collides with a derived one",
			page:   "1 Busy\n2 Closed\n",
			review: &sourceimport.Review{File: family, Names: map[string]string{"2": "Busy"}},
			want:   "p.txt:2: 2 and 1 (line 1) would both be named Busy: pin distinct names in the review file",
		},
		{
			name:   "result codes collide",
			page:   "resultCode\nresultStatus\nresultMessage\nTHE_END\nF\nEnd.\nEND\nF\nEnd.\n",
			review: &sourceimport.Review{File: family},
			want:   "p.txt:7: END and THE_END (line 4) would both be named End: pin distinct names in the review file",
		},
		{
			name:   "review names a code the page lacks",
			page:   "1 Busy\n2 Closed\n",
			review: &sourceimport.Review{File: family, Names: map[string]string{"1": "Busy", "3": "Gone", "-3": "Gone2"}},
			want: "p.txt: the review names code -3, which the page does not document\n" +
				"p.txt: the review names code 3, which the page does not document",
		},
		{
			name: "review corrects the retry of a code the page lacks",
			page: "1 Busy\n2 Closed\n",
			review: &sourceimport.Review{File: family, Retry: map[string]sourceimport.RetryOverride{
				"4": {Class: catalog.RetryNever, Why: "gone"},
			}},
			want: "p.txt: the review names code 4, which the page does not document",
		},
		{
			name: "alias of a code the page lacks",
			page: "1 Busy\n2 Closed\n",
			review: &sourceimport.Review{File: family, Names: map[string]string{"1": "Busy"},
				Aliases: map[string][]string{"5": {"Code5"}}},
			want: "p.txt: the review names code 5, which the page does not document",
		},
		{
			name: "alias repeats another code's name",
			page: "1 Busy\n2 Closed\n",
			review: &sourceimport.Review{File: family, Names: map[string]string{"2": "Shut"},
				Aliases: map[string][]string{"2": {"Busy"}}},
			want: "p.txt:2: 2 and 1 (line 1) would both be named Busy: pin distinct names in the review file",
		},
		{
			name:   "value repeated",
			page:   "1 Busy\n2 Closed\n01 Occupied\n",
			review: &sourceimport.Review{File: family},
			want:   "p.txt:3: value 01 already listed at line 1",
		},
		{
			name:   "result code repeated",
			page:   "resultCode\nresultStatus\nresultMessage\nBUSY\nU\nBusy.\nBUSY\nF\nBusy again.\n",
			review: &sourceimport.Review{File: family},
			want:   "p.txt:7: value BUSY already listed at line 4",
		},
		{
			name:   "value out of range",
			page:   "1 Busy\n99999999999999999999 Too big\n",
			review: &sourceimport.Review{File: family},
			want:   "p.txt:2: value 99999999999999999999 is not a 64-bit integer",
		},
		{
			name:   "derived name taken by a default status",
			page:   "resultCode\nresultStatus\nresultMessage\nSTATUS_UNKNOWN\nU\nUnknown.\n",
			review: &sourceimport.Review{File: family},
			want:   "p.txt:4: STATUS_UNKNOWN would be named StatusUnknown, as is status U: pin another name in the review file",
		},
		{
			name: "derived name taken by a review entry",
			page: "1 Busy\n2 Closed\n",
			review: &sourceimport.Review{File: catalog.File{Family: "acme", Codes: &catalog.FileTable{
				Known: []catalog.FileEntry{{Value: "3", Name: "Closed"}},
			}}},
			want: "p.txt:2: 2 would be named Closed, as is code 3: pin another name in the review file",
		},
		{
			name: "value listed by the review",
			page: "1 Busy\n2 Closed\n",
			review: &sourceimport.Review{File: catalog.File{Family: "acme", Codes: &catalog.FileTable{
				Known: []catalog.FileEntry{{Value: "+2"}},
			}}},
			want: "p.txt:2: value 2 is also listed by the review",
		},
		{
			name:   "status not in the status table",
			page:   "resultCode\nresultStatus\nresultMessage\nOK\nS\nFine.\nLATER\nA\nAccepted.\n",
			review: &sourceimport.Review{File: family},
			want:   "p.txt:7: LATER has resultStatus A, which the status table does not list",
		},
		{
			name:   "page not UTF-8",
			page:   "1 Busy\n2 Ferm\xe9\n",
			review: &sourceimport.Review{File: family},
			want:   "p.txt:2: the page is not UTF-8 text: convert it to UTF-8",
		},
		{
			name:   "page without codes",
			page:   "Nothing here.\n",
			review: &sourceimport.Review{File: family},
			want:   `p.txt: no error codes found: want lines such as "42001 access_token expired", or resultCode/resultStatus/resultMessage columns`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := sourceimport.Import("p.txt", []byte(tc.page), tc.review)
			if err == nil {
				t.Fatalf("Import succeeded: %+v; want error:\n%s", f, tc.want)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("Import error:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestReadReview(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{
			name: "unknown key",
			text: "family: acme\nnames: {\"1\": Busy}\nretries: {}\n",
			want: "r.yaml: unmarshal errors:\n  line 3: field retries not found in type sourceimport.Review",
		},
		{
			name: "unknown key in the header",
			text: "family: acme\ncodes:\n  kind: int\n  carrier: {json: [code]}\n",
			want: "r.yaml: unmarshal errors:\n  line 4: field carrier not found in type catalog.FileTable",
		},
		{
			name: "unknown key in an override",
			text: "family: acme\nretry:\n  \"1\": {class: never, why: fix it, when: always}\n",
			want: "r.yaml: unmarshal errors:\n  line 3: field when not found in type sourceimport.RetryOverride",
		},
		{
			name: "override without a reason",
			text: "family: acme\nretry:\n  \"1\": {class: never}\n",
			want: "r.yaml: retry override of 1 needs a reason (why)",
		},
		{
			name: "override with an empty reason",
			text: "family: acme\nretry:\n  \"1\": {class: never, why: \"\"}\n",
			want: "r.yaml: retry override of 1 needs a reason (why)",
		},
		{
			name: "override without a class",
			text: "family: acme\nretry:\n  \"1\": {why: the page is wrong}\n",
			want: `r.yaml: retry class "" of 1 is not a retry class`,
		},
		{
			name: "override with an unknown class",
			text: "family: acme\nretry:\n  \"1\": {class: maybe, why: the page is wrong}\n",
			want: `r.yaml: retry class "maybe" of 1 is not a retry class`,
		},
		{
			name: "alias of a code without a pinned name",
			text: "family: acme\nnames: {\"1\": Busy}\naliases: {\"2\": [Code2]}\n",
			want: "r.yaml: aliases of 2: the code has no pinned name to alias",
		},
		{
			name: "alias not an identifier",
			text: "family: acme\nnames: {\"1\": Busy}\naliases: {\"1\": [code-1]}\n",
			want: `r.yaml: alias "code-1" of 1 is not an exported Go identifier`,
		},
		{
			name: "YAML syntax error",
			text: "family: acme\nnames:\n\t\"1\": Busy\n",
			want: "r.yaml: line 3: found character that cannot start any token",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := readReviewText(t, tc.text)
			if err == nil {
				t.Fatalf("ReadReview = %+v; want error:\n%s", r, tc.want)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("ReadReview error:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestReadReviewMissing(t *testing.T) {
	if r, err := sourceimport.ReadReview("testdata/no-such-review.yaml"); err == nil {
		t.Errorf("ReadReview of a missing file = %+v, want an error", r)
	}
}

func TestReadSourceReviews(t *testing.T) {
	for _, tc := range []struct {
		family string
		names  int
	}{
		{"wechat", 1865},
		{"miniprogram", 43},
	} {
		r, err := sourceimport.ReadReview("../../catalog/sources/" + tc.family + ".review.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if r.Family != tc.family || len(r.Names) != tc.names {
			t.Errorf("%s review: family %q, %d names; want %d", tc.family, r.Family, len(r.Names), tc.names)
		}
	}
}

// TestImportWithoutReview imports a page of each shape with no review: the
// family is named after the file, the names are derived, and the carriers
// are those of the format.
func TestImportWithoutReview(t *testing.T) {
	t.Run("errcode", func(t *testing.T) {
		page := "Error codes\n\n1001 Widget is broken. Replace the widget.\n1002 Service is busy. Try again later.\n-1 Invalid token\n"
		f, err := sourceimport.Import("pages/acme.txt", []byte(page), nil)
		if err != nil {
			t.Fatal(err)
		}
		if f.Family != "acme" || f.Extends != "" || f.Package != "" {
			t.Errorf("family %q, extends %q, package %q; want family acme", f.Family, f.Extends, f.Package)
		}
		if f.Codes.Kind != catalog.KindInt {
			t.Errorf("codes kind %s, want int", f.Codes.Kind)
		}
		if want := (catalog.FileCarriers{JSON: []string{"errcode"}}); !equalCarriers(f.Codes.Carriers, want) {
			t.Errorf("carriers %+v, want %+v", f.Codes.Carriers, want)
		}
		if f.Status != nil {
			t.Errorf("status table %+v, want none", *f.Status)
		}
		checkEntries(t, f.Codes.Documented, []catalog.FileEntry{
			{Value: "1001", Name: "WidgetBroken", Message: "Widget is broken. Replace the widget.", Action: "Replace the widget.", Retry: catalog.RetryUnstated},
			{Value: "1002", Name: "ServiceBusy", Message: "Service is busy. Try again later.", Action: "Try again later.", Retry: catalog.RetryLater},
			{Value: "-1", Name: "InvalidToken", Message: "Invalid token", Retry: catalog.RetryNever},
		})
		if _, err := catalog.New(f); err != nil {
			t.Errorf("the imported family does not load: %v", err)
		}
	})
	t.Run("result", func(t *testing.T) {
		page := "resultCode\nresultStatus\nresultMessage\nFurther Action\n" +
			"RATE_LIMITED\nF\nToo many calls.\nReduce the calling frequency.\n" +
			"SYSTEM_BUSY\nU\nBusy.\n"
		f, err := sourceimport.Import("acme-pay.txt", []byte(page), nil)
		if err != nil {
			t.Fatal(err)
		}
		if f.Family != "acmepay" {
			t.Errorf("family %q, want acmepay", f.Family)
		}
		if f.Codes.Kind != catalog.KindString {
			t.Errorf("codes kind %s, want string", f.Codes.Kind)
		}
		if want := (catalog.FileCarriers{JSON: []string{"resultCode"}}); !equalCarriers(f.Codes.Carriers, want) {
			t.Errorf("code carriers %+v, want %+v", f.Codes.Carriers, want)
		}
		checkEntries(t, f.Codes.Documented, []catalog.FileEntry{
			{Value: "RATE_LIMITED", Name: "RateLimited", Status: "F", Message: "Too many calls.", Action: "Reduce the calling frequency.", Retry: catalog.RetryReduceTraffic},
			{Value: "SYSTEM_BUSY", Name: "SystemBusy", Status: "U", Message: "Busy.", Retry: catalog.RetryLater},
		})
		if f.Status == nil {
			t.Fatal("no status table")
		}
		if want := (catalog.FileCarriers{JSON: []string{"resultStatus"}}); !equalCarriers(f.Status.Carriers, want) {
			t.Errorf("status carriers %+v, want %+v", f.Status.Carriers, want)
		}
		if !slices.Equal(f.Status.Success, []string{"S"}) {
			t.Errorf("status success %q, want [S]", f.Status.Success)
		}
		var statuses []string
		for _, e := range f.Status.Documented {
			statuses = append(statuses, e.Value+"="+e.Name+"/"+string(e.Retry))
		}
		if want := []string{"S=StatusSuccess/unstated", "F=StatusFailure/unstated", "U=StatusUnknown/retry"}; !slices.Equal(statuses, want) {
			t.Errorf("statuses %q, want %q", statuses, want)
		}
		if _, err := catalog.New(f); err != nil {
			t.Errorf("the imported family does not load: %v", err)
		}
	})
	t.Run("page in Chinese", func(t *testing.T) {
		page := "-1 系统繁忙，此时请开发者稍候再试\n0 请求成功\n"
		f, err := sourceimport.Import("weixin.txt", []byte(page), nil)
		if err != nil {
			t.Fatal(err)
		}
		checkEntries(t, f.Codes.Documented, []catalog.FileEntry{
			{Value: "-1", Name: "CodeMinus1", Message: "系统繁忙，此时请开发者稍候再试", Retry: catalog.RetryLater},
			{Value: "0", Name: "Code0", Message: "请求成功", Retry: catalog.RetryUnstated},
		})
		// the documented success value is the family's success
		if !slices.Equal(f.Codes.Success, []string{"0"}) {
			t.Errorf("success %q, want [0]", f.Codes.Success)
		}
	})
	t.Run("result page with SUCCESS", func(t *testing.T) {
		page := "resultCode\nresultStatus\nresultMessage\nSUCCESS\nS\nSuccess.\nBUSY\nU\nBusy.\n"
		f, err := sourceimport.Import("acme-pay.txt", []byte(page), nil)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(f.Codes.Success, []string{"SUCCESS"}) {
			t.Errorf("success %q, want [SUCCESS]", f.Codes.Success)
		}
	})
	t.Run("file name is no family name", func(t *testing.T) {
		f, err := sourceimport.Import("2024.txt", []byte("1 Busy\n"), nil)
		want := `2024.txt: the file name gives no family name: name the family in a review file`
		if err == nil || err.Error() != want {
			t.Errorf("Import = %+v, %v; want error %s", f, err, want)
		}
	})
}

func equalCarriers(a, b catalog.FileCarriers) bool {
	return slices.Equal(a.JSON, b.JSON) && slices.Equal(a.Fields, b.Fields) &&
		slices.Equal(a.Types, b.Types) && slices.Equal(a.MapKeys, b.MapKeys)
}

// TestImportExtension imports an API's result page as an extension of the
// built-in miniprogram family: the family's status table applies, and the
// file loads with the built-ins.
func TestImportExtension(t *testing.T) {
	page := "resultCode\nresultStatus\nresultMessage\nFurther Action\n" +
		"ORDER_CLOSED\nF\nThe order is closed.\nCreate a new order.\n" +
		"PAYMENT_PENDING\nU\nThe payment is pending.\nQuery the payment later.\n"
	review := &sourceimport.Review{File: catalog.File{Extends: "miniprogram", Package: "example.com/pay/results"}}
	f, err := sourceimport.Import("pay.txt", []byte(page), review)
	if err != nil {
		t.Fatal(err)
	}
	if f.Status != nil {
		t.Errorf("an extension got a status table: %+v", *f.Status)
	}
	if !f.Codes.Carriers.Empty() {
		t.Errorf("an extension got the family's carriers again: %+v", f.Codes.Carriers)
	}
	out, err := f.Marshal("")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "pay.yaml")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Load(path)
	if err != nil {
		t.Fatalf("the imported extension does not load: %v\n%s", err, out)
	}
	c := cat.Family("miniprogram").Codes.Lookup("PAYMENT_PENDING")
	if c == nil || c.Name != "PaymentPending" || c.Status != "U" || c.Package != "example.com/pay/results" {
		t.Errorf("PAYMENT_PENDING = %+v", c)
	}
}
