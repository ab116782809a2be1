// Package checkid names a finding's check in its message, for the drivers
// whose output shows only the message (go vet, go fix, golangci-lint), so
// that users can write the //errcodevet:ignore directive it needs without
// opening JSON. staticcheck does the same: "... (SA1000)".
package checkid

import "golang.org/x/tools/go/analysis"

// Message returns d's message followed by its check ID in parentheses.
func Message(d analysis.Diagnostic) string {
	if d.Category == "" {
		return d.Message
	}
	return d.Message + " (" + d.Category + ")"
}

// InMessages returns a copy of a whose diagnostics carry their check ID at
// the end of their message (see Message). It shares a's flags and facts.
func InMessages(a *analysis.Analyzer) *analysis.Analyzer {
	run := a.Run
	b := &analysis.Analyzer{
		Name:             a.Name,
		Doc:              a.Doc,
		URL:              a.URL,
		Flags:            a.Flags,
		Requires:         a.Requires,
		ResultType:       a.ResultType,
		RunDespiteErrors: a.RunDespiteErrors,
		FactTypes:        a.FactTypes,
	}
	b.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Analyzer = b
		p.Report = func(d analysis.Diagnostic) {
			d.Message = Message(d)
			pass.Report(d)
		}
		return run(&p)
	}
	return b
}
