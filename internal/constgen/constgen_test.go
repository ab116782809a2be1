package constgen_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/constgen"
)

var retryConsts = map[catalog.Retry]string{
	catalog.RetryUnstated:      "RetryUnstated",
	catalog.RetryLater:         "RetryLater",
	catalog.RetryRenewToken:    "RetryAfterTokenRenewal",
	catalog.RetryReduceTraffic: "RetryWithLessTraffic",
	catalog.RetryNever:         "RetryNever",
}

// lookedUp is what the generated program prints for one value.
type lookedUp struct {
	Value, Const, Name, Message, Action, Status string
	Found, RetryOK                              bool
}

// TestGeneratedAgreesWithCatalog builds each generated package (built-in
// families and a custom one) in a module of its own at go 1.18 with a
// program that looks up every value of the catalog, and compares what it
// prints with the catalog: every named code is a constant of its value and
// is found with its text and retry advice; an unnamed one is not found.
func TestGeneratedAgreesWithCatalog(t *testing.T) {
	cat, err := catalog.Load(filepath.Join("..", "..", "testdata", "catalog", "acme.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, fam := range cat.Families() {
		t.Run(fam.Name, func(t *testing.T) {
			src, err := constgen.Generate(fam, "catalog/"+fam.Name+".yaml")
			if err != nil {
				t.Fatal(err)
			}
			// The program is table-driven: a statement per value makes a
			// family of thousands of codes slow to compile.
			var want []lookedUp
			var prog strings.Builder
			pkgName := path.Base(fam.Package)
			fmt.Fprintf(&prog, "package main\n\nimport (\n\t\"encoding/json\"\n\t\"fmt\"\n\t\"os\"\n\n\tp %q\n)\n\n", "example.com/gen/"+pkgName)
			status := `""`
			if fam.Codes.Kind == catalog.KindString {
				status = "info.Status"
			}
			var loops strings.Builder
			for i, table := range fam.Tables() {
				goType, lookup := "int64", "Lookup"
				if table.Kind == catalog.KindString {
					goType = "string"
				}
				if table.Role == catalog.RoleStatus {
					lookup = "LookupStatus"
				}
				fmt.Fprintf(&prog, "var table%d = []struct {\n\tvalue, konst %s\n\tnamed bool\n\tretry p.Retry\n}{\n", i, goType)
				for _, c := range table.Codes {
					if c.Package != "" && c.Package != fam.Package {
						continue
					}
					lit := c.Value
					if table.Kind == catalog.KindString {
						lit = strconv.Quote(c.Value)
					}
					w := lookedUp{Value: c.Value, RetryOK: true}
					konst, retry := lit, "p.RetryUnstated"
					if c.Name != "" {
						w = lookedUp{Value: c.Value, Const: c.Value, Name: c.Name, Message: c.Message, Action: c.Action, Found: true, RetryOK: true}
						if table.Role == catalog.RoleCode {
							w.Status = c.Status
						}
						konst, retry = "p."+c.Name, "p."+retryConsts[c.Retry]
					}
					want = append(want, w)
					fmt.Fprintf(&prog, "\t{%s, %s, %v, %s},\n", lit, konst, c.Name != "", retry)
				}
				prog.WriteString("}\n\n")
				fmt.Fprintf(&loops, "\tfor _, e := range table%d {\n\t\tinfo, ok := p.%s(e.value)\n\t\tkonst := \"\"\n\t\tif e.named {\n\t\t\tkonst = fmt.Sprint(e.konst)\n\t\t}\n"+
					"\t\tenc.Encode(map[string]any{\"Value\": fmt.Sprint(e.value), \"Const\": konst, \"Name\": info.Name, \"Message\": info.Message, \"Action\": info.Action, \"Status\": %s, \"Found\": ok, \"RetryOK\": info.Retry == e.retry})\n\t}\n",
					i, lookup, status)
			}
			prog.WriteString("func main() {\n\tenc := json.NewEncoder(os.Stdout)\n")
			prog.WriteString(loops.String())
			prog.WriteString("}\n")

			dir := t.TempDir()
			for name, data := range map[string][]byte{
				"go.mod":              constgen.GoMod("example.com/gen"),
				pkgName + "/codes.go": src,
				"cmd/lookup/main.go":  []byte(prog.String()),
			} {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if out, err := goRun(t, dir, "vet", "./..."); err != nil {
				t.Fatalf("go vet: %v\n%s", err, out)
			}
			out, err := goRun(t, dir, "run", "./cmd/lookup")
			if err != nil {
				t.Fatalf("go run: %v\n%s", err, prog.String())
			}
			dec := json.NewDecoder(strings.NewReader(string(out)))
			i := 0
			for ; dec.More(); i++ {
				var got lookedUp
				if err := dec.Decode(&got); err != nil {
					t.Fatal(err)
				}
				if i >= len(want) {
					t.Fatalf("more output than values: %+v", got)
				}
				if got != want[i] {
					t.Errorf("value %s:\n got %+v\nwant %+v", want[i].Value, got, want[i])
				}
			}
			if i != len(want) || i == 0 {
				t.Errorf("the program printed %d values, want %d", i, len(want))
			}
		})
	}
}

func goRun(t *testing.T, dir string, args ...string) ([]byte, error) {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	cmd := exec.Command(goCmd, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod")
	out, err := cmd.Output()
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		return out, fmt.Errorf("%v: %s", err, ee.Stderr)
	}
	return out, err
}

// TestAliases checks a code's earlier names: each is declared as the
// code's constant under a doc comment whose "Deprecated:" paragraph names
// the new one (what staticcheck's SA1019 and editors look for), and code
// using one still builds. A name errcodevet chose says so in its comment.
func TestAliases(t *testing.T) {
	f, err := catalog.Parse("acme.yaml", []byte(`family: acme
package: example.com/gen/acme
codes:
  kind: int
  carriers: {json: [code]}
  documented:
    - {value: 7, name: TooLate, name-by: errcodevet, aliases: [Code7, Seven], message: 太晚了}
    - {value: 8, name: Eight, message: Eight.}
`))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.New(f)
	if err != nil {
		t.Fatal(err)
	}
	fam := cat.Family("acme")
	src, err := constgen.Generate(fam, "acme.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file, err := parser.ParseFile(token.NewFileSet(), "codes.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	docs := make(map[string]string) // constant: its doc comment
	values := make(map[string]string)
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if len(vs.Values) == 0 {
				continue
			}
			docs[vs.Names[0].Name] = vs.Doc.Text()
			values[vs.Names[0].Name] = types.ExprString(vs.Values[0])
		}
	}
	for _, alias := range []string{"Code7", "Seven"} {
		if values[alias] != "TooLate" {
			t.Errorf("%s = %s, want TooLate", alias, values[alias])
		}
		if !strings.Contains(docs[alias], "\n\nDeprecated: use TooLate.\n") {
			t.Errorf("%s's doc has no Deprecated paragraph naming TooLate:\n%s", alias, docs[alias])
		}
	}
	if want := "The name is errcodevet's, written from the vendor's text."; !strings.Contains(docs["TooLate"], want) {
		t.Errorf("TooLate's doc does not say %q:\n%s", want, docs["TooLate"])
	}
	if strings.Contains(docs["Eight"], "errcodevet") || strings.Contains(docs["Eight"], "Deprecated") {
		t.Errorf("Eight's doc speaks of a name it does not have:\n%s", docs["Eight"])
	}

	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"go.mod":        constgen.GoMod("example.com/gen"),
		"acme/codes.go": src,
		"use/use.go":    []byte("package use\n\nimport \"example.com/gen/acme\"\n\nvar _ = [1]int{}[acme.Code7-acme.TooLate+acme.Seven-7]\n"),
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := goRun(t, dir, "vet", "./..."); err != nil {
		t.Fatalf("go vet: %v\n%s", err, out)
	}
}

// TestAliasReserved checks that an alias may not take a helper's name.
func TestAliasReserved(t *testing.T) {
	f, err := catalog.Parse("acme.yaml", []byte(`family: acme
package: example.com/gen/acme
codes:
  kind: int
  carriers: {json: [code]}
  documented:
    - {value: 7, name: TooLate, aliases: [Lookup], message: Too late.}
`))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.New(f)
	if err != nil {
		t.Fatal(err)
	}
	_, err = constgen.Generate(cat.Family("acme"), "acme.yaml")
	if want := "family acme: code 7 may not be named Lookup: the helpers use that name"; err == nil || err.Error() != want {
		t.Errorf("Generate: %v, want %s", err, want)
	}
}
