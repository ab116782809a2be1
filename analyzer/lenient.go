package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/retry"
)

// A lenientHelper is an SDK method that reports success (or no failure)
// for a value that is an unknown outcome, on the answers of the calls that
// can give that value: smartwalle/alipay's Code.IsSuccess is true for 10003
// (order created, payment in process) as well as 10000, and only
// alipay.trade.pay answers 10003. A branch taken on it treats a payment
// that may still fail as paid.
type lenientHelper struct {
	method  string   // the method's types.Func.FullName
	success bool     // true: IsSuccess (the value counts as success); false: IsFailure (it does not count as failure)
	answers []string // the answer types it is reported on, "path.Name"
	family  string   // the family whose code the value is
	value   string   // the unknown outcome it lets through
}

const smartwalle = "github.com/smartwalle/alipay/v3"

var lenientHelpers = []lenientHelper{
	{"(" + smartwalle + ".Code).IsSuccess", true, []string{smartwalle + ".TradePayRsp"}, "alipay", "10003"},
	{"(" + smartwalle + ".Error).IsSuccess", true, []string{smartwalle + ".TradePayRsp"}, "alipay", "10003"},
	{"(" + smartwalle + ".Code).IsFailure", false, []string{smartwalle + ".TradePayRsp"}, "alipay", "10003"},
	{"(" + smartwalle + ".Error).IsFailure", false, []string{smartwalle + ".TradePayRsp"}, "alipay", "10003"},
}

// lenientSuccess reports, in fd, each if statement whose condition is a
// lenient helper called on an answer that can hold its unknown outcome, as
// a retry-unknown finding, when the path it takes as the success acts on
// it (returns, or calls something other than logging and testing
// helpers): a test that only logs the answer is not a payment marked paid.
// A function that also compares with the unknown value tells it apart
// itself, and is left alone.
func (r *pass) lenientSuccess(fd *ast.FuncDecl) {
	if fd.Body == nil || r.s.catalog == nil {
		return
	}
	type site struct {
		is      *ast.IfStmt
		helper  *lenientHelper
		success []ast.Stmt // the path the condition takes as the success
	}
	var sites []site
	var nilSites []nilErrorSite
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		block, ok := n.(*ast.BlockStmt)
		if !ok {
			return true
		}
		for i, stmt := range block.List {
			is, ok := stmt.(*ast.IfStmt)
			if !ok {
				continue
			}
			h, negated := r.lenientCall(is.Cond)
			if h == nil {
				r.nilErrorSite(is, block.List[:i], block.List[i+1:], &nilSites)
				continue
			}
			var success []ast.Stmt
			if h.success != negated {
				success = is.Body.List
			} else if els, ok := is.Else.(*ast.BlockStmt); ok {
				success = els.List
			} else if is.Else == nil {
				success = block.List[i+1:]
			}
			sites = append(sites, site{is, h, success})
		}
		return true
	})
	for _, st := range nilSites {
		fam := r.s.catalog.Family(st.call.family)
		if fam == nil || !r.records(st.success, st.answer) || r.mentions(fd.Body, st.call.value) {
			continue
		}
		code := fam.Codes.Lookup(st.call.value)
		if code == nil || !code.Retry.Retryable() {
			continue
		}
		r.report(retryUnknown, st.is.Cond, fmt.Sprintf("%s returns a nil error for %s (%s) too: what the test lets through handles an unknown outcome as a success; tell %s apart by the response's code and query the order",
			st.call.name, st.call.value, code.Summary(), st.call.value))
	}
	for _, st := range sites {
		h := st.helper
		fam := r.s.catalog.Family(h.family)
		if fam == nil || !r.acts(st.success) || r.mentions(fd.Body, h.value) {
			continue
		}
		code := fam.Codes.Lookup(h.value)
		if code == nil || !code.Retry.Retryable() {
			continue
		}
		call := ast.Unparen(st.is.Cond)
		if u, ok := call.(*ast.UnaryExpr); ok && u.Op == token.NOT {
			call = ast.Unparen(u.X)
		}
		name := call.(*ast.CallExpr).Fun.(*ast.SelectorExpr).Sel.Name
		var msg string
		if h.success {
			msg = fmt.Sprintf("%s is true for %s (%s) too: the branch it guards handles an unknown outcome as a success; tell %s apart and query the order", name, h.value, code.Summary(), h.value)
		} else {
			msg = fmt.Sprintf("%s is false for %s (%s): what it lets through handles an unknown outcome as a success; tell %s apart and query the order", name, h.value, code.Summary(), h.value)
		}
		r.report(retryUnknown, call, msg)
	}
}

// A nilErrorCall is an SDK call whose error is nil for an unknown outcome
// as for the success: gopay's (*alipay.Client).TradePay checks the
// gateway code against 10000 and 10003 alike (bizErrCheckTradePay, since
// gopay d85f535), so a nil error may be a payment still in process.
type nilErrorCall struct {
	method string // the method's types.Func.FullName
	name   string // as messages say it
	family string
	value  string // the unknown outcome its nil error lets through
}

var nilErrorCalls = []nilErrorCall{
	{"(*github.com/go-pay/gopay/alipay.Client).TradePay", "TradePay", "alipay", "10003"},
}

// nilErrorSite is an if statement testing the error of a nilErrorCall.
type nilErrorSite struct {
	is      *ast.IfStmt
	call    *nilErrorCall
	answer  *types.Var // the response the call answered, nil if discarded
	success []ast.Stmt // the path taken on a nil error
}

// nilErrorSite appends to sites the if statement is when it tests err !=
// nil or err == nil right after err was assigned from a nilErrorCall: in
// its init (if rsp, err := c.TradePay(...); err != nil), or in the
// statement before it (before, the statements of its block before it).
// after are the statements that follow it.
func (r *pass) nilErrorSite(is *ast.IfStmt, before, after []ast.Stmt, sites *[]nilErrorSite) {
	be, ok := ast.Unparen(is.Cond).(*ast.BinaryExpr)
	if !ok || be.Op != token.NEQ && be.Op != token.EQL {
		return
	}
	x, y := ast.Unparen(be.X), ast.Unparen(be.Y)
	if tv, ok := r.TypesInfo.Types[x]; ok && tv.IsNil() {
		x, y = y, x
	}
	id, ok := x.(*ast.Ident)
	if tv, isNil := r.TypesInfo.Types[y]; !ok || !isNil || !tv.IsNil() {
		return
	}
	errVar, ok := r.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return
	}
	assign := is.Init
	if assign == nil && len(before) > 0 {
		assign = before[len(before)-1]
	}
	as, ok := assign.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) != 2 {
		return
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return
	}
	fn, ok := typeutil.Callee(r.TypesInfo, call).(*types.Func)
	if !ok {
		return
	}
	var c *nilErrorCall
	for i := range nilErrorCalls {
		if fn.Origin().FullName() == nilErrorCalls[i].method {
			c = &nilErrorCalls[i]
		}
	}
	if c == nil || r.assigned(as.Lhs[1]) != errVar {
		return
	}
	site := nilErrorSite{is: is, call: c, answer: r.assigned(as.Lhs[0])}
	switch {
	case be.Op == token.EQL:
		site.success = is.Body.List
	case is.Else != nil:
		if els, ok := is.Else.(*ast.BlockStmt); ok {
			site.success = els.List
		}
	default:
		site.success = after
	}
	*sites = append(*sites, site)
}

// assigned returns the variable an assignment's left-hand side names, or
// nil (the blank identifier, a field).
func (r *pass) assigned(lhs ast.Expr) *types.Var {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return nil
	}
	if v, ok := r.TypesInfo.Defs[id].(*types.Var); ok {
		return v
	}
	v, _ := r.TypesInfo.Uses[id].(*types.Var)
	return v
}

// quietPackages are those whose calls do nothing with an answer but show
// it: logging, formatting, and test reporting.
var quietPackages = []string{"fmt", "log", "log/slog", "testing"}

// acts reports whether stmts return, or call a function or method outside
// quietPackages (and not a builtin).
func (r *pass) acts(stmts []ast.Stmt) bool {
	found := false
	for _, stmt := range stmts {
		ast.Inspect(stmt, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false // not run here
			case *ast.ReturnStmt:
				found = true
			case *ast.CallExpr:
				if tv, ok := r.TypesInfo.Types[n.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
					break
				}
				fn := typeutil.Callee(r.TypesInfo, n)
				if fn == nil || fn.Pkg() == nil || !slices.Contains(quietPackages, fn.Pkg().Path()) {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// lenientCall returns the helper cond calls, on an answer it is reported
// on, and whether the call is negated; nil when cond is no such call.
func (r *pass) lenientCall(cond ast.Expr) (h *lenientHelper, negated bool) {
	cond = ast.Unparen(cond)
	if u, ok := cond.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		cond, negated = ast.Unparen(u.X), true
	}
	call, ok := cond.(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil, false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	fn, ok := r.TypesInfo.Uses[sel.Sel].(*types.Func)
	if !ok {
		return nil, false
	}
	for i := range lenientHelpers {
		h := &lenientHelpers[i]
		if fn.Origin().FullName() == h.method && r.isAnswer(sel.X, h.answers) {
			return h, negated
		}
	}
	return nil, false
}

// isAnswer reports whether e is, or is a field (through embedding) of,
// a value of one of the answer types.
func (r *pass) isAnswer(e ast.Expr, answers []string) bool {
	for {
		t := r.TypesInfo.TypeOf(e)
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil &&
			slices.Contains(answers, n.Obj().Pkg().Path()+"."+n.Obj().Name()) {
			return true
		}
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		if s, ok := r.TypesInfo.Selections[sel]; !ok || s.Kind() != types.FieldVal {
			return false
		}
		e = sel.X
	}
}

// mentions reports whether body has a constant expression equal to the
// string value: a literal or a named constant.
func (r *pass) mentions(body *ast.BlockStmt, value string) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok || found {
			return !found
		}
		if tv, ok := r.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == value {
			found = true
		}
		return !found
	})
	return found
}

// successBranches returns, by the first statement of its body, each branch
// of fd that a success value selects: an if whose condition is, or is a
// disjunction holding, an equality of a carrier with a success value of its
// table; a case clause listing one. The value is that success code.
func (r *pass) successBranches(fd *ast.FuncDecl) map[ast.Stmt]*catalog.Code {
	out := make(map[ast.Stmt]*catalog.Code)
	success := func(carrier, value ast.Expr) *catalog.Code {
		t := r.resolver.Table(carrier)
		tv, ok := r.TypesInfo.Types[ast.Unparen(value)]
		if t == nil || !ok || tv.Value == nil {
			return nil
		}
		v := tv.Value
		var s string
		switch {
		case t.Kind == catalog.KindString && v.Kind() == constant.String:
			s = constant.StringVal(v)
		case t.Kind == catalog.KindInt && v.Kind() == constant.Int:
			s = v.ExactString()
		default:
			return nil
		}
		if !t.IsSuccess(s) {
			return nil
		}
		return t.Lookup(s)
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt:
			if len(n.Body.List) == 0 {
				break
			}
			for _, op := range disjuncts(n.Cond) {
				be, ok := op.(*ast.BinaryExpr)
				if !ok || be.Op != token.EQL {
					continue
				}
				code := success(be.X, be.Y)
				if code == nil {
					code = success(be.Y, be.X)
				}
				if code != nil {
					out[n.Body.List[0]] = code
					break
				}
			}
		case *ast.SwitchStmt:
			if n.Tag == nil {
				break
			}
			for _, s := range n.Body.List {
				cc := s.(*ast.CaseClause)
				if len(cc.Body) == 0 {
					continue
				}
				for _, e := range cc.List {
					if code := success(n.Tag, e); code != nil {
						out[cc.Body[0]] = code
						break
					}
				}
			}
		}
		return true
	})
	return out
}

// disjuncts returns the operands of a disjunction, or e alone.
func disjuncts(e ast.Expr) []ast.Expr {
	e = ast.Unparen(e)
	if be, ok := e.(*ast.BinaryExpr); ok && be.Op == token.LOR {
		return append(disjuncts(be.X), disjuncts(be.Y)...)
	}
	return []ast.Expr{e}
}

// groupedWithSuccess reports a branch that an unknown outcome and a success
// value select alike (rsp.Code == "10000" || rsp.Code == "10003", case S,
// U:) when it records something: it calls a function outside logging and
// formatting (markPaid(id)), and hands that call nothing read from the
// answer (a call given the answer may tell the outcomes apart), and the
// function compares with the unknown value nowhere else. The branch
// treats a call whose outcome is not known yet as a success, as
// smartwalle/alipay's IsSuccess does for 10003. A branch that only returns
// is judged by the retry model (a nil error after logging reports success).
func (r *pass) groupedWithSuccess(b retry.Branch, grouped map[ast.Stmt]*catalog.Code) {
	if len(b.Body) == 0 || b.Code == nil || !b.Code.Retry.Retryable() {
		return
	}
	succ := grouped[b.Body[0]]
	if succ == nil || b.Table.Lookup(succ.Value) != succ {
		return // no success value of the same table selects this body
	}
	if !r.records(b.Body, b.Ctx.Carrier) || r.comparesElsewhere(b) {
		return
	}
	at := b.At
	r.report(retryUnknown, at, fmt.Sprintf("%s %s (%s) handled together with success %s: the branch treats an unknown outcome as a success; tell %s apart and query the result",
		label(b.Table), b.Code.Value, b.Code.Summary(), succ.Value, b.Code.Value))
}

// records reports whether stmts call a function outside quietPackages (and
// not a builtin or a conversion) none of whose arguments reads carrier.
func (r *pass) records(stmts []ast.Stmt, carrier *types.Var) bool {
	calls, handed := false, false
	for _, stmt := range stmts {
		ast.Inspect(stmt, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				if tv, ok := r.TypesInfo.Types[n.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
					break
				}
				fn := typeutil.Callee(r.TypesInfo, n)
				if fn != nil && fn.Pkg() != nil && slices.Contains(quietPackages, fn.Pkg().Path()) {
					break
				}
				calls = true
				if carrier != nil {
					for _, arg := range n.Args {
						if r.reads(arg, carrier) && (!r.basic(arg) || r.resolver.Table(arg) != nil) {
							handed = true // the answer, or a part of it that may hold its code
						}
					}
					if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && r.reads(sel.X, carrier) {
						handed = true // a method of the answer itself
					}
				}
			}
			return true
		})
	}
	return calls && !handed
}

// basic reports whether e is of a basic type (a string, a number): with
// no carrier's table, a value such as the trade number, not the answer,
// its code, or their holder.
func (r *pass) basic(e ast.Expr) bool {
	_, ok := types.Unalias(r.TypesInfo.TypeOf(e)).(*types.Basic)
	return ok
}

// reads reports whether e mentions v.
func (r *pass) reads(e ast.Expr, v *types.Var) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && r.TypesInfo.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// comparesElsewhere reports whether the function of branch b has a
// constant equal to b's unknown value outside the test that selects b
// (b.At): it then tells that outcome apart somewhere.
func (r *pass) comparesElsewhere(b retry.Branch) bool {
	fd := r.enclosingFunc(b.At.Pos())
	if fd == nil {
		return true
	}
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if found || !ok {
			return !found
		}
		if e.Pos() >= b.At.Pos() && e.End() <= b.At.End() {
			return false
		}
		if tv, ok := r.TypesInfo.Types[e]; ok && tv.Value != nil && constValueString(tv.Value) == b.Code.Value {
			found = true
		}
		return !found
	})
	return found
}

func constValueString(v constant.Value) string {
	if v.Kind() == constant.String {
		return constant.StringVal(v)
	}
	return v.ExactString()
}

// enclosingFunc returns the function declaration of r.file holding pos.
func (r *pass) enclosingFunc(pos token.Pos) *ast.FuncDecl {
	for _, d := range r.file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && fd.Pos() <= pos && pos < fd.End() {
			return fd
		}
	}
	return nil
}
