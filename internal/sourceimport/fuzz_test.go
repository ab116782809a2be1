package sourceimport_test

import (
	"bytes"
	"go/token"
	"maps"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/sourceimport"
)

// FuzzImport checks that Parse and Import never panic, and that Import of a
// page Parse reads either fails with errors located in the page or gives a
// family that keeps every row's text under an exported name and loads.
//
// The WeChat page seeds the corpus by its first lines only: the fuzzer
// minimizes every input that finds new coverage, which for the whole page
// takes much of a run. TestParseWeChatPage covers the whole page.
func FuzzImport(f *testing.F) {
	f.Add(firstLines(readSource(f, "wechat.txt"), 40))
	f.Add(readSource(f, "miniprogram.txt"))
	for _, page := range []string{
		"",
		"42001\n",
		"1 Busy\n01 Busy again\n",
		"1 Busy\n99999999999999999999 Too big\n",
		"-1 系统繁忙，此时请开发者稍候再试\n0 请求成功\n",
		"1 Échec\n2 ßig\n3 ...\n4 10 items\n",
		"1 Ferm\xe9\n",
		"40035 Invalid parameter\n61451 Invalid parameter\n",
		"resultCode\nresultStatus\nresultMessage\n",
		"resultCode\nresultStatus\nresultMessage\nFurther Action\nOK\nS\nFine.\n• Nothing to do.\nNext heading\n",
		"resultCode\nresultStatus\nresultMessage\nOK\nS\nNOT_OK\nF\nNot fine.\n",
		"resultCode\nresultStatus\nresultMessage\nSTATUS_UNKNOWN\nU\nUnknown.\nLATER\nA\nAccepted.\n",
		"resultCode\nresultStatus\nresultMessage\nBUSY\nU\nBusy.\nBUSY\nF\nBusy again.\n",
		"resultCode\r\nresultStatus\r\nresultMessage\r\nOK\r\nS\r\n\u00a0Fine.\u00a0\r\n",
		"api\tresultCode\tresultStatus\tresultMessage\tfurtherAction\npay\tBUSY\tU\tBusy.\tQuery.\nrefund\tBUSY\tF\tBusy.\t\nrefund\tOK\tS\tFine.\t\n",
		"api\tresultCode\tresultStatus\tresultMessage\tfurtherAction\tsource\npay\tOK\tS\tFine.\t\thttps://example.com\npay\tOK\tS\tAgain.\t\t\n",
	} {
		f.Add([]byte(page))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		format, rows, parseErr := sourceimport.Parse("page.txt", page)
		file, err := sourceimport.Import("page.txt", page, nil)
		if parseErr != nil {
			if err == nil || err.Error() != parseErr.Error() {
				t.Fatalf("Parse failed (%v) but Import gave %v", parseErr, err)
			}
			return
		}
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "page.txt:") {
					t.Fatalf("Import error not located in the page: %q", line)
				}
			}
			return
		}
		// The rows of a code that several APIs list merge into one entry,
		// which takes its text from the first.
		var first []sourceimport.Row
		apis := make(map[string]map[string]string)
		for _, row := range rows {
			if apis[row.Value] == nil {
				first = append(first, row)
				apis[row.Value] = make(map[string]string)
			}
			if row.API != "" {
				apis[row.Value][row.API] = row.Status
			}
		}
		if len(file.Codes.Documented) != len(first) {
			t.Fatalf("%d codes imported as %d entries", len(first), len(file.Codes.Documented))
		}
		for i, row := range first {
			e := file.Codes.Documented[i]
			status := row.Status
			for _, s := range apis[row.Value] {
				if s != row.Status {
					status = ""
				}
			}
			if e.Message != row.Message || e.Action != row.Action || e.Status != status {
				t.Errorf("row %+v imported as %+v", row, e)
			}
			if len(apis[row.Value]) > 0 && !maps.Equal(e.APIs, apis[row.Value]) {
				t.Errorf("%s: APIs %v, want %v", row.Value, e.APIs, apis[row.Value])
			}
			if !token.IsIdentifier(e.Name) || !token.IsExported(e.Name) {
				t.Errorf("row %+v named %q", row, e.Name)
			}
			if got := sourceimport.DeriveName(format, row); got != e.Name {
				t.Errorf("row %+v named %s, derived %s", row, e.Name, got)
			}
		}
		if _, err := catalog.New(file); err != nil {
			t.Errorf("the imported family does not load: %v", err)
		}
	})
}

// firstLines returns the first n lines of data.
func firstLines(data []byte, n int) []byte {
	end := 0
	for i := 0; i < n && end < len(data); i++ {
		if nl := bytes.IndexByte(data[end:], '\n'); nl >= 0 {
			end += nl + 1
		} else {
			end = len(data)
		}
	}
	return data[:end]
}
