package main

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/catalog"
)

const explainUsage = `usage: errcodevet explain [-catalog file,...] CODE|CHECK

Explain says what a documented code or status means: its family, value,
the vendor's message and action, its retry class in words, the constant to
use and where it is documented. The code may be any family's, built-in or
from the catalog files: 42001, wechat:-1, PARAM_ILLEGAL, U. A value several
families (or a family's codes and statuses) hold lists every match; an
unknown one gets the closest documented values. Given a check's ID
(magic-code, ...), it prints the check's documentation.

Flags:
`

func runExplain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("errcodevet explain", flag.ContinueOnError)
	var files string
	fs.StringVar(&files, "catalog", "", "comma-separated catalog files to load after the built-ins")
	if code, ok := parseFlags(fs, args, stderr, explainUsage); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "errcodevet explain: want one code or check, got %d arguments\n", fs.NArg())
		return exitUsage
	}
	query := strings.TrimSpace(fs.Arg(0))
	for _, c := range analyzer.Checks() {
		if c.ID == query {
			explainCheck(stdout, c)
			return exitOK
		}
	}
	var paths []string
	for _, p := range strings.Split(files, ",") {
		if p = strings.TrimSpace(p); p != "" {
			paths = append(paths, p)
		}
	}
	cat, err := catalog.Load(paths...)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	matches, err := lookupCode(cat, query)
	if err != nil {
		fmt.Fprintf(stderr, "errcodevet explain: %v\n", err)
		return exitError
	}
	if len(matches) == 0 {
		fmt.Fprintf(stderr, "errcodevet explain: %s is not a documented code, status or check%s\n", query, suggestCodes(cat, query))
		return exitError
	}
	if len(matches) > 1 {
		fmt.Fprintf(stdout, "%s has %d meanings; write FAMILY:%s for one:\n\n", query, len(matches), query)
	}
	for i, m := range matches {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		explainCode(stdout, m)
	}
	return exitOK
}

// A codeMatch is a code found in one table of one family.
type codeMatch struct {
	family *catalog.Family
	table  *catalog.Table
	code   *catalog.Code
}

// lookupCode returns the codes whose value is query, in every family or,
// for "family:value", in that one.
func lookupCode(cat *catalog.Catalog, query string) ([]codeMatch, error) {
	families := cat.Families()
	value := query
	if name, v, ok := strings.Cut(query, ":"); ok {
		fam := cat.Family(name)
		if fam == nil {
			var names []string
			for _, f := range families {
				names = append(names, f.Name)
			}
			return nil, fmt.Errorf("no family %q%s; the families are %s", name, suggest(name, names), strings.Join(names, ", "))
		}
		families, value = []*catalog.Family{fam}, v
	}
	var out []codeMatch
	for _, f := range families {
		for _, t := range f.Tables() {
			v := value
			if t.Kind == catalog.KindInt {
				n, err := strconv.ParseInt(value, 10, 64)
				if err != nil {
					continue
				}
				v = strconv.FormatInt(n, 10)
			}
			if c := t.Lookup(v); c != nil {
				out = append(out, codeMatch{f, t, c})
			}
		}
	}
	return out, nil
}

// suggestCodes returns " (did you mean ...?)" with the documented values
// closest to query, or "".
func suggestCodes(cat *catalog.Catalog, query string) string {
	families := cat.Families()
	if name, v, ok := strings.Cut(query, ":"); ok {
		families, query = []*catalog.Family{cat.Family(name)}, v
	}
	_, err := strconv.ParseInt(query, 10, 64)
	numeric := err == nil
	var values []string
	for _, f := range families {
		for _, t := range f.Tables() {
			if (t.Kind == catalog.KindInt) != numeric {
				continue
			}
			for _, c := range t.Codes {
				values = append(values, c.Value)
			}
		}
	}
	near := closest(query, values, 3)
	if len(near) == 0 {
		return ""
	}
	return " (did you mean " + strings.Join(near, ", ") + "?)"
}

func explainCode(w io.Writer, m codeMatch) {
	c := m.code
	what := "code"
	if m.table.Role == catalog.RoleStatus {
		what = "status"
	}
	title := m.family.Title
	if title == "" {
		title = m.family.Name
	}
	fmt.Fprintf(w, "%s:%s  (%s %s)\n", m.family.Name, c.Value, title, what)
	row := func(label, text string) {
		if text != "" {
			fmt.Fprintf(w, "  %-9s %s\n", label+":", text)
		}
	}
	message := c.Message
	if message == "" && !c.Documented {
		message = "(a known per-API value: no page read documents its text)"
	}
	row("message", message)
	row("action", c.Action)
	if c.Status != "" {
		row("status", c.Status+" ("+statusWords(c.Status)+")")
	}
	if len(c.APIStatuses) > 0 {
		var apis []string
		for _, api := range slices.Sorted(maps.Keys(c.APIStatuses)) {
			apis = append(apis, api+" "+c.APIStatuses[api])
		}
		row("APIs", strings.Join(apis, ", "))
	}
	if m.table.IsSuccess(c.Value) {
		row("meaning", "success")
	}
	row("retry", string(c.Retry)+": "+c.Retry.Description())
	if c.Name != "" && c.Package != "" {
		row("constant", path.Base(c.Package)+"."+c.Name+" ("+c.Package+")")
		row("docs", "https://pkg.go.dev/"+c.Package+"#"+c.Name)
	} else {
		row("constant", "none published; errcodevet leaves comparisons with it unfixed")
	}
}

// statusWords says what a Mini Program resultStatus means.
func statusWords(s string) string {
	switch s {
	case "S":
		return "success"
	case "F":
		return "failure"
	case "U":
		return "unknown outcome: retry or query"
	case "A":
		return "accepted: the request goes on"
	}
	return "undocumented status"
}

func explainCheck(w io.Writer, c analyzer.Check) {
	fmt.Fprintf(w, "%s: %s\n\n%s\n", c.ID, c.Title, strings.TrimSpace(c.Doc))
	if c.Bad != "" {
		fmt.Fprintf(w, "\nExample:\n\n%s\nerrcodevet reports: %s\n", indent(c.Bad), c.Want)
	}
	if c.Good != "" {
		fmt.Fprintf(w, "\nCorrected:\n\n%s", indent(c.Good))
	}
	fmt.Fprintf(w, "\nDocumentation: %s\n", c.URL())
}

func indent(src string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(src, "\n") {
		if strings.TrimSpace(l) != "" {
			b.WriteString("\t")
		}
		b.WriteString(l)
	}
	return b.String()
}
