package retry

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodevet/errcodevet/catalog"
)

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
func (c *Classifier) comparisons(cond ast.Expr) []comparison {
	cond = ast.Unparen(cond)
	if b, ok := cond.(*ast.BinaryExpr); ok && b.Op == token.LOR {
		x, y := c.comparisons(b.X), c.comparisons(b.Y)
		if x == nil || y == nil || len(x) == 1 && x[0].negated || len(y) == 1 && y[0].negated {
			return nil
		}
		return append(x, y...)
	}
	if cmp, ok := c.codeTest(cond); ok {
		return []comparison{cmp}
	}
	if cmp, ok := c.guarded(cond); ok {
		return []comparison{cmp}
	}
	b, ok := cond.(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL && b.Op != token.NEQ {
		return nil
	}
	for _, pair := range [2][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		if cmp, ok := c.compared(pair[0], pair[1]); ok {
			cmp.expr, cmp.negated = cond, b.Op == token.NEQ
			return []comparison{cmp}
		}
	}
	return nil
}

// guarded returns the comparison of a conjunction whose other operands only
// test that the carrier's own chain is not nil (ce != nil && ce.Code == -1,
// resp != nil && resp.Result != nil && resp.Result.ResultStatus == "U"):
// where the chain is nil there is no value to compare, so the conjunction
// selects what the comparison selects. A negated comparison is not taken:
// the else of ce != nil && ce.Code != -1 holds when ce is nil too.
func (c *Classifier) guarded(cond ast.Expr) (comparison, bool) {
	b, ok := cond.(*ast.BinaryExpr)
	if !ok || b.Op != token.LAND {
		return comparison{}, false
	}
	operands := conjuncts(b)
	var found *comparison
	var guards []ast.Expr
	var oks []*types.Var
	for _, op := range operands {
		if g := c.nilGuard(op); g != nil {
			guards = append(guards, g)
			continue
		}
		if id, ok := op.(*ast.Ident); ok {
			if v, ok := c.Info.Uses[id].(*types.Var); ok && c.commaOK[v] != nil {
				oks = append(oks, v)
				continue
			}
		}
		cmps := c.comparisons(op)
		if found != nil || len(cmps) != 1 || cmps[0].negated {
			return comparison{}, false
		}
		found = &cmps[0]
	}
	if found == nil {
		return comparison{}, false
	}
	for _, g := range guards {
		if !c.onChain(g, found.carrier) {
			return comparison{}, false
		}
	}
	for _, ok := range oks {
		root, isIdent := rootOf(found.carrier).(*ast.Ident)
		if !isIdent || c.Info.Uses[root] != c.commaOK[ok] {
			return comparison{}, false // the ok of another assertion
		}
	}
	return *found, true
}

// errorAsFuncs are the SDK functions that are an errors.As of their own:
// v, ok := f(err) gives ok true exactly when err is the SDK's error type,
// and v that error (gopay's alipay.IsBizError is err.(*BizErr)).
var errorAsFuncs = map[string]bool{
	"github.com/go-pay/gopay/alipay.IsBizError": true,
}

// conjuncts returns the operands of a chain of && (a && (b && c): a, b,
// c), each without its parentheses; e alone if it is none.
func conjuncts(e ast.Expr) []ast.Expr {
	e = ast.Unparen(e)
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.LAND {
		return append(conjuncts(b.X), conjuncts(b.Y)...)
	}
	return []ast.Expr{e}
}

// commaOKPairs maps the ok of each v, ok := x.(T), v, ok := m[k] and v, ok
// := f(err) of an errorAsFuncs f in body to its v, when neither is assigned
// anywhere else in body nor has its address taken: ok then says only that
// v holds the value. errorOf maps the v of each f(err) to err.
func commaOKPairs(info *types.Info, body *ast.BlockStmt) (pairs, errorOf map[*types.Var]*types.Var) {
	pairs = make(map[*types.Var]*types.Var)
	errorOf = make(map[*types.Var]*types.Var)
	writes := make(map[*types.Var]int)
	varOf := func(e ast.Expr) *types.Var {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		if v, ok := info.Defs[id].(*types.Var); ok {
			return v
		}
		v, _ := info.Uses[id].(*types.Var)
		return v
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if v := varOf(lhs); v != nil {
					writes[v]++
				}
			}
			if len(n.Lhs) != 2 || len(n.Rhs) != 1 {
				break
			}
			commaOK := false
			var errVar *types.Var
			switch rhs := ast.Unparen(n.Rhs[0]).(type) {
			case *ast.TypeAssertExpr:
				commaOK = rhs.Type != nil
			case *ast.IndexExpr:
				if t := info.TypeOf(rhs.X); t != nil {
					_, commaOK = t.Underlying().(*types.Map)
				}
			case *ast.CallExpr:
				if fn := typeutil.StaticCallee(info, rhs); fn != nil && errorAsFuncs[FuncName(fn)] && len(rhs.Args) == 1 {
					errVar = varOf(rhs.Args[0])
					commaOK = errVar != nil
				}
			}
			v, ok := varOf(n.Lhs[0]), varOf(n.Lhs[1])
			if commaOK && v != nil && ok != nil {
				pairs[ok] = v
				if errVar != nil {
					errorOf[v] = errVar
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if v := varOf(n.X); v != nil {
					writes[v] += 2 // may be written through the pointer
				}
			}
		}
		return true
	})
	for ok, v := range pairs {
		if writes[ok] != 1 || writes[v] != 1 {
			delete(pairs, ok)
			delete(errorOf, v)
		}
	}
	return pairs, errorOf
}

// nilGuard returns x of a test x != nil (or nil != x), or nil.
func (c *Classifier) nilGuard(e ast.Expr) ast.Expr {
	b, ok := e.(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return nil
	}
	switch {
	case isNil(c.Info, b.Y):
		return ast.Unparen(b.X)
	case isNil(c.Info, b.X):
		return ast.Unparen(b.Y)
	}
	return nil
}

// onChain reports whether x is carrier or one of the expressions its
// selector chain reads through (ce for ce.Code; resp and resp.Result for
// resp.Result.ResultStatus), by the objects they denote.
func (c *Classifier) onChain(x, carrier ast.Expr) bool {
	for e := ast.Unparen(carrier); e != nil; {
		if c.sameRef(x, e) {
			return true
		}
		switch v := e.(type) {
		case *ast.SelectorExpr:
			e = ast.Unparen(v.X)
		case *ast.StarExpr:
			e = ast.Unparen(v.X)
		default:
			e = nil
		}
	}
	return false
}

// sameRef reports whether a and b are the same variable or the same field
// path from the same variable.
func (c *Classifier) sameRef(a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	switch a := a.(type) {
	case *ast.Ident:
		b, ok := b.(*ast.Ident)
		if !ok {
			return false
		}
		v, isVar := c.Info.Uses[a].(*types.Var)
		return isVar && c.Info.Uses[b] == v
	case *ast.SelectorExpr:
		b, ok := b.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		sa, sb := c.Info.Selections[a], c.Info.Selections[b]
		return sa != nil && sb != nil && sa.Kind() == types.FieldVal && sa.Obj() == sb.Obj() && c.sameRef(a.X, b.X)
	case *ast.StarExpr:
		b, ok := b.(*ast.StarExpr)
		return ok && c.sameRef(a.X, b.X)
	}
	return false
}

// caseComparisons returns the comparisons of a case expression of switch n.
func (c *Classifier) caseComparisons(n *ast.SwitchStmt, e ast.Expr) []comparison {
	if n.Tag == nil {
		return c.comparisons(e)
	}
	if cmp, ok := c.compared(n.Tag, e); ok {
		return []comparison{cmp}
	}
	return nil
}

// codeTest returns the comparison an SDK function makes, as a condition
// or negated (core.IsAPIError(err, X), !core.IsAPIError(err, X)): its
// carrier is what the function tests, which the branch may hand on.
func (c *Classifier) codeTest(cond ast.Expr) (comparison, bool) {
	negated := false
	if u, ok := cond.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		cond, negated = ast.Unparen(u.X), true
	}
	call, ok := cond.(*ast.CallExpr)
	if !ok {
		return comparison{}, false
	}
	subject, value, t, ok := c.Carriers.CodeTest(call)
	if !ok {
		return comparison{}, false
	}
	cmp, ok := c.comparedIn(t, subject, value)
	cmp.expr, cmp.negated = cond, negated
	return cmp, ok
}

// compared returns the comparison of carrier against value, a constant.
func (c *Classifier) compared(carrier, value ast.Expr) (comparison, bool) {
	t := c.Carriers.Table(carrier)
	if t == nil {
		return comparison{}, false
	}
	return c.comparedIn(t, carrier, value)
}

// comparedIn returns the comparison of carrier, of table t, against
// value, a constant.
func (c *Classifier) comparedIn(t *catalog.Table, carrier, value ast.Expr) (comparison, bool) {
	tv, ok := c.Info.Types[value]
	if !ok || tv.Value == nil {
		return comparison{}, false
	}
	code := t.Lookup(canonicalValue(tv.Value))
	if code == nil {
		return comparison{}, false
	}
	return comparison{carrier: carrier, table: t, code: code}, true
}

// canonicalValue returns the catalog's text of a constant: a decimal for
// an integer, also for a float with an integer value (an errcode read from
// a loosely decoded JSON map is a float64), the string itself for a string.
func canonicalValue(v constant.Value) string {
	switch v.Kind() {
	case constant.String:
		return constant.StringVal(v)
	case constant.Float:
		v = constant.ToInt(v)
	}
	if v.Kind() == constant.Int {
		if n, ok := constant.Int64Val(v); ok {
			return strconv.FormatInt(n, 10)
		}
	}
	return ""
}

// knownOutcome reports whether a condition holds only on a known outcome,
// so that what it selects is never run on an unknown one: each comparison
// it is a disjunction of (or one operand of a conjunction) selects a value
// that is not an unknown outcome by the catalog (see known).
func (c *Classifier) knownOutcome(cond ast.Expr) bool {
	cond = ast.Unparen(cond)
	if b, ok := cond.(*ast.BinaryExpr); ok && b.Op == token.LAND {
		return c.knownOutcome(b.X) || c.knownOutcome(b.Y)
	}
	return c.allKnown(c.comparisons(cond))
}

// knownClause reports whether a case clause of switch n is taken only on
// known outcomes. A default clause is not.
func (c *Classifier) knownClause(n *ast.SwitchStmt, cc *ast.CaseClause) bool {
	if len(cc.List) == 0 {
		return false
	}
	for _, e := range cc.List {
		if !c.allKnown(c.caseComparisons(n, e)) {
			return false
		}
	}
	return true
}

func (c *Classifier) allKnown(cmps []comparison) bool {
	if len(cmps) == 0 {
		return false
	}
	for _, cmp := range cmps {
		if cmp.negated || !c.known(cmp.table, cmp.code) {
			return false
		}
	}
	return true
}

// known reports whether a value is documented as a known outcome, never an
// unknown one: a success value; a value whose retry class asks for a
// changed request, a renewed token or less traffic; a status other than
// the unknown outcome; or a code whose documented status (or each API's
// status for it) is such a status (ACCESS_DENIED: F). A code whose class
// is "retry", or whose status is not known, is not.
func (c *Classifier) known(t *catalog.Table, code *catalog.Code) bool {
	switch code.Retry {
	case catalog.RetryLater:
		return false
	case catalog.RetryNever, catalog.RetryRenewToken, catalog.RetryReduceTraffic:
		return true
	}
	if t.IsSuccess(code.Value) || t.Role == catalog.RoleStatus {
		return true
	}
	if c.Index == nil {
		return false
	}
	status := c.Index.Table(c.Index.Family(t), catalog.RoleStatus)
	if status == nil {
		return false
	}
	knownStatus := func(value string) bool {
		s := status.Lookup(value)
		return s != nil && s.Retry != catalog.RetryLater
	}
	if code.Status != "" {
		return knownStatus(code.Status)
	}
	if len(code.APIStatuses) == 0 {
		return false
	}
	for _, st := range code.APIStatuses {
		if !knownStatus(st) {
			return false
		}
	}
	return true
}
