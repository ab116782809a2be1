package catalog_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
)

// FuzzParse checks that Parse never panics, that its errors are located in
// the file, and that a file it accepts is written by Marshal in a form it
// accepts again and writes back unchanged. The files that parse are then
// loaded beside the built-ins, which must not panic either.
//
// The real files seed the corpus by their first lines only: the fuzzer
// minimizes every input that finds new coverage, and minimizing the whole
// 21 KB wechat.yaml takes the fuzzer's minute. TestMarshalBuiltins covers
// the whole files.
func FuzzParse(f *testing.F) {
	var builtins []*catalog.File
	for _, name := range catalog.BuiltinFiles {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		file, err := catalog.Parse(name, data)
		if err != nil {
			f.Fatal(err)
		}
		builtins = append(builtins, file)
		f.Add(firstLines(data, 20))
	}
	reviews, err := filepath.Glob(filepath.Join("sources", "*.review.yaml"))
	if err != nil || len(reviews) == 0 {
		f.Fatalf("no review files: %v", err)
	}
	for _, name := range reviews {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(firstLines(data, 20)) // not catalog files: names and retry are unknown keys
	}
	for _, src := range []string{
		"",
		"family: acme\n\tcodes: {}\n",
		"family: [\n",
		"- family: acme\n",
		"family: acme\nfamily: acme\n",
		"family: Acme\nextends: wechat\n",
		"family: acme\ncodes: {kind: int, carriers: {json: [code]}, success: [0], documented: [{value: 0, message: OK}, {value: 00, message: Zero}]}\n",
		"family: acme\ncodes: {kind: int, carriers: {json: [code]}, success: [abc, +1, ''], known: [{value: 1}]}\n",
		"family: acme\ncodes: {kind: string, carriers: {fields: [a.B.C, '', [x]], types: [gopkg.in/yaml.v3.Node]}, known: [{value: ~}, {value: 'null'}, {value: '0'}]}\n",
		"extends: wechat\ncodes:\n  documented:\n    - {value: 99001, name: QuotaExhausted, message: Quota exhausted., retry: retry}\n",
		"extends: miniprogram\ncodes:\n  known: [{value: ORDER_CLOSED, status: F}, {value: X, status: Q}]\n",
		"family: acme\ntitle: &t ACME\npackage: *t\ncodes: {<<: {kind: int}}\n",
		"family: acme\ncodes:\n  kind: int\n  carriers: {json: [code]}\n  documented:\n    - value: 1\n      message: |\n        Two\n        lines.\n",
		`{"family": "acme", "codes": {"kind": "int", "carriers": {"json": ["code"]}, "documented": [{"value": 1, "message": "M", "retry": "never"}]}}`,
		"family: acme\nstatus: {kind: int}\n",
		"--- \nfamily: acme\n...\n---\nfamily: other\n",
	} {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := catalog.Parse("fuzz.yaml", data)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "fuzz.yaml") {
					t.Fatalf("error line not located in the file: %q", line)
				}
			}
			return
		}
		out, err := file.Marshal("fuzz")
		if err != nil {
			t.Fatalf("Marshal of a parsed file: %v", err)
		}
		again, err := catalog.Parse("fuzz.yaml", out)
		if err != nil {
			t.Fatalf("Marshal output does not parse: %v\n%s", err, out)
		}
		out2, err := again.Marshal("fuzz")
		if err != nil {
			t.Fatalf("Marshal of the reparsed file: %v", err)
		}
		if string(out2) != string(out) {
			t.Fatalf("Marshal output changed by Parse:\n%s\nthen:\n%s", out, out2)
		}
		catalog.New(append(builtins[:len(builtins):len(builtins)], file)...)
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
