package golangci

import (
	"fmt"
	"go/token"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// relatedInMessages returns a copy of a whose diagnostics carry their
// related information in their message, and no longer as related
// information: golangci-lint makes an issue of its own of each related
// position, so that a retry finding and the statement that gives up would
// count, show and sort as two issues. The message names the place:
//
//	... handled as a final failure: ...; gives up at line 17: returns an error made from text alone
//
// It shares a's flags and facts.
func relatedInMessages(a *analysis.Analyzer) *analysis.Analyzer {
	b := *a
	run := a.Run
	b.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Analyzer = &b
		p.Report = func(d analysis.Diagnostic) {
			if len(d.Related) > 0 {
				at := pass.Fset.Position(d.Pos)
				for _, r := range d.Related {
					d.Message += "; " + placed(r.Message, at, pass.Fset.Position(r.Pos))
				}
				d.Related = nil
			}
			pass.Report(d)
		}
		return run(&p)
	}
	return &b
}

// placed returns a related message ("gives up here: ...") with its place
// in it ("gives up at line 17: ..."): the line, in the finding's file, or
// the file's name and line.
func placed(msg string, finding, at token.Position) string {
	where := fmt.Sprintf("line %d", at.Line)
	if at.Filename != finding.Filename {
		where = fmt.Sprintf("%s:%d", filepath.Base(at.Filename), at.Line)
	}
	if before, after, ok := strings.Cut(msg, " here"); ok {
		return before + " at " + where + after
	}
	return msg + " (at " + where + ")"
}
