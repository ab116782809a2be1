package main

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/checkdoc"
	"github.com/errcodevet/errcodevet/internal/directive"
	"github.com/errcodevet/errcodevet/internal/spell"
)

const explainUsage = `usage: errcodevet explain [-catalog file,...] [-markdown] CODE|CHECK

Explain says what a documented code or status means: its family, value,
the vendor's message and action, its retry class in words, the constant to
use and where it is documented. The code may be any family's, built-in or
from the catalog files: 42001, -1, wechat:-1, PARAM_ILLEGAL, U. A value
several families (or a family's codes and statuses) hold lists every match;
an unknown one gets the closest documented values. Given a check's ID
(magic-code, ...), or "directive" for the errcodevet:ignore directives, it
prints that documentation: as plain text, or as the Markdown of
docs/checks.md with -markdown. "errcodevet -explain X" is the same.

Flags:
`

func runExplain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("errcodevet explain", flag.ContinueOnError)
	var files string
	fs.StringVar(&files, "catalog", "", "comma-separated catalog files to load after the built-ins")
	markdown := fs.Bool("markdown", false, "print a check's documentation as Markdown, not plain text")
	if code, ok := parseFlags(fs, negativeCodes(fs, args), stderr, explainUsage); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "errcodevet explain: want one code or check, got %d arguments\n", fs.NArg())
		return exitUsage
	}
	query := strings.TrimSpace(fs.Arg(0))
	if doc, url, ok := checkDoc(query); ok {
		if *markdown {
			fmt.Fprintf(stdout, "%s\n\n[Documentation](%s)\n", strings.TrimSpace(doc), url)
		} else {
			fmt.Fprintf(stdout, "%s\n\nDocumentation: %s\n", strings.TrimSpace(checkdoc.Text(doc)), url)
		}
		return exitOK
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
		near := suggestCodes(cat, query)
		if near == "" {
			near = suggestChecks(query)
		}
		fmt.Fprintf(stderr, "errcodevet explain: %s is not a documented code, status or check%s\n", query, near)
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

// negativeCodes returns args with "--" before the first argument that is
// a negative integer, such as the WeChat errcode -1, so that the flag
// package takes it for the code, not for a flag named "1". An argument
// that is the value of the flag before it (-catalog -1) is left alone.
func negativeCodes(fs *flag.FlagSet, args []string) []string {
	for i, a := range args {
		if a == "--" {
			break
		}
		if _, err := strconv.ParseInt(a, 10, 64); err != nil || !strings.HasPrefix(a, "-") {
			continue
		}
		if i > 0 && takesValue(fs, args[i-1]) {
			continue
		}
		return slices.Concat(args[:i], []string{"--"}, args[i:])
	}
	return args
}

// takesValue reports whether arg is a flag of fs, written without "=",
// that takes the next argument as its value.
func takesValue(fs *flag.FlagSet, arg string) bool {
	name := strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-")
	if name == arg || strings.Contains(name, "=") {
		return false
	}
	f := fs.Lookup(name)
	if f == nil {
		return false
	}
	b, boolean := f.Value.(interface{ IsBoolFlag() bool })
	return !boolean || !b.IsBoolFlag()
}

// checkDoc returns the documentation of a check, or of the directives
// for "directive", in Markdown, with the address it is read at.
func checkDoc(id string) (doc, url string, ok bool) {
	if id == "directive" {
		return "## Suppressing a finding\n\n" + directive.Doc, analyzer.DocsURL + "#suppressing-a-finding", true
	}
	for _, c := range analyzer.Checks() {
		if c.ID == id {
			return checkdoc.Markdown(c), c.URL(), true
		}
	}
	return "", "", false
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
	near := spell.Closest(query, values, 3)
	if len(near) == 0 {
		return ""
	}
	return " (did you mean " + strings.Join(near, ", ") + "?)"
}

// suggestChecks returns " (did you mean ...?)" with the check IDs (and
// "directive") closest to query, or "".
func suggestChecks(query string) string {
	near := spell.Closest(query, append(analyzer.CheckIDs(), "directive"), 3)
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
	if m.table.Field != "" {
		what = m.table.Field
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
	source := c.Source
	if source == "" {
		source = m.family.Source // every entry was read where the family's table was
	}
	row("source", source)
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
		row("constant", catalog.PackageName(c.Package)+"."+c.Name+" ("+c.Package+")")
		if c.NameBy != "" {
			row("named", "by "+c.NameBy+", from the vendor's text")
		}
		var aliases []string
		for _, a := range c.Aliases {
			aliases = append(aliases, catalog.PackageName(c.Package)+"."+a)
		}
		if len(aliases) > 0 {
			row("formerly", strings.Join(aliases, ", ")+" (deprecated, never written by a fix)")
		}
		row("docs", constantDocs(c))
	} else {
		row("constant", "none published; errcodevet leaves comparisons with it unfixed")
	}
}

// constantDocs says where a constant's documentation is read. The modules
// of errcodevet's own constants packages are not published yet, so no
// package site has them: their source file in errcodevet's repository,
// which holds the doc comments, is. Any other package is one the user's
// module has, which go doc reads.
func constantDocs(c *catalog.Code) string {
	if rel, ok := strings.CutPrefix(c.Package, modulePath+"/"); ok {
		return analyzer.RepoURL + "/blob/main/" + rel + "/codes.go"
	}
	return "go doc " + c.Package + "." + c.Name
}

// modulePath is errcodevet's module, whose constants packages are in its
// repository.
const modulePath = "github.com/errcodevet/errcodevet"

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
