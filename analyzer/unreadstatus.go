package analyzer

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/internal/retry"
)

// unreadStatuses reports, under retry-unknown, the answers of gopay's
// WeChat Pay v3 client taken as success after testing only the error:
// gopay returns an answer other than the expected 200 or 204, an unknown
// outcome among them, with a nil error.
func (r *pass) unreadStatuses(c *retry.Classifier, fd *ast.FuncDecl) {
	const why = "gopay returns every answer but the expected 200 or 204 (SYSTEM_ERROR, 202 USERPAYING, a refusal) with a nil error and the HTTP status in its Code"
	for _, u := range c.UnreadStatuses(fd) {
		if u.Read == nil {
			r.report(retryUnknown, u.Call, u.Method+"'s answer discarded after testing only its error: "+why+"; keep the answer and test its Code")
			continue
		}
		r.reportRelated(retryUnknown, u.Call, u.Method+"'s answer read without testing its Code: "+why+"; test Code before reading Response",
			analysis.RelatedInformation{Pos: u.Read.Pos(), End: u.Read.End(), Message: "reads the answer here"})
	}
}
