package analyzer

// DocsURL is where the checks are documented; each check's section has its
// ID as anchor.
const DocsURL = "https://github.com/errcodevet/errcodevet/blob/main/docs/checks.md"

// A Check is one kind of finding. Its ID is a public contract: users write
// it in -checks, configs and errcodevet:ignore directives, and it is the
// Category of its diagnostics. The docs in docs/checks.md are generated from
// these fields, and a test runs the examples: Bad must produce Want, Good
// nothing.
type Check struct {
	ID    string
	Title string // what it finds, in a few words
	Doc   string // Markdown: what it reports, why it matters, what it leaves alone
	Bad   string // a Go file (package example) with one finding
	Want  string // the finding's message for Bad
	Good  string // Bad, corrected

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
