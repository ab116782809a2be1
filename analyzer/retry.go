package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/retry"
)

// retryFuncs finds the package's functions that retry and exports their
// facts, for importers.
func (r *pass) retryFuncs() {
	imported := func(fn *types.Func) bool { return r.facts.retries(r.Pass, fn) }
	r.retrying = retry.FindFuncs(r.Pkg, r.TypesInfo, r.Files, r.s.retry, imported)
	if r.Pkg.Name() == "main" {
		return // facts are for importers
	}
	for _, fn := range r.retrying.Own() {
		r.facts.exportRetries(r.Pass, fn)
	}
}

// retryChecks judges the branches of a function declaration that a retry
// class selects: retry-unknown those taken on an unknown outcome,
// retry-final those taken on a final failure.
func (r *pass) retryChecks(fd *ast.FuncDecl) {
	unknown, final := r.s.enabled[retryUnknown.ID], r.s.enabled[retryFinal.ID]
	if fd.Body == nil || !unknown && !final {
		return
	}
	c := &retry.Classifier{Info: r.TypesInfo, Carriers: r.resolver, Index: r.s.index, Funcs: r.retrying, GiveUp: r.s.giveUp}
	// A statement decides one finding: a branch inside another (U inside
	// status != S, a second comparison of a disjunction) does not report
	// the same decision again, even when a directive suppresses the first.
	decided := make(map[ast.Node]bool)
	var grouped map[ast.Stmt]*catalog.Code
	if unknown {
		grouped = r.successBranches(fd)
	}
	for _, b := range c.Branches(fd) {
		switch {
		case b.Kind == retry.Selected && b.Class == catalog.RetryNever:
			if final {
				r.retryFinalBranch(c, b, decided)
			}
		case unknown:
			r.retryUnknownBranch(c, b, grouped, decided)
		}
	}
	if unknown {
		r.renewedRefundNumbers(c, fd)
		r.unreadStatuses(c, fd)
	}
}

// reportDecision reports a finding whose branch was decided by v.At, and
// points at that statement, once per statement.
func (r *pass) reportDecision(check *Check, at ast.Node, v retry.Verdict, msg string, decided map[ast.Node]bool) {
	if decided[v.At] {
		return
	}
	decided[v.At] = true
	related := "gives up here: " + v.Reason
	if v.Outcome == retry.Retries {
		related = "retries here: " + v.Reason
	}
	r.reportRelated(check, at, msg, analysis.RelatedInformation{Pos: v.At.Pos(), End: v.At.End(), Message: related})
}
