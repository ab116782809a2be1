package sourceimport

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errcodevet/errcodevet/catalog"
)

// Review is the reviewed data that goes with a vendor page: the family's
// header (name, package, carriers, success values, status letters), the
// pinned Go name of codes, and the retry classes a reviewer corrected.
// Everything else comes from the page.
type Review struct {
	catalog.File `yaml:",inline"`

	// Names pins the Go name of codes, by value. Once a name is published
	// it stays: see catalog/sources/README.md.
	Names map[string]string `yaml:"names"`
	// NameBy is who pinned the names (the built-in reviews say
	// "errcodevet"): a pinned name that is not the one the vendor's words
	// spell (DeriveName) is theirs, and the constant's doc comment says so.
	NameBy string `yaml:"name-by"`
	// Aliases lists, by value, the names a code's constant was published
	// under before its pinned name: each stays, as a deprecated alias.
	Aliases map[string][]string `yaml:"aliases"`
	// Retry corrects the derived retry class of codes, by value.
	Retry map[string]RetryOverride `yaml:"retry"`
	// Sources names further tables of the family (FormatTable or
	// FormatResultTable files beside the review), in order of authority
	// after the page: a code takes its text from the first that documents
	// it. The API rows of result tables merge: see Import.
	Sources []string `yaml:"sources"`
	// Vendor is the address of the vendor's page that the review's page
	// holds, which says where its codes' text was read; the tables say
	// theirs in their headers (# vendor:, # copy:).
	Vendor string `yaml:"vendor"`
	// Disagree lists the codes of the page that an API's table gives
	// another status, by value, with the reviewer's note: the page stays the
	// authority, and the note records the disagreement for the next
	// reviewer. A disagreement not listed here fails the import.
	Disagree map[string]Disagreement `yaml:"disagree"`
}

// Disagreement is a reviewer's note on a code whose status an API's table
// gives otherwise than the page.
type Disagreement struct {
	Why string `yaml:"why"`
}

// Page is a vendor table by file name.
type Page struct {
	Name string
	Text []byte
}

// RetryOverride is a reviewer's retry class for one code, with the reason.
type RetryOverride struct {
	Class catalog.Retry `yaml:"class"`
	Why   string        `yaml:"why"`
}

// ReadReview reads a review file. Unknown keys are errors.
func ReadReview(path string) (*Review, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	r := new(Review)
	if err := dec.Decode(r); err != nil {
		return nil, fmt.Errorf("%s: %s", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	for value, o := range r.Retry {
		if !o.Class.Valid() {
			return nil, fmt.Errorf("%s: retry class %q of %s is not a retry class", path, o.Class, value)
		}
		if o.Why == "" {
			return nil, fmt.Errorf("%s: retry override of %s needs a reason (why)", path, value)
		}
	}
	for value, names := range r.Aliases {
		if _, pinned := r.Names[value]; !pinned {
			return nil, fmt.Errorf("%s: aliases of %s: the code has no pinned name to alias", path, value)
		}
		for _, a := range names {
			if !token.IsIdentifier(a) || !token.IsExported(a) {
				return nil, fmt.Errorf("%s: alias %q of %s is not an exported Go identifier", path, a, value)
			}
		}
	}
	for value, d := range r.Disagree {
		if d.Why == "" {
			return nil, fmt.Errorf("%s: disagreement on %s needs a note (why)", path, value)
		}
	}
	return r, nil
}

// defaultStatus is the result status table used when a review of a result
// page declares none. The letters are the Alipay+ convention that result
// pages follow without defining them, so each text is errcodevet's summary
// and says so: S success, F failure (what to do is the resultCode's further
// action, not the letter's: no retry class), U unknown outcome (retry or
// query).
func defaultStatus() *catalog.FileTable {
	return &catalog.FileTable{
		Kind:     catalog.KindString,
		Carriers: catalog.FileCarriers{JSON: []string{"resultStatus"}},
		Success:  []string{"S"},
		Documented: []catalog.FileEntry{
			{Value: "S", Name: "StatusSuccess", Message: "Success. errcodevet's summary: the status of a successful result.", Retry: catalog.RetryUnstated},
			{Value: "F", Name: "StatusFailure", Message: "Failure. errcodevet's summary: the call failed.", Action: "errcodevet's summary: do what the resultCode's further action says.", Retry: catalog.RetryUnstated},
			{Value: "U", Name: "StatusUnknown", Message: "Unknown outcome. errcodevet's summary: the call may or may not have taken effect.", Action: "errcodevet's summary: call the API again or query the result; do not treat it as a failure.", Retry: catalog.RetryLater},
		},
	}
}

// Import turns a vendor page into a catalog file. The review supplies the
// header and pinned names; a nil review imports the page with derived names
// and the default carriers of its format (json errcode, or resultCode and
// resultStatus, with the S, F and U statuses). A review that names no
// family, and a nil one, import the page as a new family named after the
// file: "acme-pay.txt" is acmepay. A review that extends a family gets no
// default carriers or statuses: the family has its own.
//
// The extra pages add the codes the page does not document, the first
// page that documents a code giving its text; they must have the page's
// kind of values. The rows of result tables (FormatResultTable) merge by
// code: a code several APIs list is one entry that records each API's
// status, and has a status (and a retry class) only when they agree; an
// API's row may not give a code of the page another status unless the
// review notes the disagreement (Review.Disagree), the page staying the
// authority.
func Import(filename string, page []byte, review *Review, extra ...Page) (*catalog.File, error) {
	format, rows, err := Parse(filename, page)
	if err != nil {
		return nil, err
	}
	if review == nil {
		review = new(Review)
	}
	seed := readFrom(page, review.Vendor)
	if review.Source != "" {
		// The review says where the family's table was read, for every
		// entry (catalog.Family.Source): the page's entries need not.
		seed = provenance{}
	}
	pages := []sourceRows{{filename, rows, format, seed}}
	for _, p := range extra {
		f, rows, err := Parse(p.Name, p.Text)
		if err != nil {
			return nil, err
		}
		if f.IsResult() != format.IsResult() {
			return nil, &Error{p.Name, 0, fmt.Sprintf("%s table cannot extend %s page", codeNoun(f), codeNoun(format))}
		}
		pages = append(pages, sourceRows{p.Name, rows, f, readFrom(p.Text, "")})
	}
	f := review.File // a copy: the review is not changed
	if f.Family == "" && f.Extends == "" {
		f.Family = familyName(filename)
		if f.Family == "" {
			return nil, &Error{filename, 0, "the file name gives no family name: name the family in a review file"}
		}
	}
	if f.Codes == nil {
		f.Codes = new(catalog.FileTable)
	} else {
		codes := *f.Codes
		f.Codes = &codes
	}
	// A new family gets the carriers and status table of its format, unless
	// the review gives its own; an extension has its family's.
	newFamily := f.Family != ""
	switch format {
	case FormatErrcode:
		if f.Codes.Kind == "" {
			f.Codes.Kind = catalog.KindInt
		}
		if newFamily && f.Codes.Carriers.Empty() {
			f.Codes.Carriers.JSON = []string{"errcode"}
		}
	case FormatResult, FormatResultTable:
		f.Codes.Kind = catalog.KindString
		if newFamily && f.Codes.Carriers.Empty() {
			f.Codes.Carriers.JSON = []string{"resultCode"}
		}
		if newFamily && f.Status == nil {
			f.Status = defaultStatus()
		}
	}

	// The entries the review lists itself, and the default status table:
	// the page's rows may not repeat their values or names.
	reviewName := make(map[string]string) // name: "code 3", "status U"
	reviewValue := make(map[string]bool)  // canonical code values
	statusValue := make(map[string]bool)
	for _, t := range []struct {
		table *catalog.FileTable
		what  string
	}{{f.Codes, "code"}, {f.Status, "status"}} {
		if t.table == nil {
			continue
		}
		for _, e := range slices.Concat(t.table.Documented, t.table.Known) {
			if e.Name != "" {
				reviewName[e.Name] = t.what + " " + e.Value
			}
			if t.what == "code" {
				v, _ := canonical(format, e.Value)
				reviewValue[v] = true
			} else {
				statusValue[e.Value] = true
			}
		}
	}

	var errs []error
	seenName := make(map[string]Row)
	seenValue := make(map[string]Row) // by canonical value
	pageValues := make(map[string]bool)
	documented := make([]catalog.FileEntry, 0, len(rows))
	// merged records, by canonical value, the entry a code got and, for a
	// code the API rows of result tables document, each API's status.
	type mergedEntry struct {
		index   int               // in documented
		apis    map[string]string // nil: the code is not an API row's
		apiRow  map[string]Row    // the row of each API, for messages
		apiFile map[string]string
		agree   bool // every API gives the same status
	}
	merged := make(map[string]*mergedEntry)
	disagreed := make(map[string]bool)
	for i, p := range pages {
		filename := p.name
		inPage := make(map[string]bool)
		for _, row := range p.rows {
			pageValues[row.Value] = true
			value, ok := canonical(format, row.Value)
			if !ok {
				errs = append(errs, &Error{filename, row.Line, fmt.Sprintf("value %s is not a 64-bit integer", row.Value)})
				continue
			}
			// An extension's rows may name the statuses of its family, which
			// only the catalog knows.
			if newFamily && row.Status != "" && !statusValue[row.Status] {
				errs = append(errs, &Error{filename, row.Line, fmt.Sprintf("%s has resultStatus %s, which the status table does not list", row.Value, row.Status)})
			}
			if prev, dup := seenValue[value]; dup {
				m := merged[value]
				switch {
				case row.API != "" && m != nil && m.apis != nil:
					// Another API's row of a code an API row documents:
					// one entry records each API's status.
					if first, twice := m.apiRow[row.API]; twice {
						errs = append(errs, &Error{filename, row.Line, fmt.Sprintf("%s is already listed for API %s at %s:%d", row.Value, row.API, m.apiFile[row.API], first.Line)})
						continue
					}
					m.apis[row.API], m.apiRow[row.API], m.apiFile[row.API] = row.Status, row, filename
					if row.Status != prev.Status {
						m.agree = false
					}
				case row.API != "" && m != nil:
					// An API's row of a code the page documents: the page is
					// the authority, a different status a disagreement the
					// review must note.
					if row.Status != prev.Status {
						if _, noted := review.Disagree[row.Value]; !noted {
							errs = append(errs, &Error{filename, row.Line, fmt.Sprintf(
								"API %s gives %s status %s, but %s (line %d) gives %s: the page is the authority; note the disagreement in the review (disagree: %s: {why: ...})",
								row.API, row.Value, row.Status, pages[0].name, prev.Line, prev.Status, row.Value)})
						}
						disagreed[row.Value] = true
					}
				case i > 0 && !inPage[value]:
					// documented by a page of more authority
				default:
					errs = append(errs, &Error{filename, row.Line, fmt.Sprintf("value %s already listed at line %d", row.Value, prev.Line)})
				}
				continue
			}
			seenValue[value] = row
			inPage[value] = true
			if reviewValue[value] {
				errs = append(errs, &Error{filename, row.Line, fmt.Sprintf("value %s is also listed by the review", row.Value)})
				continue
			}
			derived := DeriveName(format, row)
			name, pinned := review.Names[row.Value]
			if !pinned {
				name = derived
			}
			var nameBy string
			if name != derived {
				nameBy = review.NameBy
			}
			aliases := review.Aliases[row.Value]
			for _, n := range append([]string{name}, aliases...) {
				if what, taken := reviewName[n]; taken {
					errs = append(errs, &Error{filename, row.Line, fmt.Sprintf(
						"%s would be named %s, as is %s: pin another name in the review file", row.Value, n, what)})
				} else if prev, dup := seenName[n]; dup {
					errs = append(errs, &Error{filename, row.Line, fmt.Sprintf(
						"%s and %s (line %d) would both be named %s: pin distinct names in the review file", row.Value, prev.Value, prev.Line, n)})
				}
				seenName[n] = row
			}
			retry := DeriveRetry(row)
			if o, ok := review.Retry[row.Value]; ok {
				retry = o.Class
			}
			m := &mergedEntry{index: len(documented), agree: true}
			if row.API != "" {
				m.apis = map[string]string{row.API: row.Status}
				m.apiRow = map[string]Row{row.API: row}
				m.apiFile = map[string]string{row.API: filename}
			}
			merged[value] = m
			documented = append(documented, catalog.FileEntry{
				Value: row.Value, Name: name, Status: row.Status,
				Message: row.Message, Action: row.Action, Retry: retry,
				NameBy: nameBy, Aliases: aliases,
				Source: p.source(row),
			})
		}
	}
	for _, value := range slices.Sorted(maps.Keys(review.Disagree)) {
		if !disagreed[value] {
			errs = append(errs, &Error{filename, 0, fmt.Sprintf("the review notes a disagreement on %s, but no API's table gives it another status than the page", value)})
		}
	}
	for _, value := range slices.Sorted(maps.Keys(merged)) {
		if m := merged[value]; m.apis != nil && !m.agree {
			if _, ok := review.Retry[documented[m.index].Value]; ok {
				errs = append(errs, &Error{filename, 0, fmt.Sprintf("the review gives %s a retry class, but its APIs give it different statuses (%s): the retry checks must not pick one", value, apiList(m.apis))})
			}
		}
	}
	for _, m := range []map[string]string{review.Names, retryValues(review.Retry), aliasValues(review.Aliases)} {
		for _, value := range sortedKeys(m) {
			if !pageValues[value] {
				errs = append(errs, &Error{filename, 0, fmt.Sprintf("the review names code %s, which the page does not document", value)})
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for _, m := range merged {
		e := &documented[m.index]
		if m.apis == nil {
			continue
		}
		e.APIs = m.apis
		if !m.agree {
			// The outcome depends on the API called: the entry may state
			// no status and no retry class (catalog/doc.go).
			e.Status, e.Retry = "", catalog.RetryUnstated
		}
	}
	f.Codes.Documented = append(documented, f.Codes.Documented...)
	if newFamily && f.Codes.Success == nil {
		f.Codes.Success = documentedSuccess(format, documented)
	}

	// The result must be a valid catalog file: round-trip it through the
	// catalog's own parser, which checks everything a user's file is checked for.
	out, err := f.Marshal("")
	if err != nil {
		return nil, err
	}
	return catalog.Parse(filename+" (imported)", out)
}

// aliasValues returns the values that have aliases, for the check that
// each is documented.
func aliasValues(aliases map[string][]string) map[string]string {
	out := make(map[string]string, len(aliases))
	for v := range aliases {
		out[v] = ""
	}
	return out
}

// documentedSuccess returns the success value a page documents, for a
// family whose review names none: errcode 0 ("0 Request successful"), or
// the result code SUCCESS with status S.
func documentedSuccess(format Format, documented []catalog.FileEntry) []string {
	for _, e := range documented {
		switch {
		case format.IsResult() && e.Value == "SUCCESS" && e.Status == "S",
			!format.IsResult() && e.Value == "0":
			return []string{e.Value}
		}
	}
	return nil
}

// codeNoun names the kind of codes a format holds, with its article.
func codeNoun(f Format) string {
	if f.IsResult() {
		return "a result-code"
	}
	return "an errcode"
}

// sourceRows are the rows of one page.
type sourceRows struct {
	name   string
	rows   []Row
	format Format
	from   provenance
}

// canonical returns the canonical text of a code value of the page's
// format, as the catalog compares values: "042001" is 42001. It reports
// false for a number out of the range of int64.
func canonical(format Format, value string) (string, bool) {
	if format.IsResult() {
		return value, true
	}
	v, err := strconv.ParseInt(value, 10, 64)
	if err != nil {
		return value, false
	}
	return strconv.FormatInt(v, 10), true
}

// familyName returns the family name a file name gives: its base name up
// to the first dot, lower-cased, without the characters a family name may
// not hold; "" if that does not start with a letter.
func familyName(filename string) string {
	base, _, _ := strings.Cut(filepath.Base(filename), ".")
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	name := b.String()
	if name == "" || name[0] < 'a' || name[0] > 'z' {
		return ""
	}
	return name
}

// apiList writes an entry's API statuses as "inquiryPayment: F, pay: U".
func apiList(apis map[string]string) string {
	var b strings.Builder
	for i, api := range slices.Sorted(maps.Keys(apis)) {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(api + ": " + apis[api])
	}
	return b.String()
}

func retryValues(m map[string]RetryOverride) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = string(v.Class)
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// A provenance is where a page was read: the vendor's page, and the public
// copy it was taken from, if any.
type provenance struct {
	vendor, copy string
	// tag is "3p" for pages that are neither the vendor's nor a copy of
	// them (a third party's own documentation), from a "# tag: 3p" line:
	// their source says so, never vendor.
	tag string
}

// readFrom returns where a page was read, from its header: the first
// word of its "# vendor:", "# copy:" and "# tag:" lines ("none" is none),
// a GitHub file address as repository@commit:path. vendor, if not empty,
// is the address of a page that has no header (the review's: the seed
// pages are kept byte for byte as read).
func readFrom(text []byte, vendor string) provenance {
	p := provenance{vendor: vendor}
	for _, line := range strings.Split(string(text), "\n") {
		if !strings.HasPrefix(line, "#") {
			if strings.TrimSpace(line) != "" {
				break // the header ends where the table starts
			}
			continue
		}
		key, value, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "#")), ":")
		words := strings.Fields(value)
		if !ok || len(words) == 0 {
			continue
		}
		word := strings.TrimSuffix(words[0], ",")
		if strings.TrimSuffix(word, ":") == "none" {
			continue // the file says it has none: a page read itself, or test data
		}
		switch key {
		case "tag":
			p.tag = strings.TrimSuffix(word, ":")
		case "vendor":
			p.vendor = word
		case "copy":
			p.copy = githubFile(word)
		}
	}
	return p
}

// githubFile writes the address of a file on GitHub at a commit as
// repository@commit:path, the form errcodevet's notes and catalogs use.
func githubFile(url string) string {
	rest, ok := strings.CutPrefix(url, "https://github.com/")
	parts := strings.SplitN(rest, "/", 5) // owner, repo, "blob", commit, path
	if !ok || len(parts) != 5 || parts[2] != "blob" {
		return url
	}
	return parts[0] + "/" + parts[1] + "@" + parts[3][:min(len(parts[3]), 7)] + ":" + parts[4]
}

// source returns where a row's text was read, as the catalog keeps it
// beside its code (catalog.FileEntry.Source): "vendor: PAGE", "copy:
// FILE, of PAGE", or "3p: PAGE" for a third party's page, where PAGE is the row's own page (the source column of
// a table that has one) or the file's. A code table's rows say it
// themselves, in full; a page that says nothing gives "".
func (p sourceRows) source(row Row) string {
	if p.format == FormatCodeTable {
		return row.Source
	}
	page := cmp.Or(row.Source, p.from.vendor)
	switch {
	case p.from.tag == "3p" && page != "":
		return "3p: " + page
	case p.from.copy != "" && page != "":
		return "copy: " + p.from.copy + ", of " + page
	case p.from.copy != "":
		return "copy: " + p.from.copy
	case page != "":
		return "vendor: " + page
	}
	return ""
}
