package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/internal/retry"
)

// renewedRefundNumbers reports, under retry-unknown, the refunds a retry
// creates again under a refund number made anew for each attempt: when an
// attempt's outcome was unknown, the next one is a second refund.
func (r *pass) renewedRefundNumbers(c *retry.Classifier, fd *ast.FuncDecl) {
	for _, rn := range c.RenewedRefundNumbers(fd, r.funcDecl) {
		r.reportRelated(retryUnknown, rn.Call, "refund retried under a new "+rn.Param+" on each attempt: "+
			"a new refund number makes each retry a new refund, a second one when an attempt's outcome was unknown; "+
			"make the number once, before the first attempt",
			analysis.RelatedInformation{Pos: rn.Varies.Pos(), End: rn.Varies.End(), Message: "the number changes here: " + rn.How})
	}
}

// funcDecl returns the declaration of a function of the package, or nil.
func (r *pass) funcDecl(fn *types.Func) *ast.FuncDecl {
	if fn.Pkg() != r.Pkg {
		return nil
	}
	for _, f := range r.Files {
		if f.Pos() > fn.Pos() || fn.Pos() > f.End() {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && r.TypesInfo.Defs[fd.Name] == fn {
				return fd
			}
		}
	}
	return nil
}
