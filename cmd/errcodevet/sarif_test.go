package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	gosarif "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/cmd/errcodevet/internal/sarif"
	"github.com/errcodevet/errcodevet/internal/checkdoc"
	"github.com/errcodevet/errcodevet/internal/testmodule"
)

// appGo has findings after non-ASCII text on their lines: SARIF columns
// count UTF-16 code units, go/token columns bytes. 日本 is 2 units in 6
// bytes; 😀 is 2 units (a surrogate pair) in 4 bytes.
const appGo = `package app

type Response struct {
	ErrCode int ` + "`json:\"errcode\"`" + `
}

type Result struct {
	ResultCode string ` + "`json:\"resultCode\"`" + `
}

func TokenExpired(resp *Response) bool {
	/* 日本 */ return resp.ErrCode == 42001
}

func Illegal(res Result) bool {
	return /* 😀 */ res.ResultCode == "PARAM_ILLEGAL"
}

func Unused(resp *Response) bool {
	//errcodevet:ignore magic-code the vendor's docs use the number here
	return resp.ErrCode > 0
}
`

const appTestGo = `package app

import "testing"

func TestExpired(t *testing.T) {
	if !TokenExpired(&Response{ErrCode: 42001}) || (&Response{}).ErrCode == 40001 {
		t.Fatal()
	}
}
`

const (
	magicMsg  = "errcode 42001 compared as a magic number: access_token expired (wechat.AccessTokenExpired)"
	stringMsg = `resultCode "PARAM_ILLEGAL" compared as a magic string: illegal parameters (miniprogram.ParamIllegal)`
	testMsg   = "errcode 40001 compared as a magic number: incorrect AppSecret or invalid access_token (wechat.InvalidCredential)"
)

// run runs `errcodevet sarif args` in dir and returns its exit code, the
// standard output and error.
func runSARIFIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOWORK", "off")
	var stdout, stderr bytes.Buffer
	code := runSARIF(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func sarifFixture(t *testing.T) string {
	return testmodule.New(t, map[string]string{"app/app.go": appGo, "app/app_test.go": appTestGo})
}

// result is the gist of a SARIF result, for comparisons.
type sarifResult struct {
	Rule                     string
	URI                      string
	Line, Col, EndLine, EndC int
	Msg                      string
	Fixes                    int
}

func sarifResults(t *testing.T, log *sarif.Log) []sarifResult {
	t.Helper()
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	var out []sarifResult
	for _, r := range run.Results {
		if len(r.Locations) != 1 {
			t.Fatalf("result %+v: %d locations, want 1", r, len(r.Locations))
		}
		if r.RuleIndex < 0 || r.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s: ruleIndex %d does not name its rule", r.RuleID, r.RuleIndex)
		}
		if want := map[bool]string{true: "error", false: "warning"}[r.RuleID == "unknown-code"]; r.Level != want {
			t.Errorf("result %s: level %q, want %s", r.RuleID, r.Level, want)
		}
		p := r.Locations[0].PhysicalLocation
		if p.ArtifactLocation.URIBaseID != sarif.SrcRoot {
			t.Errorf("result %s: uriBaseId %q, want %s", r.RuleID, p.ArtifactLocation.URIBaseID, sarif.SrcRoot)
		}
		out = append(out, sarifResult{r.RuleID, p.ArtifactLocation.URI, p.Region.StartLine, p.Region.StartColumn,
			p.Region.EndLine, p.Region.EndColumn, r.Message.Text, len(r.Fixes)})
	}
	return out
}

func decodeSARIF(t *testing.T, data []byte) *sarif.Log {
	t.Helper()
	var log sarif.Log
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&log); err != nil {
		t.Fatalf("decoding the log: %v\n%s", err, data)
	}
	return &log
}

func TestSARIF(t *testing.T) {
	dir := sarifFixture(t)
	out := filepath.Join(t.TempDir(), "errcodevet.sarif")
	code, stdout, stderr := runSARIFIn(t, dir, "-o", out, "./...")
	if code != 0 || stdout != "" {
		t.Fatalf("exit code %d, stdout %q, stderr:\n%s", code, stdout, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(t, data); err != nil {
		t.Fatalf("the log does not validate against the SARIF 2.1.0 schema: %v", err)
	}
	log := decodeSARIF(t, data)
	readable(t, data, log)

	if log.Version != "2.1.0" {
		t.Errorf("version %q", log.Version)
	}
	run := log.Runs[0]
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind %q, want utf16CodeUnits", run.ColumnKind)
	}
	if got, want := run.OriginalURIBaseIDs[sarif.SrcRoot].URI, "file://"+filepath.ToSlash(dir)+"/"; got != want {
		t.Errorf("%s is %q, want %q", sarif.SrcRoot, got, want)
	}
	driver := run.Tool.Driver
	if driver.Version != version() {
		t.Errorf("driver version %q, want the version command's %q", driver.Version, version())
	}
	if driver.Name != "errcodevet" || driver.InformationURI == "" {
		t.Errorf("driver %q, informationUri %q", driver.Name, driver.InformationURI)
	}
	var ids []string
	for i, r := range driver.Rules {
		ids = append(ids, r.ID)
		if i < len(analyzer.Checks()) {
			c := analyzer.Checks()[i]
			if r.ShortDescription.Text != c.Title || r.FullDescription == nil || r.FullDescription.Markdown != c.Doc ||
				r.FullDescription.Text != checkdoc.Text(c.Doc) || r.Help == nil || r.HelpURI != c.URL() {
				t.Errorf("rule %s does not carry its check's title, doc and URL: %+v", r.ID, r)
			}
			// The help is the check's whole section of docs/checks.md:
			// every example, in Markdown, and in plain text without marks.
			wants := []string{c.Want}
			for _, ex := range c.More {
				wants = append(wants, ex.Title, ex.Want)
			}
			for _, w := range wants {
				if r.Help != nil && (!strings.Contains(r.Help.Markdown, w) || !strings.Contains(r.Help.Text, w)) {
					t.Errorf("rule %s: help leaves out %q", r.ID, w)
				}
			}
			if r.Help != nil && (strings.Contains(r.Help.Text, "```") || !strings.Contains(r.Help.Markdown, "```go")) {
				t.Errorf("rule %s: help text has Markdown fences, or its Markdown has none", r.ID)
			}
		}
		if want := map[bool]string{true: "error", false: "warning"}[r.ID == "unknown-code"]; r.DefaultConfiguration == nil || r.DefaultConfiguration.Level != want {
			t.Errorf("rule %s: default configuration %+v, want level %s", r.ID, r.DefaultConfiguration, want)
		}
	}
	if got, want := strings.Join(ids, ","), strings.Join(analyzer.CheckIDs(), ",")+",directive"; got != want {
		t.Errorf("rules %s, want %s", got, want)
	}

	// Each finding once, although the package is analyzed twice (with
	// and without its tests); the test file is skipped (-include-tests is
	// off); columns in UTF-16 code units.
	want := []sarifResult{
		{"magic-code", "app/app.go", 12, 34, 12, 39, magicMsg, 1},
		{"string-code", "app/app.go", 16, 36, 16, 51, stringMsg, 1},
		{"directive", "app/app.go", 20, 2, 0, 0, "errcodevet:ignore directive for magic-code suppresses nothing", 0},
	}
	if got := sarifResults(t, log); !reflect.DeepEqual(got, want) {
		t.Errorf("results\n%s\nwant\n%s", dump(got), dump(want))
	}

	fix := run.Results[0].Fixes[0]
	if fix.Description.Text != "Use wechat.AccessTokenExpired instead of 42001" || len(fix.ArtifactChanges) != 1 {
		t.Fatalf("fix %+v", fix)
	}
	change := fix.ArtifactChanges[0]
	if change.ArtifactLocation.URI != "app/app.go" || change.ArtifactLocation.URIBaseID != sarif.SrcRoot {
		t.Errorf("fix location %+v", change.ArtifactLocation)
	}
	last := change.Replacements[len(change.Replacements)-1]
	if last.DeletedRegion != (sarif.Region{StartLine: 12, StartColumn: 34, EndLine: 12, EndColumn: 39}) ||
		last.InsertedContent == nil || last.InsertedContent.Text != "wechat.AccessTokenExpired" {
		t.Errorf("fix replacement %+v %+v", last.DeletedRegion, last.InsertedContent)
	}
}

// readable checks that another SARIF library, go-sarif, reads the log as
// written.
func readable(t *testing.T, data []byte, log *sarif.Log) {
	t.Helper()
	report, err := gosarif.FromBytes(data)
	if err != nil {
		t.Fatalf("go-sarif cannot read the log: %v", err)
	}
	if len(report.Runs) != 1 || len(report.Runs[0].Results) != len(log.Runs[0].Results) {
		t.Fatalf("go-sarif reads %d runs", len(report.Runs))
	}
	for i, r := range report.Runs[0].Results {
		want := log.Runs[0].Results[i]
		loc := r.Locations[0].PhysicalLocation
		if *r.RuleID != want.RuleID || *r.Message.Text != want.Message.Text ||
			*loc.ArtifactLocation.URI != want.Locations[0].PhysicalLocation.ArtifactLocation.URI ||
			*loc.Region.StartColumn != want.Locations[0].PhysicalLocation.Region.StartColumn {
			t.Errorf("go-sarif reads result %d differently", i)
		}
	}
}

func dump(rs []sarifResult) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "\t%+v\n", r)
	}
	return b.String()
}

func TestSARIFTests(t *testing.T) {
	dir := sarifFixture(t)
	testResult := sarifResult{"magic-code", "app/app_test.go", 6, 74, 6, 79, testMsg, 1}
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-include-tests", "./..."}, true},
		{[]string{"-include-tests", "-test=false", "./..."}, false},
		// Without -include-tests: TestSARIF.
	} {
		code, stdout, stderr := runSARIFIn(t, dir, tc.args...)
		if code != 0 {
			t.Fatalf("%v: exit code %d\n%s", tc.args, code, stderr)
		}
		n := 0
		for _, r := range sarifResults(t, decodeSARIF(t, []byte(stdout))) {
			if r.URI == testResult.URI {
				n++
				if r != testResult {
					t.Errorf("%v: %+v, want %+v", tc.args, r, testResult)
				}
			}
		}
		if tc.want && n != 1 || !tc.want && n != 0 {
			t.Errorf("%v: %d results in the test file, want %v", tc.args, n, tc.want)
		}
	}
}

func TestSARIFFlags(t *testing.T) {
	dir := sarifFixture(t)
	code, stdout, stderr := runSARIFIn(t, dir, "-checks=string-code", "-root=..", "-test=false", "./app")
	if code != 0 {
		t.Fatalf("exit code %d\n%s", code, stderr)
	}
	got := sarifResults(t, decodeSARIF(t, []byte(stdout)))
	uri := filepath.Base(dir) + "/app/app.go"
	if len(got) != 1 || got[0].Rule != "string-code" || got[0].URI != uri {
		t.Errorf("with -checks=string-code -root=..: %s\nwant one string-code result in %s", dump(got), uri)
	}

	code, _, stderr = runSARIFIn(t, dir, "-checks=nope", "./...")
	if want := `invalid value "nope" for flag -checks: unknown check "nope"`; code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("-checks=nope: exit code %d, stderr\n%s\nwant 2 and %q", code, stderr, want)
	}
	// A bad -root is a bad flag value: exit 2, as for any other.
	code, _, stderr = runSARIFIn(t, dir, "-root=nosuchdir", "./...")
	if want := "errcodevet sarif: -root: stat "; code != 2 || !strings.HasPrefix(stderr, want) {
		t.Errorf("-root=nosuchdir: exit code %d, stderr\n%s\nwant 2 and %q", code, stderr, want)
	}
}

// A package that does not load is named in the log's notifications, one
// located message each (no "# package" header of the go command's); the
// others are reported; the exit code says the run is partial.
func TestSARIFLoadErrors(t *testing.T) {
	dir := testmodule.New(t, map[string]string{
		"app/app.go":       appGo,
		"broken/broken.go": "package broken\n\nvar x = nope\n",
		"syntax/syntax.go": "package syntax\n\nconst X = 1\n\nfunc f() {\n",
		"user/user.go":     "package user\n\nimport \"example.com/fixture/syntax\"\n\nvar _ = syntax.X\n",
	})
	out := filepath.Join(t.TempDir(), "errcodevet.sarif")
	code, stdout, stderr := runSARIFIn(t, dir, "-o", out)
	problems := "broken/broken.go:3:9: undefined: nope\n" +
		"syntax/syntax.go:5:12: expected ';', found 'EOF'\n" +
		"errcodevet: example.com/fixture/user is not analyzed: it imports example.com/fixture/syntax, which does not load\n"
	if code != 1 || stdout != "" || stderr != problems {
		t.Errorf("exit code %d, stdout %q, stderr\n%s\nwant 1, nothing and\n%s", code, stdout, stderr, problems)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("no log written: %v", err)
	}
	if err := validate(t, data); err != nil {
		t.Fatalf("the partial log does not validate against the SARIF 2.1.0 schema: %v", err)
	}
	log := decodeSARIF(t, data)
	inv := log.Runs[0].Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful {
		t.Fatalf("invocations %+v, want one, unsuccessful", inv)
	}
	var got []string
	for _, n := range inv[0].ToolExecutionNotifications {
		s := n.Level + " " + n.Message.Text
		for _, l := range n.Locations {
			p := l.PhysicalLocation
			s += fmt.Sprintf(" at %s %s:%d:%d", p.ArtifactLocation.URIBaseID, p.ArtifactLocation.URI, p.Region.StartLine, p.Region.StartColumn)
		}
		got = append(got, s)
	}
	want := []string{
		"error undefined: nope at %SRCROOT% broken/broken.go:3:9",
		"error expected ';', found 'EOF' at %SRCROOT% syntax/syntax.go:5:12",
		"error example.com/fixture/user is not analyzed: it imports example.com/fixture/syntax, which does not load",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("notifications\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if got := sarifResults(t, log); len(got) != 3 || got[0].URI != "app/app.go" {
		t.Errorf("results %s, want app/app.go's three", dump(got))
	}

	code, _, stderr = runSARIFIn(t, dir, "./nosuchpkg")
	if code != 1 || stderr == "" {
		t.Errorf("./nosuchpkg: exit code %d, stderr\n%s\nwant 1 and a message", code, stderr)
	}
}

// unknown-code findings are errors: a comparison that can never match.
func TestSARIFLevels(t *testing.T) {
	dir := testmodule.New(t, map[string]string{"app/app.go": "package app\n\ntype Result struct {\n\tResultStatus string `json:\"resultStatus\"`\n}\n\nfunc Odd(r Result) bool { return r.ResultStatus == \"X\" }\n"})
	code, stdout, stderr := runSARIFIn(t, dir)
	if code != 0 {
		t.Fatalf("exit code %d\n%s", code, stderr)
	}
	if err := validate(t, []byte(stdout)); err != nil {
		t.Fatal(err)
	}
	log := decodeSARIF(t, []byte(stdout))
	if rs := log.Runs[0].Results; len(rs) != 1 || rs[0].RuleID != "unknown-code" || rs[0].Level != "error" {
		t.Errorf("results %+v, want one unknown-code at level error", rs)
	}
	if inv := log.Runs[0].Invocations; len(inv) != 1 || !inv[0].ExecutionSuccessful {
		t.Errorf("invocations %+v, want one successful", inv)
	}
}

// packageDir is the directory of this package, where the tests start.
var packageDir, _ = os.Getwd()

// schemaText returns the SARIF 2.1.0 JSON schema (OASIS, errata 01) that
// github.com/owenrumney/go-sarif embeds, read from its source in the module
// cache.
func schemaText(t *testing.T) string {
	t.Helper()
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/owenrumney/go-sarif/v3")
	cmd.Dir = packageDir // the tests change directory
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -m github.com/owenrumney/go-sarif/v3: %v", err)
	}
	path := filepath.Join(strings.TrimSpace(string(out)), "pkg", "report", "v210", "sarif", "schema.go")
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, decl := range f.Decls {
		if d, ok := decl.(*ast.GenDecl); ok && d.Tok == token.CONST {
			for _, spec := range d.Specs {
				v := spec.(*ast.ValueSpec)
				if len(v.Names) == 1 && v.Names[0].Name == "schema" && len(v.Values) == 1 {
					if lit, ok := v.Values[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						text, err := strconv.Unquote(lit.Value)
						if err != nil {
							t.Fatal(err)
						}
						return text
					}
				}
			}
		}
	}
	t.Fatalf("%s declares no schema constant", path)
	return ""
}

var compiled struct {
	once   sync.Once
	schema *jsonschema.Schema
	err    error
}

// validate checks data against the SARIF 2.1.0 JSON schema.
func validate(t *testing.T, data []byte) error {
	t.Helper()
	text := schemaText(t)
	compiled.once.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(text))
		if err != nil {
			compiled.err = err
			return
		}
		c := jsonschema.NewCompiler()
		if compiled.err = c.AddResource("sarif-schema-2.1.0.json", doc); compiled.err != nil {
			return
		}
		compiled.schema, compiled.err = c.Compile("sarif-schema-2.1.0.json")
	})
	if compiled.err != nil {
		t.Fatalf("the SARIF schema: %v", compiled.err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return compiled.schema.Validate(inst)
}

// TestValidateCatches checks that the schema check fails on invalid logs.
func TestValidateCatches(t *testing.T) {
	dir := sarifFixture(t)
	code, stdout, stderr := runSARIFIn(t, dir, "-test=false", "./app")
	if code != 0 {
		t.Fatalf("exit code %d\n%s", code, stderr)
	}
	if err := validate(t, []byte(stdout)); err != nil {
		t.Fatalf("the log does not validate against the SARIF 2.1.0 schema: %v", err)
	}
	for _, tc := range []struct{ old, new string }{
		{`"startLine": 12`, `"startLine": 0`},          // lines start at 1
		{`"level": "warning"`, `"level": "warn"`},      // not a level
		{`"version": "2.1.0"`, `"version": "2.1"`},     // not the version
		{`"ruleIndex": 1`, `"ruleIndex": -2`},          // at least -1
		{`"uriBaseId": "%SRCROOT%"`, `"uriBaseId": 1`}, // a string
	} {
		bad := strings.Replace(stdout, tc.old, tc.new, 1)
		if bad == stdout {
			t.Fatalf("no %s in the log", tc.old)
		}
		if err := validate(t, []byte(bad)); err == nil {
			t.Errorf("a log with %s validates", tc.new)
		}
	}
}
