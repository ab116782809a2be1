package retry

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodevet/errcodevet/catalog"
)

// BranchKind is what selects a branch.
type BranchKind int

const (
	// Selected: a comparison with a value whose retry class is "retry" or
	// "never" (status == U, code == PROCESS_FAIL, case -1:).
	Selected BranchKind = iota
	// NonSuccess: every status but success (status != S, the else of
	// status == S, what follows if status == S { return }), where no
	// comparison with an unknown-outcome value comes before it in the
	// function or inside it.
	NonSuccess
	// Default: the default clause of a switch that tests the status and
	// has no case for an unknown outcome.
	Default
)

// Branch is code selected by a condition on a carrier, to be judged by a
// retry check.
type Branch struct {
	Kind BranchKind
	At   ast.Node // where a finding is reported: the condition, or the case clause
	// Table is the compared carrier's table; Code the value compared (the
	// success value for NonSuccess, nil for Default).
	Table *catalog.Table
	Code  *catalog.Code
	// Class is the retry class of Code (Selected only): RetryLater or
	// RetryNever. Final is, for a status whose class "never" comes from
	// the codes documented with it, the first such code.
	Class catalog.Retry
	Final *catalog.Code
	Body  []ast.Stmt
	Ctx   Context
}

// Branches returns the branches of a function declaration that a retry
// check judges, in the order of the source (a branch inside another after
// it).
func (c *Classifier) Branches(fd *ast.FuncDecl) []Branch {
	if fd.Body == nil {
		return nil
	}
	w := &walk{c: c, ops: Ops(c.Info, fd.Body)}
	w.fn, _ = c.Info.Defs[fd.Name].(*types.Func)
	c.commaOK, c.errorOf = commaOKPairs(c.Info, fd.Body)
	w.unknownSeen = w.unknownComparisons(fd.Body)
	w.outcomeOnly = w.testsOutcomeOnly(fd.Body)
	w.finalValues, w.finalAnswers = w.finalPathValues(fd.Body)
	w.answers = w.countAnswers(fd.Body)
	ast.Inspect(fd.Body, w.visit)
	return w.branches
}

type walk struct {
	c            *Classifier
	fn           *types.Func
	ops          map[*ast.FuncLit]OpKind
	unknownSeen  []token.Pos // comparisons that select an unknown outcome
	finalValues  map[*types.Var]bool
	finalAnswers map[string]bool
	answers      map[string]int // every plain answer of the function's returns, and how many give it
	literals     map[*ast.FuncLit]*literalPath
	outcomeOnly  bool
	stack        []ast.Node
	branches     []Branch
}

func (w *walk) visit(n ast.Node) bool {
	if n == nil {
		w.stack = w.stack[:len(w.stack)-1]
		return false
	}
	switch n := n.(type) {
	case *ast.IfStmt:
		w.ifStmt(n)
	case *ast.SwitchStmt:
		w.switchStmt(n)
	}
	w.stack = append(w.stack, n)
	return true
}

// successTest returns the status comparison of a condition that tests for
// success (status == S, or a conjunction of such tests of one family's
// status and code), or for its opposite (status != S, code != SUCCESS &&
// status != S): negated is then set. Tests that the status's own chain is
// not nil may join them (tx.TradeState != nil && *tx.TradeState !=
// SUCCESS): where it is nil there is no status to compare.
func (w *walk) successTest(cond ast.Expr) (c comparison, negated, ok bool) {
	var operands, guards []ast.Expr
	for _, op := range conjuncts(cond) {
		if g := w.c.nilGuard(op); g != nil {
			guards = append(guards, g) // tx.TradeState != nil && *tx.TradeState != SUCCESS
		} else {
			operands = append(operands, op)
		}
	}
	defer func() {
		for _, g := range guards {
			if ok && !w.c.onChain(g, c.carrier) {
				c, negated, ok = comparison{}, false, false // a guard of something else
			}
		}
	}()
	for i, op := range operands {
		cmps := w.c.comparisons(op)
		if len(cmps) != 1 || !cmps[0].table.IsSuccess(cmps[0].code.Value) {
			return comparison{}, false, false
		}
		if i > 0 && cmps[0].negated != negated {
			return comparison{}, false, false
		}
		negated = cmps[0].negated
		if cmps[0].table.Role == catalog.RoleStatus && !ok {
			c, ok = cmps[0], true
		}
	}
	if ok && len(operands) > 1 && !negated {
		return comparison{}, false, false // status == S && code == SUCCESS: its else is not every failure
	}
	return c, negated, ok
}

func (w *walk) ifStmt(n *ast.IfStmt) {
	if c, negated, ok := w.successTest(n.Cond); ok {
		switch {
		case negated:
			w.nonSuccess(c, n.Cond, n.Body.List) // if status != S { <every other status> }
		case n.Else != nil:
			w.nonSuccess(c, n.Cond, elseList(n.Else)) // if status == S {...} else { <every other status> }
		case w.c.Leaves(n.Body.List):
			w.nonSuccess(c, n.Cond, w.rest(n)) // if status == S { return }; <every other status>
		}
		if len(w.c.comparisons(n.Cond)) != 1 {
			return // a conjunction of success tests: nothing else to judge
		}
	}
	if w.errorsAs(n) {
		return
	}
	cmps := w.c.comparisons(n.Cond)
	if len(cmps) == 0 {
		w.disjunction(n)
		return
	}
	if len(cmps) == 1 && cmps[0].negated {
		c := cmps[0]
		switch {
		case c.table.IsSuccess(c.code.Value):
		case n.Else != nil:
			w.selected(c, c.expr, elseList(n.Else)) // if x != U {...} else { <U> }
		case w.c.Leaves(n.Body.List):
			w.selected(c, c.expr, w.rest(n)) // if x != U { return }; <U>
		}
		return
	}
	first := len(w.branches)
	for _, c := range cmps {
		w.selected(c, c.expr, n.Body.List)
	}
	for i := first; i < len(w.branches); i++ {
		w.branches[i].Ctx.After = w.rest(n) // what runs when the body falls through
	}
}

// disjunction judges an if whose condition is a disjunction with operands
// that are not comparisons (status != S || res.URL == "", status == U ||
// err != nil): its body runs whenever one of its comparisons holds, so a
// non-success test among them selects the body for every status but
// success, and a comparison with a value selects it for that value.
func (w *walk) disjunction(n *ast.IfStmt) {
	var operands []ast.Expr
	var flatten func(e ast.Expr)
	flatten = func(e ast.Expr) {
		e = ast.Unparen(e)
		if b, isOr := e.(*ast.BinaryExpr); isOr && b.Op == token.LOR {
			flatten(b.X)
			flatten(b.Y)
			return
		}
		operands = append(operands, e)
	}
	flatten(n.Cond)
	if len(operands) < 2 {
		return
	}
	for _, op := range operands {
		if c, negated, ok := w.successTest(op); ok {
			if negated {
				w.nonSuccess(c, op, n.Body.List)
			}
			continue
		}
		for _, c := range w.c.comparisons(op) {
			if !c.negated {
				w.selected(c, c.expr, n.Body.List)
			}
		}
	}
}

// errorsAs judges an if whose condition reads a code through errors.As
// into an error type and compares it (errors.As(err, &e) && e.Code ==
// 40003) like a direct comparison, err standing for the result: for
// retry-final, the compared value comes from err, which must be produced
// anew by a call for a continue to count as a retry, as the result must
// for a direct read; for retry-unknown (e.Code == -1), returning err hands
// the outcome on.
func (w *walk) errorsAs(n *ast.IfStmt) bool {
	b, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.LAND {
		return false
	}
	for _, pair := range [2][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		call, ok := ast.Unparen(pair[0]).(*ast.CallExpr)
		if !ok || len(call.Args) != 2 {
			continue
		}
		fn := typeutil.StaticCallee(w.c.Info, call)
		if fn == nil || FuncName(fn) != "errors.As" {
			continue
		}
		target, ok := ast.Unparen(call.Args[1]).(*ast.UnaryExpr)
		if !ok || target.Op != token.AND {
			continue
		}
		tid, ok := ast.Unparen(target.X).(*ast.Ident)
		errID, ok2 := ast.Unparen(call.Args[0]).(*ast.Ident)
		if !ok || !ok2 {
			continue
		}
		targetVar, _ := w.c.Info.Uses[tid].(*types.Var)
		errVar, _ := w.c.Info.Uses[errID].(*types.Var)
		// One comparison, or a disjunction of them (ae.Code == A || ae.Code == B),
		// each of the error's own code.
		cmps := w.c.comparisons(pair[1])
		if targetVar == nil || errVar == nil || len(cmps) == 0 {
			continue
		}
		mine := true
		for _, c := range cmps {
			root, ok := rootOf(c.carrier).(*ast.Ident)
			mine = mine && !c.negated && ok && w.c.Info.Uses[root] == targetVar
		}
		if !mine {
			continue
		}
		for _, c := range cmps {
			class, final := w.retryClass(c)
			if class != catalog.RetryNever && class != catalog.RetryLater {
				continue
			}
			ctx := w.context(c.carrier)
			ctx.Carrier, ctx.CarrierCall = errVar, false
			if class == catalog.RetryNever {
				ctx.Nested = w.nestedDecisions(n.Body.List)
			}
			w.branches = append(w.branches, Branch{Kind: Selected, At: c.expr, Table: c.table, Code: c.code,
				Class: class, Final: final, Body: n.Body.List, Ctx: ctx})
		}
		return true
	}
	return false
}

// rest returns the statements after s in the list that holds it.
func (w *walk) rest(s ast.Stmt) []ast.Stmt {
	if len(w.stack) == 0 {
		return nil
	}
	var list []ast.Stmt
	switch p := w.stack[len(w.stack)-1].(type) {
	case *ast.BlockStmt:
		list = p.List
	case *ast.CaseClause:
		list = p.Body
	case *ast.CommClause:
		list = p.Body
	}
	for i, st := range list {
		if st == s {
			return list[i+1:]
		}
	}
	return nil
}

// switchStmt selects each case that compares a carrier, and the default of a
// switch that tests the status without handling an unknown outcome. Status
// and code tests mixed in one tagless switch are judged together: a case on
// UNKNOWN_EXCEPTION handles U as well.
func (w *walk) switchStmt(n *ast.SwitchStmt) {
	var deflt *ast.CaseClause
	handlesUnknown := false
	var status *catalog.Table
	for _, s := range n.Body.List {
		cc := s.(*ast.CaseClause)
		if cc.List == nil {
			deflt = cc
			continue
		}
		for _, e := range cc.List {
			for _, c := range w.c.caseComparisons(n, e) {
				if c.negated {
					continue
				}
				if c.table.Role == catalog.RoleStatus {
					status = c.table
				}
				if class, _ := w.retryClass(c); class == catalog.RetryLater {
					handlesUnknown = true
				}
				w.selected(c, caseRange{cc}, cc.Body)
			}
		}
	}
	if deflt == nil || status == nil || handlesUnknown {
		return
	}
	w.branches = append(w.branches, Branch{Kind: Default, At: caseRange{deflt}, Table: status, Body: deflt.Body, Ctx: w.context(n.Tag)})
}

// caseRange spans a clause's case (or default) keyword to its colon.
type caseRange struct{ cc *ast.CaseClause }

func (c caseRange) Pos() token.Pos { return c.cc.Case }
func (c caseRange) End() token.Pos { return c.cc.Colon + 1 }

// selected records the statements selected by comparison c, when its
// value has a retry class a check judges.
func (w *walk) selected(c comparison, at ast.Node, body []ast.Stmt) {
	class, final := w.retryClass(c)
	b := Branch{Kind: Selected, At: at, Table: c.table, Code: c.code, Class: class, Final: final, Body: body}
	switch class {
	case catalog.RetryLater:
		b.Ctx = w.context(c.carrier)
	case catalog.RetryNever:
		b.Ctx = w.context(c.carrier)
		b.Ctx.Nested = w.nestedDecisions(body)
	default:
		return
	}
	w.branches = append(w.branches, b)
}

// retryClass returns the retry class of the value c compares with. A status
// that states none takes it from the codes documented with that status: all
// of them agreeing, their class; some final among others (F: PROCESS_FAIL
// and EXPIRED_ACCESS_TOKEN), "never", with the first final code, for a
// branch that retries every one of them alike retries that one too. Codes
// whose status differs between APIs have none, and count for no status.
func (w *walk) retryClass(c comparison) (catalog.Retry, *catalog.Code) {
	if c.table.Role != catalog.RoleStatus || c.code.Retry != catalog.RetryUnstated {
		return c.code.Retry, nil
	}
	codes := w.codeTable(c.table)
	if codes == nil {
		return catalog.RetryUnstated, nil
	}
	var agreed catalog.Retry
	var final *catalog.Code
	for _, code := range codes.Codes {
		if !code.Documented || code.Status != c.code.Value {
			continue
		}
		if final == nil && code.Retry == catalog.RetryNever {
			final = code
		}
		if agreed == "" {
			agreed = code.Retry
		} else if agreed != code.Retry {
			agreed = catalog.RetryUnstated
		}
	}
	switch {
	case final != nil && agreed != catalog.RetryNever:
		return catalog.RetryNever, final
	case agreed == "":
		return catalog.RetryUnstated, nil
	}
	return agreed, nil
}

// nestedDecisions returns the statements in body that a comparison nested
// in it selects: the body of if code == X, the else of if code != X, the
// statements after if code != X { return }, and the clauses of a switch
// that compares with codes. Each is judged as a branch of its own.
func (w *walk) nestedDecisions(body []ast.Stmt) map[ast.Node]bool {
	nested := make(map[ast.Node]bool)
	var list func([]ast.Stmt)
	list = func(stmts []ast.Stmt) {
		for i, st := range stmts {
			switch n := st.(type) {
			case *ast.IfStmt:
				cmps := w.c.comparisons(n.Cond)
				switch {
				case len(cmps) == 0:
				case len(cmps) == 1 && cmps[0].negated:
					if n.Else != nil {
						nested[n.Else] = true
					} else if w.c.Leaves(n.Body.List) {
						for _, rest := range stmts[i+1:] {
							nested[rest] = true
						}
					}
				default:
					nested[n.Body] = true
				}
			case *ast.SwitchStmt:
				for _, s := range n.Body.List {
					cc := s.(*ast.CaseClause)
					for _, e := range cc.List {
						if len(w.c.caseComparisons(n, e)) > 0 {
							nested[cc] = true
						}
					}
				}
			}
		}
	}
	ast.Inspect(&ast.BlockStmt{List: body}, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BlockStmt:
			list(n.List)
		case *ast.CaseClause:
			list(n.Body)
		case *ast.CommClause:
			list(n.Body)
		}
		return true
	})
	return nested
}

// codeTable returns the code table of the family a status table belongs to.
func (w *walk) codeTable(status *catalog.Table) *catalog.Table {
	return w.c.Index.Table(w.c.Index.Family(status), catalog.RoleCode)
}

// nonSuccess records a branch taken for every status but success, unless
// the table has no unknown outcome or one is handled before the branch in
// the function or inside it.
func (w *walk) nonSuccess(c comparison, cond ast.Expr, body []ast.Stmt) {
	if UnknownValue(c.table) == nil {
		return
	}
	for _, pos := range w.unknownSeen {
		if pos < cond.Pos() || len(body) > 0 && body[0].Pos() <= pos && pos < body[len(body)-1].End() {
			return
		}
	}
	w.branches = append(w.branches, Branch{Kind: NonSuccess, At: cond, Table: c.table, Code: c.code, Body: body, Ctx: w.context(c.carrier)})
}

// UnknownValue returns a table's first documented value whose action is to
// try again (U, UNKNOWN_EXCEPTION, -1), or nil.
func UnknownValue(t *catalog.Table) *catalog.Code {
	for _, code := range t.Codes {
		if code.Retry == catalog.RetryLater && code.Documented {
			return code
		}
	}
	return nil
}

// answersSuccess reports whether a condition or a returned value is the
// success test of a status (successTest) or of a code table whose catalog
// names a success value (errcode == 0, resultCode == SUCCESS), or its
// opposite (negated). For the final-failure path only: a code table's
// non-success test does not select a branch of its own.
func (w *walk) answersSuccess(e ast.Expr) (negated, ok bool) {
	if _, negated, ok := w.successTest(e); ok {
		return negated, true
	}
	cmps := w.c.comparisons(e)
	if len(cmps) != 1 || !cmps[0].table.IsSuccess(cmps[0].code.Value) {
		return false, false
	}
	return cmps[0].negated, true
}

// namesSuccessTest returns the success test a returned identifier only
// names: ok := status == S declared by the statement just before the
// return and never assigned again, nor its address taken.
func (w *walk) namesSuccessTest(body *ast.BlockStmt, ret *ast.ReturnStmt, prev ast.Stmt) ast.Expr {
	id, ok := ast.Unparen(ret.Results[0]).(*ast.Ident)
	as, ok2 := prev.(*ast.AssignStmt)
	if !ok || !ok2 || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil
	}
	def, _ := ast.Unparen(as.Lhs[0]).(*ast.Ident)
	v, _ := w.c.Info.Defs[def].(*types.Var)
	if def == nil || v == nil || w.c.Info.Uses[id] != v {
		return nil
	}
	uses := 0
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && w.c.Info.Uses[id] == v {
			uses++
		}
		return true
	})
	if uses != 1 {
		return nil // assigned again, or read elsewhere: more than the test
	}
	return as.Rhs[0]
}

// finalPathValues returns the package-level error variables the function
// returns where it handles a final failure, and its plain answers there
// (constant results, for a function without an error result): a branch on
// a code or status whose class is "never", and, after an unknown outcome
// was handled, every branch taken for all but success (the else of a
// success test, what follows if status == S { return }, the default of a
// status switch).
func (w *walk) countAnswers(body *ast.BlockStmt) map[string]int {
	answers := make(map[string]int)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if a, ok := w.c.answer(n); ok {
				answers[a]++
			}
		}
		return true
	})
	return answers
}

func (w *walk) finalPathValues(body *ast.BlockStmt) (map[*types.Var]bool, map[string]bool) {
	values := make(map[*types.Var]bool)
	answers := make(map[string]bool)
	unknown := func(cmps []comparison) bool {
		for _, c := range cmps {
			if class, _ := w.retryClass(c); !c.negated && class == catalog.RetryLater {
				return true
			}
		}
		return false
	}
	var collect func(stmts []ast.Stmt)
	collect = func(stmts []ast.Stmt) {
		for _, st := range stmts {
			ast.Inspect(st, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.IfStmt:
					// A test of an unknown outcome among the failures
					// (code == UNKNOWN_EXCEPTION): its body is no final
					// failure's.
					if unknown(w.c.comparisons(n.Cond)) {
						if n.Else != nil {
							collect([]ast.Stmt{n.Else})
						}
						return false
					}
				case *ast.SwitchStmt:
					for _, s := range n.Body.List {
						cc := s.(*ast.CaseClause)
						skip := false
						for _, e := range cc.List {
							skip = skip || unknown(w.c.caseComparisons(n, e))
						}
						if !skip {
							collect(cc.Body)
						}
					}
					return false
				case *ast.ReturnStmt:
					if len(n.Results) > 0 {
						w.sentinels(n.Results[len(n.Results)-1], values)
						if a, ok := w.c.answer(n); ok {
							answers[a] = true
						}
					}
				}
				return true
			})
		}
	}
	final := func(cmps []comparison) bool {
		for _, c := range cmps {
			if class, _ := w.retryClass(c); !c.negated && class == catalog.RetryNever {
				return true
			}
		}
		return false
	}
	// leftover collects what runs on every outcome but success and the
	// unknown one, unless the function names a failure there (case
	// CLOSED: return ErrNotPaid): its final answer is then that branch's,
	// collected as a final failure's, and the leftover (unlisted states,
	// sent to "pending" on purpose) shares the unknown outcome's answer
	// without making it final.
	leftover := func(stmts []ast.Stmt) {
		if !w.namesFailure(stmts) {
			collect(stmts)
		}
	}
	// list finds, in a list of statements, where success and an unknown
	// outcome have both been left behind (in either order, by ifs that
	// leave, the arms of an if-else chain, or a switch's cases): what
	// follows runs on a final failure only.
	list := func(stmts []ast.Stmt) {
		successLeft, unknownLeft := false, false
		for i, st := range stmts {
			if sw, ok := st.(*ast.SwitchStmt); ok && w.leavesOnSuccessAndUnknown(sw) {
				if !w.namesFailure([]ast.Stmt{sw}) {
					leftover(stmts[i+1:]) // switch status { case S: return; case U: return }; <F only>
				}
				return
			}
			n, ok := st.(*ast.IfStmt)
			if !ok {
				continue
			}
			seenS, seenU, leaves := successLeft, unknownLeft, true
			for arm := n; arm != nil; {
				if negated, ok := w.answersSuccess(arm.Cond); ok && !negated {
					seenS = true
					seenU = seenU || w.unknownBefore(arm.Cond.Pos())
				} else if unknown(w.c.comparisons(arm.Cond)) {
					seenU = true
				}
				leaves = leaves && w.c.Leaves(arm.Body.List)
				next, _ := arm.Else.(*ast.IfStmt)
				if seenS && seenU {
					// if U {...} else if status == S {...} else { <F only> }
					if arm.Else != nil {
						leftover([]ast.Stmt{arm.Else})
					}
					if leaves {
						// if U { return }; if status == S { return }; <F only>
						// (later arms are F only too)
						rest := stmts[i+1:]
						if arm.Else != nil {
							rest = append([]ast.Stmt{arm.Else}, rest...)
						}
						leftover(rest)
					}
					return
				}
				if arm.Else != nil && next == nil {
					leaves = false // a final else: nothing follows the chain on the rest
				}
				arm = next
			}
			if leaves {
				successLeft, unknownLeft = seenS, seenU
			}
		}
	}
	// The statement before each return, for a local that names the
	// success test.
	prev := make(map[*ast.ReturnStmt]ast.Stmt)
	ast.Inspect(body, func(n ast.Node) bool {
		var stmts []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			stmts = n.List
		case *ast.CaseClause:
			stmts = n.Body
		}
		for i := 1; i < len(stmts); i++ {
			if ret, ok := stmts[i].(*ast.ReturnStmt); ok {
				prev[ret] = stmts[i-1]
			}
		}
		return true
	})
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			// return status == S, after U was handled: the answer on
			// every final failure is false. (Only the success test:
			// status != S answers true on F, the shape of a predicate
			// that groups U with F on purpose.)
			// A local that only names the test (ok := status == S;
			// return ok) is the same answer.
			if len(n.Results) == 1 && w.unknownBefore(n.Pos()) {
				e := n.Results[0]
				if p := prev[n]; p != nil {
					if named := w.namesSuccessTest(body, n, p); named != nil {
						e = named
					}
				}
				if negated, ok := w.answersSuccess(e); ok && !negated {
					answers["false"] = true
				}
			}
			// The same beside constants (return status == S, nil): the
			// answer on every final failure is false, nil.
			if len(n.Results) > 1 && w.unknownBefore(n.Pos()) {
				if a, ok := w.successAnswer(n.Results); ok {
					answers[a] = true
				}
			}
		case *ast.BlockStmt:
			list(n.List)
		case *ast.CaseClause:
			list(n.Body)
		case *ast.IfStmt:
			if negated, ok := w.answersSuccess(n.Cond); ok {
				// Every status but success, after U was handled: F only.
				if !w.unknownBefore(n.Cond.Pos()) {
					break
				}
				if negated {
					leftover(n.Body.List)
				} else if n.Else != nil {
					leftover(elseList(n.Else))
				}
			} else if final(w.c.comparisons(n.Cond)) {
				collect(n.Body.List)
			}
		case *ast.SwitchStmt:
			var deflt *ast.CaseClause
			status, success, handlesUnknown := false, false, false
			for _, s := range n.Body.List {
				cc := s.(*ast.CaseClause)
				if cc.List == nil {
					deflt = cc
				}
				for _, e := range cc.List {
					cmps := w.c.caseComparisons(n, e)
					if final(cmps) {
						collect(cc.Body)
					}
					for _, c := range cmps {
						class, _ := w.retryClass(c)
						status = status || c.table.Role == catalog.RoleStatus
						success = success || !c.negated && c.table.IsSuccess(c.code.Value)
						handlesUnknown = handlesUnknown || !c.negated && class == catalog.RetryLater
					}
				}
			}
			if deflt != nil && (status || success) && handlesUnknown && !w.namesFailure([]ast.Stmt{n}) {
				// switch status { case U: ...; case S: ...; default: <F only> },
				// and a code switch with cases on success and on -1.
				collect(deflt.Body)
			}
		}
		return true
	})
	return values, answers
}

// successAnswer returns the answer a return of several results gives on
// a failure when one result is the success test and the others are
// constants or nil (status == S, nil: "false, nil").
func (w *walk) successAnswer(results []ast.Expr) (string, bool) {
	parts := make([]string, len(results))
	tests := 0
	for i, r := range results {
		if negated, ok := w.answersSuccess(r); ok {
			if negated {
				return "", false
			}
			parts[i] = "false"
			tests++
			continue
		}
		tv, ok := w.c.Info.Types[ast.Unparen(r)]
		switch {
		case !ok:
			return "", false
		case tv.Value != nil:
			parts[i] = tv.Value.ExactString()
		case tv.IsNil():
			parts[i] = "nil"
		default:
			return "", false
		}
	}
	return strings.Join(parts, ", "), tests == 1
}

// namesFailure reports whether statements test a carrier for a value that
// is neither success nor an unknown outcome (CLOSED, F, PROCESS_FAIL), in
// an if or a case.
func (w *walk) namesFailure(stmts []ast.Stmt) bool {
	names := false
	failure := func(cmps []comparison) {
		for _, c := range cmps {
			if class, _ := w.retryClass(c); !c.negated && !c.table.IsSuccess(c.code.Value) && class != catalog.RetryLater {
				names = true
			}
		}
	}
	for _, st := range stmts {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.IfStmt:
				failure(w.c.comparisons(n.Cond))
			case *ast.SwitchStmt:
				for _, s := range n.Body.List {
					for _, e := range s.(*ast.CaseClause).List {
						failure(w.c.caseComparisons(n, e))
					}
				}
			}
			return !names
		})
	}
	return names
}

// leavesOnSuccessAndUnknown reports whether a switch without a default
// has a case on success and one on an unknown outcome, and every case that
// compares a carrier leaves: what follows it runs on a final failure only.
func (w *walk) leavesOnSuccessAndUnknown(n *ast.SwitchStmt) bool {
	success, unknown := false, false
	for _, s := range n.Body.List {
		cc := s.(*ast.CaseClause)
		if cc.List == nil {
			return false
		}
		for _, e := range cc.List {
			for _, c := range w.c.caseComparisons(n, e) {
				if c.negated {
					return false
				}
				if !w.c.Leaves(cc.Body) {
					return false
				}
				class, _ := w.retryClass(c)
				success = success || c.table.IsSuccess(c.code.Value)
				unknown = unknown || class == catalog.RetryLater
			}
		}
	}
	return success && unknown
}

// unknownBefore reports whether the function compares with an unknown
// outcome before pos.
func (w *walk) unknownBefore(pos token.Pos) bool {
	for _, p := range w.unknownSeen {
		if p < pos {
			return true
		}
	}
	return false
}

// sentinels adds the package-level error variables e returns, directly or
// wrapped with %w, to values.
func (w *walk) sentinels(e ast.Expr, values map[*types.Var]bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		w.addSentinel(e, values)
	case *ast.SelectorExpr:
		w.addSentinel(e.Sel, values)
	case *ast.CallExpr:
		if fn := typeutil.StaticCallee(w.c.Info, e); fn != nil && FuncName(fn) == "fmt.Errorf" {
			for _, arg := range e.Args[1:] {
				w.sentinels(arg, values)
			}
		}
	}
}

func (w *walk) addSentinel(id *ast.Ident, values map[*types.Var]bool) {
	if v, ok := w.c.Info.Uses[id].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
		values[v] = true
	}
}

// context describes where the walk stands for a branch that compares
// carrier: enclosing loops and driver operation up to the nearest function.
func (w *walk) context(carrier ast.Expr) Context {
	ctx := Context{Func: w.fn, FinalValues: w.finalValues, FinalAnswers: w.finalAnswers, Answers: w.answers, OutcomeOnly: w.outcomeOnly}
	if w.fn != nil {
		ctx.Results = w.fn.Type().(*types.Signature).Results()
	}
	for i := len(w.stack) - 1; i >= 0; i-- {
		switch n := w.stack[i].(type) {
		case *ast.FuncLit:
			ctx.Op = w.ops[n]
			ctx.Literal = true
			ctx.Results = nil
			if sig, ok := w.c.Info.TypeOf(n).(*types.Signature); ok {
				ctx.Results = sig.Results()
			}
			// The literal's own final-failure path: its returns are what
			// its caller gets.
			ctx.FinalValues, ctx.FinalAnswers, ctx.Answers, ctx.OutcomeOnly = w.literalPaths(n)
			i = -1 // stop: loops outside the literal do not go round its body
		case *ast.ForStmt, *ast.RangeStmt:
			loop := Loop{Stmt: n.(ast.Stmt)}
			if i > 0 {
				if l, ok := w.stack[i-1].(*ast.LabeledStmt); ok {
					loop.Label = l.Label.Name
				}
			}
			ctx.Loops = append([]Loop{loop}, ctx.Loops...)
		}
	}
	root := rootOf(carrier)
	if call, ok := root.(*ast.CallExpr); ok && call != nil {
		ctx.CarrierCall = true
	} else if id, ok := root.(*ast.Ident); ok {
		ctx.Carrier, _ = w.c.Info.Uses[id].(*types.Var)
		if err := w.c.errorOf[ctx.Carrier]; err != nil {
			ctx.Carrier = err // handing err on hands the outcome on, as after errors.As
		}
	}
	return ctx
}

// literalPaths returns, for a function literal, what Branches computes for
// the declaration: the values and answers of its final-failure path, all
// its answers, and whether it tests the outcome alone. Computed once per
// literal.
func (w *walk) literalPaths(lit *ast.FuncLit) (map[*types.Var]bool, map[string]bool, map[string]int, bool) {
	if w.literals == nil {
		w.literals = make(map[*ast.FuncLit]*literalPath)
	}
	p := w.literals[lit]
	if p == nil {
		p = new(literalPath)
		p.values, p.answers = w.finalPathValues(lit.Body)
		p.all = w.countAnswers(lit.Body)
		p.outcomeOnly = w.testsOutcomeOnly(lit.Body)
		w.literals[lit] = p
	}
	return p.values, p.answers, p.all, p.outcomeOnly
}

type literalPath struct {
	values      map[*types.Var]bool
	answers     map[string]bool
	all         map[string]int
	outcomeOnly bool
}

// rootOf returns the variable or call a selector chain starts from.
func rootOf(e ast.Expr) ast.Expr {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.TypeAssertExpr:
			e = x.X
		default:
			return x
		}
	}
}

// testsOutcomeOnly reports whether every comparison of a carrier in body
// tests the outcome alone: a status table's value, or a code table's
// success value or a value whose class is "retry" (0 and -1, not 40013).
func (w *walk) testsOutcomeOnly(body *ast.BlockStmt) bool {
	only := true
	check := func(carrier, value ast.Expr) {
		c, ok := w.c.compared(carrier, value)
		if ok && c.table.Role != catalog.RoleStatus && !c.table.IsSuccess(c.code.Value) && c.code.Retry != catalog.RetryLater {
			only = false
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				check(n.X, n.Y)
				check(n.Y, n.X)
			}
		case *ast.SwitchStmt:
			if n.Tag != nil {
				for _, s := range n.Body.List {
					for _, e := range s.(*ast.CaseClause).List {
						check(n.Tag, e)
					}
				}
			}
		}
		return only
	})
	return only
}

// unknownComparisons returns where a function compares a carrier against
// a value whose documented action is to try again.
func (w *walk) unknownComparisons(body *ast.BlockStmt) []token.Pos {
	var out []token.Pos
	check := func(carrier, value ast.Expr, at token.Pos) {
		tv, ok := w.c.Info.Types[value]
		if !ok || tv.Value == nil {
			return
		}
		if t := w.c.Carriers.Table(carrier); t != nil {
			if code := t.Lookup(canonicalValue(tv.Value)); code != nil && code.Retry == catalog.RetryLater {
				out = append(out, at)
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if _, value, t, ok := w.c.Carriers.CodeTest(n); ok {
				if tv, ok := w.c.Info.Types[value]; ok && tv.Value != nil {
					if code := t.Lookup(canonicalValue(tv.Value)); code != nil && code.Retry == catalog.RetryLater {
						out = append(out, n.Pos())
					}
				}
			}
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				check(n.X, n.Y, n.Pos())
				check(n.Y, n.X, n.Pos())
			}
		case *ast.SwitchStmt:
			if n.Tag != nil {
				for _, s := range n.Body.List {
					for _, e := range s.(*ast.CaseClause).List {
						check(n.Tag, e, e.Pos())
					}
				}
			}
		}
		return true
	})
	return out
}
