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
}

// URL returns the address of the check's documentation.
func (c *Check) URL() string { return DocsURL + "#" + c.ID }

// Checks lists every check, in documentation order.
var Checks = []*Check{magicCode, stringCode, unknownCode, retryUnknown, retryFinal}

// CheckIDs returns the IDs of every check.
func CheckIDs() []string {
	ids := make([]string, len(Checks))
	for i, c := range Checks {
		ids[i] = c.ID
	}
	return ids
}

func checkByID(id string) *Check {
	for _, c := range Checks {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// directiveCategory is the Category of reports about errcodevet:ignore
// directives themselves; it is not a check and cannot be turned off.
const directiveCategory = "directive"
