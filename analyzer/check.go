package analyzer

import (
	_ "embed"
	"go/parser"
	"go/token"
	"strings"
)

// RepoURL is errcodevet's repository. Until its modules are published,
// links point into it: at a file of the main branch, which a test finds in
// this repository.
const RepoURL = "https://github.com/errcodevet/errcodevet"

// DocsURL is where the checks are documented (docs/checks.md); each check's
// section has its ID as anchor.
const DocsURL = RepoURL + "/blob/main/docs/checks.md"

// A Check is one kind of finding. Its ID is a public contract: users write
// it in -checks, configs and errcodevet:ignore directives, and it is the
// Category of its diagnostics. The docs in docs/checks.md are generated from
// these fields, and a test runs the examples: Bad must produce Want, Good
// nothing.
type Check struct {
	ID       string
	Title    string // what it finds, in a few words
	Doc      string // Markdown: what it reports, why it matters, what it leaves alone
	Severity Severity
	Bad      string // a Go file (package example) with one finding
	Want     string // the finding's message for Bad
	Good     string // Bad, corrected

	More []Example // further cases, documented and run like Bad and Good
}

// An Example is a further case of a check: Bad must produce Want, Good
// nothing.
type Example struct {
	Title string // what it shows, in a few words
	Bad   string
	Want  string
	Good  string
}

// Severity is how sure a check's findings are to be bugs, for drivers that
// grade findings (the level of a SARIF result).
type Severity int

const (
	// Warning: code to write otherwise, or handling that is wrong in some
	// outcomes. The default.
	Warning Severity = iota
	// Error: code that cannot do what it was written to do, such as a
	// comparison that can never be true.
	Error
)

// String returns "warning" or "error", SARIF's names for the levels.
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// URL returns the address of the check's documentation.
func (c *Check) URL() string { return DocsURL + "#" + c.ID }

// checks lists every check, in documentation order.
var checks = []*Check{magicCode, stringCode, unknownCode, retryUnknown, retryFinal}

// Checks returns every check, in documentation order. The values are
// copies: changing them changes nothing in the analyzer.
func Checks() []Check {
	out := make([]Check, len(checks))
	for i, c := range checks {
		out[i] = *c
	}
	return out
}

// CheckIDs returns the IDs of every check.
func CheckIDs() []string {
	ids := make([]string, len(checks))
	for i, c := range checks {
		ids[i] = c.ID
	}
	return ids
}

func checkByID(id string) *Check {
	for _, c := range checks {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// directiveCategory is the Category of reports about errcodevet:ignore
// directives themselves. It is not a check, but -checks can leave it out
// (when -checks lists IDs, they run only if it names "directive").
const directiveCategory = "directive"

//go:embed doc.go
var docGo string

// doc is the analyzer's Doc: the "Analyzer errcodevet" section of the
// package documentation in doc.go, as the x/tools passes embed theirs, so
// that go doc and the drivers' help say the same.
var doc = analyzerDoc(docGo, "errcodevet")

// analyzerDoc returns the section "# Analyzer name" of the package
// documentation in src, up to the next heading, without its first line's
// "name: " prefix (the analysis framework's form: a one-line summary, then
// the details).
func analyzerDoc(src, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic("analyzer: doc.go has no package documentation")
	}
	_, section, ok := strings.Cut(f.Doc.Text(), "\n# Analyzer "+name+"\n")
	if !ok {
		panic("analyzer: doc.go has no section # Analyzer " + name)
	}
	if i := strings.Index(section, "\n# "); i >= 0 {
		section = section[:i]
	}
	section, ok = strings.CutPrefix(strings.TrimSpace(section), name+": ")
	if !ok {
		panic("analyzer: the section # Analyzer " + name + " of doc.go does not start with " + name + ": ")
	}
	return section
}
