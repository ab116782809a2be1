// Command gen writes the benchmark's generated corpus: a Go module dense
// with errcode and result carriers, findings, locals, carrier-returning
// functions and methods, and calls of them across packages, among ordinary
// code that carries nothing.
//
//	go run ./bench/gen -o /tmp/corpus -scale 2
//
// The corpus grows linearly with -scale: scale 1 has 40 packages of 6 files
// each (about 77,000 lines), scale k has 40k such packages. A unit is large
// enough for the corpus's own cost to outweigh the fixed cost of loading
// its standard library dependencies. Package p<i> imports the carrier
// package api, a package without carriers (util) and, for i > 0, p<(i-1)/2>
// (a binary tree, so go vet can analyze packages in parallel), and compares
// literals against the carrier-returning functions of that parent: those
// findings need cross-package facts.
//
// The output is deterministic. gen also writes corpus.json, which lists the
// findings it planted by check; the benchmark's smoke run checks that
// errcodevet reports exactly those.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/errcodevet/errcodevet/catalog"
)

// Manifest describes a generated corpus.
type Manifest struct {
	Module   string         `json:"module"`
	Scale    int            `json:"scale"`
	Packages int            `json:"packages"`
	Files    int            `json:"files"`
	Lines    int            `json:"lines"`
	Findings map[string]int `json:"findings"` // planted, by check ID (test files excluded)
}

const (
	module          = "example.com/corpus"
	packagesPerUnit = 40
	filesPerPackage = 6
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	out := flag.String("o", "", "directory to write the corpus module to (must not exist or be empty)")
	scale := flag.Int("scale", 1, "size of the corpus, in units of 40 packages")
	flag.Parse()
	if *out == "" || *scale < 1 || flag.NArg() > 0 {
		log.Fatal("usage: gen -o DIR [-scale N]")
	}
	m, err := Generate(*out, *scale)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d packages, %d files, %d lines, findings %v\n", *out, m.Packages, m.Files, m.Lines, m.Findings)
}

// values are the literals the corpus compares, from the built-in catalog.
type values struct {
	errcodes     []string // documented WeChat errcodes with a constant, not success
	resultCodes  []string // documented Mini Program resultCodes with a constant, not success
	statuses     []string // documented resultStatus letters with a constant, not success
	undocumented string   // an integer the catalog does not know
}

func loadValues() (*values, error) {
	cat, err := catalog.Builtin()
	if err != nil {
		return nil, err
	}
	v := &values{}
	pick := func(t *catalog.Table) []string {
		var out []string
		for _, c := range t.Codes {
			if c.Documented && c.Name != "" && !t.IsSuccess(c.Value) {
				out = append(out, c.Value)
			}
		}
		return out
	}
	wechat, mini := cat.Family("wechat"), cat.Family("miniprogram")
	if wechat == nil || mini == nil || mini.Status == nil {
		return nil, fmt.Errorf("built-in catalog lacks the wechat or miniprogram family")
	}
	v.errcodes = pick(wechat.Codes)
	v.resultCodes = pick(mini.Codes)
	v.statuses = pick(mini.Status)
	for n := 12345; ; n++ {
		if wechat.Codes.Lookup(strconv.Itoa(n)) == nil {
			v.undocumented = strconv.Itoa(n)
			break
		}
	}
	if len(v.errcodes) < 4 || len(v.resultCodes) < 2 || len(v.statuses) < 2 {
		return nil, fmt.Errorf("built-in catalog has too few documented values for the corpus")
	}
	for _, s := range []string{"X", strings.ToLower(v.resultCodes[0])} {
		if mini.Status.Lookup(s) != nil || mini.Codes.Lookup(s) != nil {
			return nil, fmt.Errorf("value %q meant to be unknown is in the catalog", s)
		}
	}
	return v, nil
}

// Generate writes a corpus of the given scale to dir.
func Generate(dir string, scale int) (*Manifest, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s is not empty", dir)
	}
	vals, err := loadValues()
	if err != nil {
		return nil, err
	}
	g := &generator{dir: dir, vals: vals, m: &Manifest{Module: module, Scale: scale, Findings: map[string]int{}}}
	g.write("go.mod", "module "+module+"\n\ngo 1.22\n")
	g.api()
	g.util()
	n := scale * packagesPerUnit
	for i := range n {
		for j := range filesPerPackage {
			g.file(i, j)
		}
		g.test(i)
		g.m.Packages++
	}
	g.m.Packages += 2 // api, util
	if g.err != nil {
		return nil, g.err
	}
	data, err := json.MarshalIndent(g.m, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "corpus.json"), append(data, '\n'), 0o644); err != nil {
		return nil, err
	}
	return g.m, nil
}

type generator struct {
	dir  string
	vals *values
	m    *Manifest
	err  error
	seq  int // rotates through the values
}

// write gofmts a Go file (a generator bug is an error) and writes it.
func (g *generator) write(name, src string) {
	if g.err != nil {
		return
	}
	data := []byte(src)
	if strings.HasSuffix(name, ".go") {
		var err error
		if data, err = format.Source(data); err != nil {
			g.err = fmt.Errorf("generated %s does not parse: %v", name, err)
			return
		}
		g.m.Files++
		g.m.Lines += bytes.Count(data, []byte("\n"))
	}
	path := filepath.Join(g.dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		g.err = err
		return
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		g.err = err
	}
}

func (g *generator) next(list []string) string {
	g.seq++
	return list[g.seq%len(list)]
}

// finding counts a planted finding of check and returns s.
func (g *generator) finding(check, s string) string {
	g.m.Findings[check]++
	return s
}

func (g *generator) api() {
	g.write("api/api.go", `// Package api declares the replies of the APIs the corpus calls.
package api

// Response is the common part of a WeChat reply.
type Response struct {
	ErrCode int    `+"`json:\"errcode\"`"+`
	ErrMsg  string `+"`json:\"errmsg\"`"+`
}

// Code returns the reply's errcode.
func (r *Response) Code() int { return r.ErrCode }

// TokenReply embeds Response.
type TokenReply struct {
	Response
	AccessToken string `+"`json:\"access_token\"`"+`
	ExpiresIn   int    `+"`json:\"expires_in\"`"+`
}

// Result is a Mini Program result.
type Result struct {
	ResultCode    string `+"`json:\"resultCode\"`"+`
	ResultStatus  string `+"`json:\"resultStatus\"`"+`
	ResultMessage string `+"`json:\"resultMessage\"`"+`
}

// Status returns the result's status.
func (r Result) Status() string { return r.ResultStatus }

// Envelope is a generic reply.
type Envelope[T any] struct {
	ErrCode int `+"`json:\"errcode\"`"+`
	Data    T   `+"`json:\"data\"`"+`
}

// StatusOf returns a result's status.
func StatusOf(r *Result) string {
	s := r.ResultStatus
	return s
}
`)
}

func (g *generator) util() {
	var b strings.Builder
	b.WriteString(`// Package util holds helpers that carry no code.
package util

import "strings"

`)
	for k := range 20 {
		fmt.Fprintf(&b, `// Join%[1]d joins words with a separator, skipping empty ones.
func Join%[1]d(sep string, words ...string) string {
	var parts []string
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" {
			parts = append(parts, w)
		}
	}
	return strings.Join(parts, sep)
}

// Sum%[1]d adds numbers; Count is not an errcode.
type Sum%[1]d struct {
	Count int `+"`json:\"count\"`"+`
	Total int64
}

func (s *Sum%[1]d) Add(n int) {
	s.Count++
	s.Total += int64(n)
	if s.Count == 42001 {
		s.Total = 0
	}
}

`, k)
	}
	g.write("util/util.go", b.String())
}

func pkgName(i int) string { return "p" + strconv.Itoa(i) }

// file writes file j of package i.
func (g *generator) file(i, j int) {
	v := g.vals
	var b strings.Builder
	parent := ""
	if i > 0 {
		parent = pkgName((i - 1) / 2)
	}
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"encoding/json\"\n\t\"fmt\"\n\t\"strings\"\n\n\t\"%s/api\"\n\t\"%s/util\"\n", pkgName(i), module, module)
	if parent != "" {
		fmt.Fprintf(&b, "\t\"%s/%s\"\n", module, parent)
	}
	b.WriteString(")\n\n")

	// Carriers declared here, and carrier-returning functions and methods.
	fmt.Fprintf(&b, `// Reply%[1]d is a WeChat reply.
type Reply%[1]d struct {
	ErrCode int    `+"`json:\"errcode\"`"+`
	ErrMsg  string `+"`json:\"errmsg\"`"+`
	Count   int    `+"`json:\"count\"`"+`
}

// Code returns the reply's errcode.
func (r *Reply%[1]d) Code() int { return r.ErrCode }

// Pay%[1]d is a Mini Program reply.
type Pay%[1]d struct {
	Result api.Result `+"`json:\"result\"`"+`
	Amount int64      `+"`json:\"amount\"`"+`
}

// Status returns the payment's status.
func (p Pay%[1]d) Status() string { return p.Result.ResultStatus }

// ErrCode%[1]d returns a reply's errcode, through a local.
func ErrCode%[1]d(r *Reply%[1]d) int {
	code := r.ErrCode
	return code
}

// ResultCode%[1]d returns a payment's resultCode.
func ResultCode%[1]d(p *Pay%[1]d) string {
	return p.Result.ResultCode
}

// Decode%[1]d decodes a reply; the errcode is read from a loose map too.
func Decode%[1]d(data []byte) (*Reply%[1]d, map[string]any, error) {
	var r Reply%[1]d
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, nil, fmt.Errorf("decode reply: %%w", err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, nil, err
	}
	return &r, m, nil
}

`, j)

	// The handlers: findings, and comparisons that are not findings.
	for h := range 3 {
		fmt.Fprintf(&b, "func handle%d_%d(r *Reply%d, p Pay%d, m map[string]any, tok *api.TokenReply, env api.Envelope[string]) string {\n", j, h, j, j)
		fmt.Fprintf(&b, "\tif r.ErrCode == %s {\n\t\treturn \"a\"\n\t}\n", g.finding("magic-code", g.next(v.errcodes)))
		fmt.Fprintf(&b, "\tif %s != r.Code() {\n\t\treturn \"b\"\n\t}\n", g.finding("magic-code", g.next(v.errcodes)))
		fmt.Fprintf(&b, "\tcode := ErrCode%d(r)\n\tif code == %s {\n\t\treturn \"c\"\n\t}\n", j, g.finding("magic-code", g.next(v.errcodes)))
		fmt.Fprintf(&b, "\tif tok.ErrCode == %s || tok.Code() == %s {\n\t\treturn \"d\"\n\t}\n",
			g.finding("magic-code", g.next(v.errcodes)), g.finding("magic-code", g.next(v.errcodes)))
		fmt.Fprintf(&b, "\tif env.ErrCode == %s {\n\t\treturn env.Data\n\t}\n", g.finding("magic-code", g.next(v.errcodes)))
		fmt.Fprintf(&b, "\tif v, ok := m[\"errcode\"].(float64); ok && v == %s {\n\t\treturn \"e\"\n\t}\n", g.finding("magic-code", g.next(v.errcodes)))
		fmt.Fprintf(&b, "\tswitch p.Status() {\n\tcase %q:\n\t\treturn \"f\"\n\tcase %q:\n\t\treturn \"g\"\n\tcase \"S\":\n\t\treturn \"h\"\n\t}\n",
			g.finding("string-code", v.statuses[0]), g.finding("string-code", v.statuses[1]))
		fmt.Fprintf(&b, "\tif rc := ResultCode%d(&p); rc == %q {\n\t\treturn \"i\"\n\t}\n", j, g.finding("string-code", g.next(v.resultCodes)))
		fmt.Fprintf(&b, "\tif api.StatusOf(&p.Result) == %q {\n\t\treturn \"j\"\n\t}\n", g.finding("unknown-code", "X"))
		fmt.Fprintf(&b, "\tif p.Result.ResultCode == %q {\n\t\treturn \"k\"\n\t}\n", g.finding("unknown-code", strings.ToLower(v.resultCodes[0])))
		// Not findings: success, undocumented codes, non-carriers, ordering.
		fmt.Fprintf(&b, "\tif r.ErrCode == 0 || r.ErrCode == %s || r.Count == %s || r.ErrCode > %s || p.Result.ResultCode == \"SUCCESS\" {\n\t\treturn \"l\"\n\t}\n",
			v.undocumented, v.errcodes[0], v.errcodes[0])
		if parent != "" {
			// Across packages, through facts.
			pj := (j + h) % filesPerPackage
			fmt.Fprintf(&b, "\tif parent := %s.ErrCode%d(&%s.Reply%d{}); parent == %s {\n\t\treturn \"m\"\n\t}\n",
				parent, pj, parent, pj, g.finding("magic-code", g.next(v.errcodes)))
			fmt.Fprintf(&b, "\tif %s.ResultCode%d(&%s.Pay%d{}) == %q {\n\t\treturn \"n\"\n\t}\n", parent, pj, parent, pj, g.finding("string-code", g.next(v.resultCodes)))
		}
		fmt.Fprintf(&b, "\treturn util.Join%d(\",\", r.ErrMsg, p.Result.ResultMessage)\n}\n\n", (j+h)%20)
	}

	// Ordinary code that carries nothing: most code in a real module.
	for k := range 4 {
		fmt.Fprintf(&b, `// Format%[1]d_%[2]d renders a table of words.
func Format%[1]d_%[2]d(rows [][]string, width int) string {
	var sb strings.Builder
	for i, row := range rows {
		line := util.Join%[3]d(" | ", row...)
		if len(line) > width {
			line = line[:width]
		}
		switch {
		case i == 0:
			sb.WriteString(strings.ToUpper(line))
		case i%%2 == 1:
			sb.WriteString(line)
		default:
			sb.WriteString(strings.TrimSpace(line))
		}
		sb.WriteByte('\n')
	}
	var s util.Sum%[3]d
	for _, row := range rows {
		s.Add(len(row))
	}
	if s.Count == 42001 || s.Total == 40001 {
		return ""
	}
	return fmt.Sprintf("%%s(%%d rows, %%d cells)", sb.String(), s.Count, s.Total)
}

`, j, k, (j+k)%20)
	}
	g.write(fmt.Sprintf("%s/f%d.go", pkgName(i), j), b.String())
}

// test writes a test file: comparisons there are not findings by default.
func (g *generator) test(i int) {
	src := fmt.Sprintf(`package %s

import "testing"

func TestHandle(t *testing.T) {
	r := &Reply0{ErrCode: %s}
	if got := ErrCode0(r); got != %s {
		t.Errorf("ErrCode0 = %%d", got)
	}
	if r.Code() == 0 {
		t.Error("no code")
	}
}
`, pkgName(i), g.vals.errcodes[1], g.vals.errcodes[1])
	g.write(fmt.Sprintf("%s/%s_test.go", pkgName(i), pkgName(i)), src)
}
