// Package constgen writes the Go source of a family's constants package: an
// untyped constant per named code, documented with the vendor's message and
// action, and lookup helpers. The output imports only the standard library
// and needs nothing newer than Go 1.18 (type parameters), so that a user's
// build gains no dependency from it and keeps its go line.
package constgen

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"path"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/errcodevet/errcodevet/catalog"
)

// GoVersion is the lowest go line that the generated code builds with: the
// helpers are generic, and the code uses nothing newer (no cmp, slices or
// min/max), which the stdversion check of go vet verifies in the tests.
const GoVersion = "1.18"

// GoMod returns the go.mod of a module holding one generated package at
// its root: it requires nothing.
func GoMod(modulePath string) []byte {
	return []byte("module " + modulePath + "\n\ngo " + GoVersion + "\n")
}

// Reserved are the names the generated helpers use; no code may take one.
var Reserved = []string{
	"Info", "Retry", "RetryUnstated", "RetryLater", "RetryAfterTokenRenewal",
	"RetryWithLessTraffic", "RetryNever", "Lookup", "LookupStatus", "Message", "Action", "Retryable",
}

// Generate returns the source of the constants package of fam, declaring
// the codes whose Package is fam.Package. source names the catalog file for
// the "Code generated" header.
func Generate(fam *catalog.Family, source string) ([]byte, error) {
	if fam.Package == "" {
		return nil, fmt.Errorf("family %s has no constants package", fam.Name)
	}
	d := data{
		Source:  source,
		Package: path.Base(fam.Package),
		Family:  fam,
		Int:     fam.Codes.Kind == catalog.KindInt,
	}
	for _, t := range fam.Tables() {
		var consts []constant
		for _, c := range t.Codes {
			if c.Name == "" || c.Package != fam.Package {
				continue
			}
			for _, r := range Reserved {
				if c.Name == r {
					return nil, fmt.Errorf("family %s: code %s may not be named %s: the helpers use that name", fam.Name, c.Value, r)
				}
			}
			consts = append(consts, constant{Code: c, Doc: doc(fam, t, c), Literal: literal(t.Kind, c.Value)})
		}
		if t.Role == catalog.RoleStatus {
			d.Statuses = consts
		} else {
			d.Codes = consts
		}
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, d); err != nil {
		return nil, err
	}
	out, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("generated source for %s does not parse: %v\n%s", fam.Name, err, buf.Bytes())
	}
	return out, nil
}

type data struct {
	Source, Package string
	Family          *catalog.Family
	Int             bool
	Codes, Statuses []constant
}

// SortedCodes returns the code constants by value, for binary search.
func (d data) SortedCodes() []constant { return sortByValue(d.Codes, d.Int) }

// SortedStatuses returns the status constants by value.
func (d data) SortedStatuses() []constant { return sortByValue(d.Statuses, false) }

func sortByValue(list []constant, numeric bool) []constant {
	out := slices.Clone(list)
	slices.SortFunc(out, func(a, b constant) int {
		if numeric {
			x, _ := strconv.ParseInt(a.Value, 10, 64)
			y, _ := strconv.ParseInt(b.Value, 10, 64)
			return cmp.Compare(x, y)
		}
		return cmp.Compare(a.Value, b.Value)
	})
	return out
}

type constant struct {
	*catalog.Code
	Doc     string // comment lines, "//" included
	Literal string
}

// RetryConst is the generated Retry constant for the code's class.
func (c constant) RetryConst() string {
	switch c.Retry {
	case catalog.RetryLater:
		return "RetryLater"
	case catalog.RetryRenewToken:
		return "RetryAfterTokenRenewal"
	case catalog.RetryReduceTraffic:
		return "RetryWithLessTraffic"
	case catalog.RetryNever:
		return "RetryNever"
	}
	return "RetryUnstated"
}

func literal(k catalog.Kind, v string) string {
	if k == catalog.KindInt {
		return v
	}
	return strconv.Quote(v)
}

// doc writes a constant's comment: what it is, the vendor's message and
// action, and the retry advice, wrapped at 80 columns.
func doc(fam *catalog.Family, t *catalog.Table, c *catalog.Code) string {
	field := "errcode"
	switch {
	case t.Role == catalog.RoleStatus:
		field = "resultStatus"
	case t.Kind == catalog.KindString:
		field = "resultCode"
	}
	head := fmt.Sprintf("%s is %s %s", c.Name, field, c.Value)
	if c.Status != "" {
		head += fmt.Sprintf(" (resultStatus %s)", c.Status)
	}
	var paras []string
	if c.Message != "" {
		paras = append(paras, head+": "+c.Message)
	} else {
		paras = append(paras, head+".")
	}
	if c.Action != "" && !strings.Contains(c.Message, c.Action) {
		paras = append(paras, "Further action: "+c.Action)
	}
	if !c.Documented {
		paras = append(paras, "Not in the common table: a valid value of specific APIs.")
	}
	if c.Retry != catalog.RetryUnstated {
		paras = append(paras, "Retry: "+c.Retry.Description()+".")
	}
	var b strings.Builder
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\t//\n")
		}
		for _, line := range wrap(p, 76) {
			b.WriteString("\t// " + line + "\n")
		}
	}
	return b.String()
}

func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

var tmpl = template.Must(template.New("pkg").Parse(`// Code generated by errcodevet's generator from {{.Source}}; DO NOT EDIT.

package {{.Package}}

import "sort"

// {{.Family.Title}} codes. The constants are untyped, so they compare with a
// field of any {{if .Int}}integer{{else}}string{{end}} type.
const (
{{range .Codes}}{{.Doc}}	{{.Name}} = {{.Literal}}
{{end}})
{{if .Statuses}}
// {{.Family.Title}} result statuses.
const (
{{range .Statuses}}{{.Doc}}	{{.Name}} = {{.Literal}}
{{end}})
{{end}}
// Retry is the retry advice the vendor's documents give for a code.
type Retry uint8

const (
	RetryUnstated          Retry = iota // the documents say nothing about retrying
	RetryLater                          // try again later
	RetryAfterTokenRenewal              // renew the access token, then retry
	RetryWithLessTraffic                // retry later, with less traffic
	RetryNever                          // do not retry: fix the request or escalate
)

// Retryable reports whether calling again can succeed, possibly after
// renewing the access token or slowing down.
func (r Retry) Retryable() bool {
	return r == RetryLater || r == RetryAfterTokenRenewal || r == RetryWithLessTraffic
}

// String returns the advice in words.
func (r Retry) String() string {
	switch r {
	case RetryLater:
		return "try again later"
	case RetryAfterTokenRenewal:
		return "renew the access token, then retry"
	case RetryWithLessTraffic:
		return "retry later with less traffic"
	case RetryNever:
		return "do not retry"
	}
	return "no retry advice documented"
}

// Info is what the vendor documents about a value.
type Info struct {
	Value   {{if .Int}}int64{{else}}string{{end}}
	Name    string // the constant's name
	Message string // the vendor's message
	Action  string // the vendor's further action, if any
{{- if not .Int}}
	Status  string // the resultStatus documented with a resultCode, if any
{{- end}}
	Retry   Retry
}

{{if .Int -}}
type integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~float64
}

// Lookup returns what the documents say about an errcode.
func Lookup[C integer](code C) (Info, bool) {
	v := int64(code)
	if float64(v) != float64(code) {
		return Info{}, false
	}
	return find(codes, v)
}

// Message returns the documented message of an errcode, or "".
func Message[C integer](code C) string {
	info, _ := Lookup(code)
	return info.Message
}

// Action returns the documented further action of an errcode, or "".
func Action[C integer](code C) string {
	info, _ := Lookup(code)
	return info.Action
}

// Retryable reports whether the documents advise calling again after an
// errcode: later, after renewing the access token, or with less traffic.
func Retryable[C integer](code C) bool {
	info, _ := Lookup(code)
	return info.Retry.Retryable()
}

func find(table []Info, v int64) (Info, bool) {
	i := sort.Search(len(table), func(i int) bool { return table[i].Value >= v })
	if i == len(table) || table[i].Value != v {
		return Info{}, false
	}
	return table[i], true
}
{{- else -}}
// Lookup returns what the documents say about a resultCode.
func Lookup[C ~string](code C) (Info, bool) { return find(codes, string(code)) }

// Message returns the documented message of a resultCode, or "".
func Message[C ~string](code C) string {
	info, _ := Lookup(code)
	return info.Message
}

// Action returns the documented further action of a resultCode, or "".
func Action[C ~string](code C) string {
	info, _ := Lookup(code)
	return info.Action
}

// Retryable reports whether the documents advise calling again after a
// resultCode: later, after renewing the access token, or with less traffic.
func Retryable[C ~string](code C) bool {
	info, _ := Lookup(code)
	return info.Retry.Retryable()
}
{{if .Statuses}}
// LookupStatus returns what the documents say about a resultStatus. Only U
// (unknown outcome) is Retryable: retry the call or query its result.
func LookupStatus[S ~string](status S) (Info, bool) { return find(statuses, string(status)) }
{{end}}
func find(table []Info, v string) (Info, bool) {
	i := sort.Search(len(table), func(i int) bool { return table[i].Value >= v })
	if i == len(table) || table[i].Value != v {
		return Info{}, false
	}
	return table[i], true
}
{{- end}}

// codes is sorted by value for binary search.
var codes = []Info{
{{- range .SortedCodes}}
	{ {{.Literal}}, {{printf "%q" .Name}}, {{printf "%q" .Message}}, {{printf "%q" .Action}}, {{if not $.Int}}{{printf "%q" .Status}}, {{end}}{{.RetryConst}} },
{{- end}}
}
{{if .Statuses}}
// statuses is sorted by value for binary search.
var statuses = []Info{
{{- range .SortedStatuses}}
	{ {{.Literal}}, {{printf "%q" .Name}}, {{printf "%q" .Message}}, {{printf "%q" .Action}}, "", {{.RetryConst}} },
{{- end}}
}
{{end}}`))
