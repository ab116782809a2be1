package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/retry"
)

// RetriesFact is the fact that a function retries what it does: it calls a
// retry driver or a function that retries, or loops with a pause
// (time.Sleep, time.After, a ticker). A call of it in a branch is a retry.
type RetriesFact struct{}

func (*RetriesFact) AFact() {}

func (*RetriesFact) String() string { return "retries" }

// retryFuncs finds the package's functions that retry, exports their facts
// and returns the package's static call graph for recursion.
func (r *pass) retryFuncs() {
	r.retrying = make(map[*types.Func]bool)
	r.calls = make(map[*types.Func][]*types.Func)
	for _, f := range r.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := r.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			pauses := false
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if callee := typeutil.StaticCallee(r.TypesInfo, call); callee != nil {
						callee = callee.Origin()
						r.calls[fn] = append(r.calls[fn], callee)
						if r.knownRetry(callee) {
							r.retrying[fn] = true
						}
						pauses = pauses || pause(callee)
					}
				}
				return true
			})
			if pauses && pausesInLoop(r.TypesInfo, fd.Body) {
				r.retrying[fn] = true // a loop that waits between calls polls
			}
		}
	}
	// Retrying spreads from callee to caller. A worklist over the reversed
	// call graph marks each function once: rescanning every function until
	// nothing changed was quadratic along chains of calls.
	callers := make(map[*types.Func][]*types.Func)
	for fn, callees := range r.calls {
		for _, c := range callees {
			callers[c] = append(callers[c], fn)
		}
	}
	var queue []*types.Func
	for fn, retries := range r.retrying {
		if retries {
			queue = append(queue, fn)
		}
	}
	for len(queue) > 0 {
		c := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for _, fn := range callers[c] {
			if !r.retrying[fn] {
				r.retrying[fn] = true
				queue = append(queue, fn)
			}
		}
	}
	if r.Pkg.Name() == "main" {
		return // facts are for importers
	}
	for fn, retries := range r.retrying {
		if retries && fn.Pkg() == r.Pkg {
			r.facts.exportRetries(r.Pass, fn)
		}
	}
}

// knownRetry reports whether fn retries by what is known beyond this
// package: a driver, the configuration, or a fact.
func (r *pass) knownRetry(fn *types.Func) bool {
	if retry.DriverOf(fn) != retry.OpNone || r.s.retry[retry.FuncName(fn)] {
		return true
	}
	return fn.Pkg() != r.Pkg && fn.Pkg() != nil && r.facts.retries(r.Pass, fn)
}

func (r *pass) isRetryFunc(fn *types.Func) bool { return r.retrying[fn] || r.knownRetry(fn) }

// reaches reports whether callee may call fn, through the package's calls.
func (r *pass) reaches(callee, fn *types.Func) bool {
	seen := make(map[*types.Func]bool)
	var walk func(f *types.Func) bool
	walk = func(f *types.Func) bool {
		if f == fn {
			return true
		}
		if seen[f] {
			return false
		}
		seen[f] = true
		for _, c := range r.calls[f] {
			if walk(c) {
				return true
			}
		}
		return false
	}
	return walk(callee)
}

func pause(fn *types.Func) bool {
	switch retry.FuncName(fn) {
	case "time.Sleep", "time.After", "time.Tick", "time.NewTicker", "time.NewTimer":
		return true
	}
	return false
}

func pausesInLoop(info *types.Info, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			ast.Inspect(n, func(m ast.Node) bool {
				if call, ok := m.(*ast.CallExpr); ok {
					if fn := typeutil.StaticCallee(info, call); fn != nil && pause(fn) {
						found = true
					}
				}
				return !found
			})
			return false
		}
		return true
	})
	return found
}

// retryChecks walks a function declaration for branches selected by a
// retry class: an unknown outcome that must be retried, or a final failure
// that must not be.
func (r *pass) retryChecks(fd *ast.FuncDecl) {
	if fd.Body == nil || !r.s.enabled[retryUnknown.ID] && !r.s.enabled[retryFinal.ID] {
		return
	}
	w := &retryWalk{pass: r, ops: r.driverOps(fd.Body)}
	w.fn, _ = r.TypesInfo.Defs[fd.Name].(*types.Func)
	w.unknownSeen = r.unknownComparisons(fd.Body)
	w.classifier = &retry.Classifier{Info: r.TypesInfo, IsRetryFunc: r.isRetryFunc, Reaches: r.reaches}
	ast.Inspect(fd.Body, w.visit)
}

type retryWalk struct {
	*pass
	fn          *types.Func
	ops         map[*ast.FuncLit]retry.OpKind
	unknownSeen []token.Pos // comparisons that select an unknown outcome
	classifier  *retry.Classifier
	stack       []ast.Node
}

func (w *retryWalk) visit(n ast.Node) bool {
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

// comparison is one `carrier == value` (or !=) of a condition.
type comparison struct {
	expr    ast.Expr
	carrier ast.Expr
	table   *catalog.Table
	code    *catalog.Code
	negated bool // !=
}

// comparisons returns the comparisons a condition is a disjunction of, or
// nil if it is anything else: a conjunction (status == U && attempts > 3)
// selects on more than the outcome.
func (w *retryWalk) comparisons(cond ast.Expr) []comparison {
	cond = ast.Unparen(cond)
	if b, ok := cond.(*ast.BinaryExpr); ok && b.Op == token.LOR {
		x, y := w.comparisons(b.X), w.comparisons(b.Y)
		if x == nil || y == nil || len(x) == 1 && x[0].negated || len(y) == 1 && y[0].negated {
			return nil
		}
		return append(x, y...)
	}
	b, ok := cond.(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL && b.Op != token.NEQ {
		return nil
	}
	for _, pair := range [2][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		if c, ok := w.compared(pair[0], pair[1]); ok {
			c.expr, c.negated = cond, b.Op == token.NEQ
			return []comparison{c}
		}
	}
	return nil
}

// compared returns the comparison of carrier against value, a constant.
func (w *retryWalk) compared(carrier, value ast.Expr) (comparison, bool) {
	tv, ok := w.TypesInfo.Types[value]
	if !ok || tv.Value == nil {
		return comparison{}, false
	}
	t := w.resolver.Table(carrier)
	if t == nil {
		return comparison{}, false
	}
	code := t.Lookup(canonicalValue(tv.Value))
	if code == nil {
		return comparison{}, false
	}
	return comparison{carrier: carrier, table: t, code: code}, true
}

func canonicalValue(v constant.Value) string {
	switch v.Kind() {
	case constant.String:
		return constant.StringVal(v)
	case constant.Int:
		if n, ok := constant.Int64Val(v); ok {
			return strconv.FormatInt(n, 10)
		}
	}
	return ""
}

func (w *retryWalk) ifStmt(n *ast.IfStmt) {
	cmps := w.comparisons(n.Cond)
	if len(cmps) == 0 {
		return
	}
	if len(cmps) == 1 && cmps[0].negated {
		c := cmps[0]
		if n.Else != nil {
			w.branch(c, c.expr, elseStmts(n.Else)) // if x != U {...} else { <U> }
		}
		if c.table.Role == catalog.RoleStatus && c.table.IsSuccess(c.code.Value) {
			w.nonSuccess(c, n.Cond, n.Body.List) // if status != S { <every other status> }
		}
		return
	}
	for _, c := range cmps {
		w.branch(c, c.expr, n.Body.List)
	}
	if len(cmps) == 1 && cmps[0].table.Role == catalog.RoleStatus && cmps[0].table.IsSuccess(cmps[0].code.Value) && n.Else != nil {
		w.nonSuccess(cmps[0], n.Cond, elseStmts(n.Else)) // if status == S {...} else { <every other status> }
	}
}

func elseStmts(s ast.Stmt) []ast.Stmt {
	if b, ok := s.(*ast.BlockStmt); ok {
		return b.List
	}
	return []ast.Stmt{s}
}

func (w *retryWalk) switchStmt(n *ast.SwitchStmt) {
	var deflt *ast.CaseClause
	handlesUnknown := false
	var table *catalog.Table
	for _, s := range n.Body.List {
		cc := s.(*ast.CaseClause)
		if cc.List == nil {
			deflt = cc
			continue
		}
		for _, e := range cc.List {
			var cmps []comparison
			if n.Tag != nil {
				if c, ok := w.compared(n.Tag, e); ok {
					cmps = []comparison{c}
				}
			} else {
				cmps = w.comparisons(e)
			}
			for _, c := range cmps {
				if c.negated {
					continue
				}
				table = c.table
				if c.code.Retry == catalog.RetryLater {
					handlesUnknown = true
				}
				w.branch(c, caseRange{cc}, cc.Body)
			}
		}
	}
	if deflt != nil && table != nil && table.Role == catalog.RoleStatus && !handlesUnknown && w.s.enabled[retryUnknown.ID] {
		ctx := w.context(n.Tag)
		if w.classifier.Classify(deflt.Body, ctx, retry.Unknown) == retry.GivesUp {
			w.report(retryUnknown, caseRange{deflt}, fmt.Sprintf("default case handles %s %s as a final failure: %s",
				label(table), unknownValues(table), documentedRetry(table)))
		}
	}
}

// caseRange reports from a clause's case (or default) keyword to its colon.
type caseRange struct{ cc *ast.CaseClause }

func (c caseRange) Pos() token.Pos { return c.cc.Case }
func (c caseRange) End() token.Pos { return c.cc.Colon + 1 }

// branch checks the statements selected by comparison c.
func (w *retryWalk) branch(c comparison, at ast.Node, body []ast.Stmt) {
	class, final := w.retryClass(c)
	switch class {
	case catalog.RetryLater:
		if w.classifier.Classify(body, w.context(c.carrier), retry.Unknown) == retry.GivesUp {
			w.report(retryUnknown, at, fmt.Sprintf("%s %s (%s) handled as a final failure: %s",
				label(c.table), c.code.Value, c.code.Summary(), documentedRetry(c.table)))
		}
	case catalog.RetryNever:
		ctx := w.context(c.carrier)
		ctx.Nested = w.nestedDecisions(body)
		if w.classifier.Classify(body, ctx, retry.Final) != retry.Retries {
			return
		}
		if final == nil {
			w.report(retryFinal, at, fmt.Sprintf("%s %s (%s) retried: the API documents not retrying",
				label(c.table), c.code.Value, c.code.Summary()))
			return
		}
		w.report(retryFinal, at, fmt.Sprintf("%s %s (%s) retried whatever the %s: the API documents not retrying %s",
			label(c.table), c.code.Value, c.code.Summary(), label(w.codeTable(c.table)), final.Value))
	}
}

// retryClass returns the retry class of the value c compares with. A status
// that states none takes it from the codes documented with that status: all
// of them agreeing, their class; some final among others (F: PROCESS_FAIL
// and EXPIRED_ACCESS_TOKEN), "never", with the first final code, for a
// branch that retries every one of them alike retries that one too. Codes
// whose status differs between APIs have none, and count for no status.
func (w *retryWalk) retryClass(c comparison) (catalog.Retry, *catalog.Code) {
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
func (w *retryWalk) nestedDecisions(body []ast.Stmt) map[ast.Node]bool {
	nested := make(map[ast.Node]bool)
	var list func([]ast.Stmt)
	list = func(stmts []ast.Stmt) {
		for i, st := range stmts {
			switch n := st.(type) {
			case *ast.IfStmt:
				cmps := w.comparisons(n.Cond)
				switch {
				case len(cmps) == 0:
				case len(cmps) == 1 && cmps[0].negated:
					if n.Else != nil {
						nested[n.Else] = true
					} else if w.terminates(n.Body.List) {
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
						if n.Tag != nil {
							if _, ok := w.compared(n.Tag, e); ok {
								nested[cc] = true
							}
						} else if len(w.comparisons(e)) > 0 {
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

// terminates reports whether a statement list ends by leaving it: a
// return, a branch statement or a panic.
func (w *retryWalk) terminates(stmts []ast.Stmt) bool {
	if len(stmts) == 0 {
		return false
	}
	switch last := stmts[len(stmts)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := last.X.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				b, ok := w.TypesInfo.Uses[id].(*types.Builtin)
				return ok && b.Name() == "panic"
			}
		}
	}
	return false
}

// codeTable returns the code table of the family a status table belongs to.
func (w *retryWalk) codeTable(status *catalog.Table) *catalog.Table {
	return w.s.index.Table(w.s.index.Family(status), catalog.RoleCode)
}

// nonSuccess checks a branch taken for every status but success, unless an
// unknown outcome was handled before it in the function.
func (w *retryWalk) nonSuccess(c comparison, cond ast.Expr, body []ast.Stmt) {
	for _, pos := range w.unknownSeen {
		if pos < cond.Pos() {
			return
		}
	}
	if unknownValues(c.table) == "" {
		return
	}
	if w.classifier.Classify(body, w.context(c.carrier), retry.Unknown) == retry.GivesUp {
		w.report(retryUnknown, cond, fmt.Sprintf("non-success %s handled as a final failure before %s is handled: %s",
			label(c.table), unknownValues(c.table), documentedRetry(c.table)))
	}
}

// unknownValues names a table's values whose documented action is to try
// again: "U (unknown outcome)".
func unknownValues(t *catalog.Table) string {
	for _, code := range t.Codes {
		if code.Retry == catalog.RetryLater && code.Documented {
			return fmt.Sprintf("%s (%s)", code.Value, code.Summary())
		}
	}
	return ""
}

func documentedRetry(t *catalog.Table) string {
	if t.Role == catalog.RoleStatus {
		return "the API documents retrying or querying the result"
	}
	return "the API documents trying again later"
}

// context describes where the walk stands for a branch that compares
// carrier: enclosing loops and driver operation up to the nearest function.
func (w *retryWalk) context(carrier ast.Expr) retry.Context {
	ctx := retry.Context{Func: w.fn}
	for i := len(w.stack) - 1; i >= 0; i-- {
		switch n := w.stack[i].(type) {
		case *ast.FuncLit:
			ctx.Op = w.ops[n]
			i = -1 // stop: loops outside the literal do not go round its body
		case *ast.ForStmt, *ast.RangeStmt:
			loop := retry.Loop{Stmt: n.(ast.Stmt)}
			if i > 0 {
				if l, ok := w.stack[i-1].(*ast.LabeledStmt); ok {
					loop.Label = l.Label.Name
				}
			}
			ctx.Loops = append([]retry.Loop{loop}, ctx.Loops...)
		}
	}
	root := rootOf(carrier)
	if call, ok := root.(*ast.CallExpr); ok && call != nil {
		ctx.CarrierCall = true
	} else if id, ok := root.(*ast.Ident); ok {
		ctx.Carrier, _ = w.TypesInfo.Uses[id].(*types.Var)
	}
	return ctx
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

// unknownComparisons returns where a function compares a carrier against
// a value whose documented action is to try again.
func (r *pass) unknownComparisons(body *ast.BlockStmt) []token.Pos {
	var out []token.Pos
	check := func(carrier, value ast.Expr, at token.Pos) {
		tv, ok := r.TypesInfo.Types[value]
		if !ok || tv.Value == nil {
			return
		}
		if t := r.resolver.Table(carrier); t != nil {
			if code := t.Lookup(canonicalValue(tv.Value)); code != nil && code.Retry == catalog.RetryLater {
				out = append(out, at)
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
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

// driverOps finds the function literals in body that retry drivers run as
// operations (passed directly, or through a local variable) and those that
// serve as retry policies.
func (r *pass) driverOps(body *ast.BlockStmt) map[*ast.FuncLit]retry.OpKind {
	ops := make(map[*ast.FuncLit]retry.OpKind)
	litOf := make(map[*types.Var]*ast.FuncLit) // op := func() error {...}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, rhs := range n.Rhs {
				lit, ok := ast.Unparen(rhs).(*ast.FuncLit)
				if !ok || len(n.Lhs) != len(n.Rhs) {
					continue
				}
				if isPolicy(r.TypesInfo.TypeOf(n.Lhs[i])) {
					ops[lit] = retry.OpPolicy
				}
				if id, ok := n.Lhs[i].(*ast.Ident); ok {
					if v, ok := r.TypesInfo.ObjectOf(id).(*types.Var); ok {
						litOf[v] = lit
					}
				}
			}
		case *ast.KeyValueExpr:
			if lit, ok := ast.Unparen(n.Value).(*ast.FuncLit); ok {
				if id, ok := n.Key.(*ast.Ident); ok {
					if f, ok := r.TypesInfo.Uses[id].(*types.Var); ok && isPolicy(f.Type()) {
						ops[lit] = retry.OpPolicy
					}
				}
			}
		}
		return true
	})
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if tv, ok := r.TypesInfo.Types[call.Fun]; ok && tv.IsType() && isPolicy(tv.Type) && len(call.Args) == 1 {
			if lit, ok := ast.Unparen(call.Args[0]).(*ast.FuncLit); ok {
				ops[lit] = retry.OpPolicy // retryablehttp.CheckRetry(func(...) {...})
			}
			return true
		}
		fn := typeutil.StaticCallee(r.TypesInfo, call)
		if fn == nil {
			return true
		}
		kind := retry.DriverOf(fn.Origin())
		if kind == retry.OpNone {
			return true
		}
		for _, arg := range call.Args {
			switch a := ast.Unparen(arg).(type) {
			case *ast.FuncLit:
				ops[a] = kind
			case *ast.Ident:
				if v, ok := r.TypesInfo.Uses[a].(*types.Var); ok && litOf[v] != nil {
					ops[litOf[v]] = kind
				}
			}
		}
		return true
	})
	return ops
}

func isPolicy(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && retry.IsPolicyType(n.Obj().Pkg().Path()+"."+n.Obj().Name())
}
