package retry

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// A RenewedNumber is a refund that a retry creates again under a refund
// number made anew on each attempt. WeChat Pay takes a new out_refund_no
// for a new refund, classic Alipay a new out_request_no for a new partial
// refund of the trade ("标识一次退款请求，同一笔交易多次退款需要保证唯一",
// alipay.trade.refund's parameter, as smartwalle/alipay v3.2.25's
// TradeRefund.OutRequestNo quotes it): when the first attempt's outcome
// was unknown (a timeout, a 5xx), the second attempt refunds again.
type RenewedNumber struct {
	Call   *ast.CallExpr // the call that creates the refund
	Param  string        // the request parameter the number is: out_refund_no, out_request_no
	Varies ast.Node      // where the number takes a value of its own attempt
	How    string        // what Varies does: "calls time.Now", "uses the loop's counter i"
}

// refundCreations are the SDK calls that create a refund, by FuncName, and
// where their request holds the refund number.
var refundCreations = map[string]refundNumber{
	"github.com/wechatpay-apiv3/wechatpay-go/services/refunddomestic.RefundsApiService.Create": {arg: 1, field: "OutRefundNo", param: "out_refund_no"},
	"github.com/go-pay/gopay/wechat/v3.ClientV3.V3Refund":                                      {arg: 1, key: "out_refund_no", param: "out_refund_no"},
	"github.com/go-pay/gopay/wechat.Client.Refund":                                             {arg: 1, key: "out_refund_no", param: "out_refund_no"},
	"github.com/go-pay/gopay/alipay.Client.TradeRefund":                                        {arg: 1, key: "out_request_no", param: "out_request_no"},
	"github.com/smartwalle/alipay/v3.Client.TradeRefund":                                       {arg: 1, field: "OutRequestNo", param: "out_request_no"},
}

// refundNumber says where a request holds the refund number: a field of a
// request struct (wechatpay-go, smartwalle/alipay), or a key of gopay's
// BodyMap; and the API's name for it.
type refundNumber struct {
	arg               int
	field, key, param string
}

const bodyMapSet = "github.com/go-pay/gopay.BodyMap.Set"

// freshValues are the functions each call of which answers anew: the
// clock, random numbers and generated identifiers, by FuncName. A whole
// package is named by its path alone.
var freshValues = map[string]bool{
	"time.Now":     true,
	"math/rand":    true,
	"math/rand/v2": true,
	"crypto/rand":  true,

	"github.com/google/uuid.New":                  true,
	"github.com/google/uuid.NewString":            true,
	"github.com/google/uuid.NewRandom":            true,
	"github.com/google/uuid.NewRandomFromReader":  true,
	"github.com/google/uuid.NewUUID":              true,
	"github.com/google/uuid.NewV6":                true,
	"github.com/google/uuid.NewV7":                true,
	"github.com/gofrs/uuid.NewV1":                 true,
	"github.com/gofrs/uuid.NewV4":                 true,
	"github.com/gofrs/uuid.NewV6":                 true,
	"github.com/gofrs/uuid.NewV7":                 true,
	"github.com/gofrs/uuid/v5.NewV1":              true,
	"github.com/gofrs/uuid/v5.NewV4":              true,
	"github.com/gofrs/uuid/v5.NewV6":              true,
	"github.com/gofrs/uuid/v5.NewV7":              true,
	"github.com/satori/go.uuid.NewV1":             true,
	"github.com/satori/go.uuid.NewV4":             true,
	"github.com/rs/xid.New":                       true,
	"github.com/rs/xid.NewWithTime":               true,
	"github.com/segmentio/ksuid.New":              true,
	"github.com/segmentio/ksuid.NewRandom":        true,
	"github.com/oklog/ulid.Make":                  true,
	"github.com/oklog/ulid.New":                   true,
	"github.com/oklog/ulid.MustNew":               true,
	"github.com/oklog/ulid/v2.Make":               true,
	"github.com/oklog/ulid/v2.New":                true,
	"github.com/oklog/ulid/v2.MustNew":            true,
	"github.com/bwmarrin/snowflake.Node.Generate": true,
	"github.com/sony/sonyflake.Sonyflake.NextID":  true,

	// The SDKs' own helpers: gopay's README fills out_refund_no with
	// util.RandomString; wechatpay-go makes nonces.
	"github.com/go-pay/util.RandomString":                         true,
	"github.com/go-pay/util.RandomPureString":                     true,
	"github.com/go-pay/util.RandomNumber":                         true,
	"github.com/wechatpay-apiv3/wechatpay-go/utils.GenerateNonce": true,
}

// notFresh are the functions of a fresh package that answer the same for
// the same arguments: a generator built from a fixed seed repeats itself.
var notFresh = map[string]bool{
	"math/rand.New": true, "math/rand.NewSource": true, "math/rand.NewZipf": true, "math/rand.Seed": true,
	"math/rand/v2.New": true, "math/rand/v2.NewPCG": true, "math/rand/v2.NewChaCha8": true, "math/rand/v2.NewZipf": true,
}

func fresh(fn *types.Func) bool {
	name := FuncName(fn)
	if notFresh[name] {
		return false
	}
	return freshValues[name] || fn.Pkg() != nil && freshValues[fn.Pkg().Path()]
}

// RenewedRefundNumbers finds the refunds that fd creates again on each
// attempt of a retry under a number made anew for that attempt: inside a
// loop that goes round again after the call failed and leaves it once it
// succeeded, or inside the operation of a retry library. The number
// counts as made anew when the request's out_refund_no is, or is computed
// from, a value the attempt itself produces: a call of the clock, of a
// random source or of an identifier generator (by the called function,
// never its name), directly or through a function of the package that
// returns one; the loop's counter; or a variable the attempt assigns so,
// in a statement every attempt runs. A number computed before the loop,
// or one the loop keeps, is left alone. decl returns the declaration of a
// function of the package, or nil, for the functions the number comes from.
func (c *Classifier) RenewedRefundNumbers(fd *ast.FuncDecl, decl func(*types.Func) *ast.FuncDecl) []RenewedNumber {
	if fd.Body == nil {
		return nil
	}
	f := &renewal{c: c, decl: decl, seen: make(map[*ast.CallExpr]bool)}
	labels := make(map[ast.Stmt]string)
	ops := Ops(c.Info, fd.Body) // passed directly, or through a variable: op := func() error {...}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.LabeledStmt:
			labels[n.Stmt] = n.Label.Name
		case *ast.ForStmt, *ast.RangeStmt:
			loop := n.(ast.Stmt)
			if c.retryLoop(loop) {
				f.scope(loopBody(loop).List, loop, labels[loop])
			}
		case *ast.FuncLit:
			switch ops[n] {
			case OpErrorRetries, OpErrorStops, OpCondition:
				f.scope(n.Body.List, nil, "")
			}
		}
		return true
	})
	return f.found
}

// renewal looks for renewed refund numbers in one function.
type renewal struct {
	c     *Classifier
	decl  func(*types.Func) *ast.FuncDecl
	seen  map[*ast.CallExpr]bool
	found []RenewedNumber
}

// scope looks at the refund creations among the statements an attempt
// runs: a retry loop's body (loop set) or a retry operation's.
func (f *renewal) scope(stmts []ast.Stmt, loop ast.Stmt, label string) {
	for i, st := range stmts {
		for _, call := range f.creations(st) {
			if f.seen[call] {
				continue
			}
			fn := typeutil.StaticCallee(f.c.Info, call)
			spec := refundCreations[FuncName(fn.Origin())]
			if loop != nil && !f.leavesOnSuccess(stmts[i:], call, loop, label) {
				continue
			}
			// Every attempt runs the statements before the call; a loop's
			// also those after it, before the next attempt.
			attempt := stmts[:i]
			if loop != nil {
				attempt = append(append([]ast.Stmt(nil), stmts[:i]...), stmts[i+1:]...)
			}
			v := f.newValues(attempt, loop)
			for _, number := range f.numbers(call, spec, stmts[:i]) {
				if at, how := v.varies(number, 0); at != nil {
					f.seen[call] = true
					f.found = append(f.found, RenewedNumber{Call: call, Param: spec.param, Varies: at, How: how})
					break
				}
			}
		}
	}
}

// creations returns the refund creations in a statement, outside nested
// loops and function literals (their own attempts are judged there).
func (f *renewal) creations(st ast.Stmt) []*ast.CallExpr {
	var out []*ast.CallExpr
	ast.Inspect(st, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
			return false
		case *ast.CallExpr:
			if fn := typeutil.StaticCallee(f.c.Info, n); fn != nil {
				if spec, ok := refundCreations[FuncName(fn.Origin())]; ok && len(n.Args) > spec.arg {
					out = append(out, n)
				}
			}
		}
		return true
	})
	return out
}

// leavesOnSuccess reports whether the loop, after the call, leaves once
// the call succeeded and goes round again otherwise: an if on the call's
// error (err == nil, or err != nil with an else) whose success branch
// returns or breaks out of the loop, or err != nil ending in continue with
// a return or break after it. A loop that goes on to its next item after
// a success is not retrying the call.
func (f *renewal) leavesOnSuccess(stmts []ast.Stmt, call *ast.CallExpr, loop ast.Stmt, label string) bool {
	errVar := f.errorResult(stmts[0], call)
	if errVar == nil {
		return false
	}
	answers := f.answerResults(stmts[0], call)
	failureContinues := false
	for _, st := range stmts {
		switch st := st.(type) {
		case *ast.IfStmt:
			switch f.errTest(st.Cond, errVar) {
			case 1:
				if leaves(st.Body.List, label) {
					return true
				}
			case 0:
				// After if err != nil { continue }, a test of the answer
				// that leaves (if rsp.Code == Success { return nil }):
				// the loop leaves on that answer and goes round on the
				// others.
				if failureContinues && f.mentions(st.Cond, answers) && leaves(st.Body.List, label) {
					return true
				}
			case -1:
				if els, ok := st.Else.(*ast.BlockStmt); ok && leaves(els.List, label) {
					return true
				}
				if n := len(st.Body.List); n > 0 {
					if b, ok := st.Body.List[n-1].(*ast.BranchStmt); ok && b.Tok == token.CONTINUE &&
						(b.Label == nil || b.Label.Name == label) {
						failureContinues = true
					}
				}
			}
		case *ast.ReturnStmt, *ast.BranchStmt:
			if failureContinues && leaves([]ast.Stmt{st}, label) {
				return true
			}
		}
	}
	return false
}

// answerResults returns the variables the statement assigns the call's
// other results to (rsp in rsp, err := call(...)).
func (f *renewal) answerResults(st ast.Stmt, call *ast.CallExpr) map[*types.Var]bool {
	if s, ok := st.(*ast.IfStmt); ok && s.Init != nil {
		st = s.Init
	}
	vars := make(map[*types.Var]bool)
	as, ok := st.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != call {
		return vars
	}
	for _, lhs := range as.Lhs[:len(as.Lhs)-1] {
		if id, ok := lhs.(*ast.Ident); ok {
			if v, ok := f.c.Info.ObjectOf(id).(*types.Var); ok {
				vars[v] = true
			}
		}
	}
	return vars
}

// mentions reports whether e reads one of vars.
func (f *renewal) mentions(e ast.Expr, vars map[*types.Var]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := f.c.Info.Uses[id].(*types.Var); ok && vars[v] {
				found = true
			}
		}
		return !found
	})
	return found
}

// leaves reports whether statements end by leaving the loop labelled
// label: a return, or a break of it.
func leaves(stmts []ast.Stmt, label string) bool {
	if len(stmts) == 0 {
		return false
	}
	switch s := stmts[len(stmts)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.BREAK && (s.Label == nil || s.Label.Name == label)
	}
	return false
}

// errorResult returns the variable the statement assigns the call's error
// result to: x, err := call(...), in the statement or its if's init.
func (f *renewal) errorResult(st ast.Stmt, call *ast.CallExpr) *types.Var {
	if s, ok := st.(*ast.IfStmt); ok && s.Init != nil {
		st = s.Init
	}
	as, ok := st.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != call {
		return nil
	}
	id, ok := as.Lhs[len(as.Lhs)-1].(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := f.c.Info.ObjectOf(id).(*types.Var)
	if v == nil || !types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
		return nil
	}
	return v
}

// errTest says what a condition tests of err: 1 when it tests err == nil
// (alone, or with other tests of the answer: err == nil && rsp.Code == 0),
// -1 when it tests err != nil (err != nil && attempt < 3, err != nil ||
// rsp.Code != 0), 0 otherwise. A success test's body runs whenever the
// call succeeded, and a failure test's is skipped then, whatever else
// the condition asks of the answer or the attempt.
func (f *renewal) errTest(cond ast.Expr, err *types.Var) int {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return 0
	}
	switch b.Op {
	case token.LAND, token.LOR:
		switch x, y := f.errTest(b.X, err), f.errTest(b.Y, err); {
		case y == 0 || x == y:
			return x
		case x == 0:
			return y
		}
	case token.EQL, token.NEQ:
		x, y := b.X, b.Y
		if isNil(f.c.Info, x) {
			x, y = y, x
		}
		id, ok := ast.Unparen(x).(*ast.Ident)
		if ok && f.c.Info.Uses[id] == err && isNil(f.c.Info, y) {
			if b.Op == token.EQL {
				return 1
			}
			return -1
		}
	}
	return 0
}

// numbers returns the expressions that give the request its refund
// number: the request's own, or those the statements before the call
// assign to the request variable.
func (f *renewal) numbers(call *ast.CallExpr, spec refundNumber, before []ast.Stmt) []ast.Expr {
	return f.requestNumbers(call.Args[spec.arg], spec, before, 0)
}

// requestNumbers returns the expressions that give the request req its
// refund number, as numbers does; depth counts the request-building
// functions followed (builtNumbers).
func (f *renewal) requestNumbers(req ast.Expr, spec refundNumber, before []ast.Stmt, depth int) []ast.Expr {
	req = ast.Unparen(req)
	out := f.numbersIn(req, spec)
	if c, ok := req.(*ast.CallExpr); ok {
		out = append(out, f.builtNumbers(c, spec, depth)...)
	}
	id, ok := req.(*ast.Ident)
	if !ok {
		return out
	}
	v, _ := f.c.Info.Uses[id].(*types.Var)
	if v == nil {
		return out
	}
	for _, st := range before {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if len(n.Lhs) != len(n.Rhs) {
						break
					}
					switch l := ast.Unparen(lhs).(type) {
					case *ast.Ident:
						if f.c.Info.ObjectOf(l) == v {
							out = append(out, f.numbersIn(n.Rhs[i], spec)...)
							if c, ok := ast.Unparen(n.Rhs[i]).(*ast.CallExpr); ok {
								out = append(out, f.builtNumbers(c, spec, depth)...) // req := refundRequest(order, no)
							}
						}
					case *ast.SelectorExpr: // req.OutRefundNo = ...
						if spec.field != "" && l.Sel.Name == spec.field && f.isVar(l.X, v) {
							out = append(out, n.Rhs[i])
						}
					case *ast.IndexExpr: // bm["out_refund_no"] = ...
						if spec.key != "" && f.isVar(l.X, v) && f.isKey(l.Index, spec.key) {
							out = append(out, n.Rhs[i])
						}
					}
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if f.c.Info.Defs[name] == v && i < len(n.Values) {
						out = append(out, f.numbersIn(n.Values[i], spec)...)
						if c, ok := ast.Unparen(n.Values[i]).(*ast.CallExpr); ok {
							out = append(out, f.builtNumbers(c, spec, depth)...)
						}
					}
				}
			case *ast.CallExpr: // bm.Set("out_refund_no", ...) on the variable
				if e := f.setNumber(n, spec); e != nil && f.isVar(chainRoot(n), v) {
					out = append(out, e)
				}
			}
			return true
		})
	}
	return out
}

// builtNumbers returns the arguments of a call of a function of the
// package that builds the request (refundRequest(order, no)) which the
// function puts in the refund number: a parameter the number its returns
// give is made of (OutRefundNo: core.String(no), or bm.Set of it on the
// BodyMap it returns).
func (f *renewal) builtNumbers(call *ast.CallExpr, spec refundNumber, depth int) []ast.Expr {
	fn := typeutil.StaticCallee(f.c.Info, call)
	if fn == nil || f.decl == nil || depth >= maxDepth {
		return nil
	}
	decl := f.decl(fn.Origin())
	if decl == nil || decl.Body == nil {
		return nil
	}
	if fn.Type().(*types.Signature).Variadic() {
		return nil
	}
	var out []ast.Expr
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				// The request returned, as built in the function's body
				// (bm := make(gopay.BodyMap); bm.Set("out_refund_no", no); return bm).
				for _, number := range f.requestNumbers(r, spec, decl.Body.List, depth+1) {
					ast.Inspect(number, func(m ast.Node) bool {
						if id, ok := m.(*ast.Ident); ok {
							if v, ok := f.c.Info.Uses[id].(*types.Var); ok {
								if i, ok := paramIndex(decl, f.c.Info, v); ok && i < len(call.Args) {
									out = append(out, call.Args[i])
								}
							}
						}
						return true
					})
				}
			}
		}
		return true
	})
	return out
}

// paramIndex returns the position of v among the declaration's parameters.
func paramIndex(decl *ast.FuncDecl, info *types.Info, v *types.Var) (int, bool) {
	i := 0
	for _, field := range decl.Type.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if info.Defs[name] == v {
				return i, true
			}
			i++
		}
	}
	return 0, false
}

// numbersIn returns the refund numbers an expression building a request
// gives: the field of a composite literal, the key of a BodyMap literal, a
// Set of the key along a chain of Sets.
func (f *renewal) numbersIn(e ast.Expr, spec refundNumber) []ast.Expr {
	var out []ast.Expr
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok && spec.field != "" && id.Name == spec.field {
				out = append(out, kv.Value)
			} else if spec.key != "" && f.isKey(kv.Key, spec.key) {
				out = append(out, kv.Value)
			}
		}
	case *ast.CallExpr:
		for call := e; call != nil; {
			if n := f.setNumber(call, spec); n != nil {
				out = append(out, n)
			}
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				break
			}
			call, _ = ast.Unparen(sel.X).(*ast.CallExpr)
		}
	}
	return out
}

// setNumber returns the value of bm.Set(key, value) when key is the
// refund number's.
func (f *renewal) setNumber(call *ast.CallExpr, spec refundNumber) ast.Expr {
	if spec.key == "" || len(call.Args) != 2 {
		return nil
	}
	fn := typeutil.StaticCallee(f.c.Info, call)
	if fn == nil || FuncName(fn) != bodyMapSet || !f.isKey(call.Args[0], spec.key) {
		return nil
	}
	return call.Args[1]
}

// chainRoot returns the receiver a chain of method calls starts from:
// bm in bm.Set(...).Set(...).
func chainRoot(call *ast.CallExpr) ast.Expr {
	for {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		next, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			return sel.X
		}
		call = next
	}
}

func (f *renewal) isVar(e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && f.c.Info.ObjectOf(id) == v
}

func (f *renewal) isKey(e ast.Expr, key string) bool {
	tv, ok := f.c.Info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == key
}

// values knows which variables an attempt gives a value of its own: those
// it assigns, increments or fills (crypto/rand.Read(b)) in the statements
// every attempt runs, and the loop's counter.
type values struct {
	f       *renewal
	assigns map[*types.Var][]ast.Expr
	fills   map[*types.Var]ast.Node
	steps   map[*types.Var]ast.Node // i++ in the attempt, or the loop's post statement
	visited map[*types.Var]bool
}

// newValues collects what the statements of an attempt assign. Only the
// statements themselves count: an assignment inside an if runs on some
// attempts only (a new number after a final failure is right).
func (f *renewal) newValues(stmts []ast.Stmt, loop ast.Stmt) *values {
	v := &values{f: f, assigns: make(map[*types.Var][]ast.Expr), fills: make(map[*types.Var]ast.Node),
		steps: make(map[*types.Var]ast.Node), visited: make(map[*types.Var]bool)}
	for _, st := range stmts {
		v.collect(st)
	}
	switch l := loop.(type) {
	case *ast.ForStmt:
		if l.Post != nil {
			v.step(l.Post)
		}
	case *ast.RangeStmt:
		if id, ok := l.Key.(*ast.Ident); ok {
			if obj, ok := f.c.Info.ObjectOf(id).(*types.Var); ok {
				v.steps[obj] = l
			}
		}
	}
	return v
}

func (v *values) collect(st ast.Stmt) {
	info := v.f.c.Info
	switch st := st.(type) {
	case *ast.AssignStmt:
		if len(st.Rhs) == 1 {
			v.fill(st.Rhs[0]) // _, err := rand.Read(b)
		}
		for i, lhs := range st.Lhs {
			id, ok := ast.Unparen(lhs).(*ast.Ident)
			if !ok {
				continue
			}
			obj, ok := info.ObjectOf(id).(*types.Var)
			if !ok {
				continue
			}
			rhs := st.Rhs[0]
			if len(st.Rhs) == len(st.Lhs) {
				rhs = st.Rhs[i]
			}
			v.assigns[obj] = append(v.assigns[obj], rhs)
		}
	case *ast.DeclStmt:
		gd, ok := st.Decl.(*ast.GenDecl)
		if !ok {
			return
		}
		for _, spec := range gd.Specs {
			vs, ok := spec.(*ast.ValueSpec)
			if !ok {
				continue
			}
			for i, name := range vs.Names {
				if obj, ok := info.Defs[name].(*types.Var); ok && i < len(vs.Values) {
					v.assigns[obj] = append(v.assigns[obj], vs.Values[i])
				} else if ok && len(vs.Values) == 1 {
					v.assigns[obj] = append(v.assigns[obj], vs.Values[0])
				}
			}
		}
	case *ast.IncDecStmt:
		v.step(st)
	case *ast.ExprStmt:
		v.fill(st.X)
	case *ast.IfStmt:
		if st.Init != nil {
			v.collect(st.Init) // if _, err := rand.Read(b); err != nil: runs every time
		}
	}
}

// fill records the variables a call of a random source's Read fills anew:
// crypto/rand.Read(b), as a statement or with its results assigned.
func (v *values) fill(e ast.Expr) {
	info := v.f.c.Info
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return
	}
	if fn := typeutil.StaticCallee(info, call); fn != nil && fresh(fn) && fn.Name() == "Read" {
		for _, arg := range call.Args {
			if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
				if obj, ok := info.Uses[id].(*types.Var); ok {
					v.fills[obj] = call
				}
			}
		}
	}
}

// step records the variables a statement counts: i++ or i += 1.
func (v *values) step(st ast.Stmt) {
	var lhs []ast.Expr
	switch st := st.(type) {
	case *ast.IncDecStmt:
		lhs = []ast.Expr{st.X}
	case *ast.AssignStmt:
		if st.Tok != token.ASSIGN && st.Tok != token.DEFINE {
			lhs = st.Lhs // i += 1
		}
	}
	for _, e := range lhs {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if obj, ok := v.f.c.Info.ObjectOf(id).(*types.Var); ok {
				v.steps[obj] = st
			}
		}
	}
}

// maxDepth bounds how far varies follows variables and functions.
const maxDepth = 4

// varies returns where e takes a value of its own attempt, and how, or nil.
func (v *values) varies(e ast.Expr, depth int) (ast.Node, string) {
	if depth > maxDepth {
		return nil, ""
	}
	var at ast.Node
	var how string
	info := v.f.c.Info
	ast.Inspect(e, func(n ast.Node) bool {
		if at != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if isClock, perCall := v.f.clockUse(n); isClock {
				if perCall {
					at, how = n, "calls time.Now"
				}
				return false
			}
			fn := typeutil.StaticCallee(info, n)
			if fn == nil {
				return true
			}
			fn = fn.Origin()
			if fresh(fn) {
				at, how = n, "calls "+shortName(fn)
				return false
			}
			if decl := v.f.decl(fn); decl != nil && decl.Body != nil && depth < maxDepth {
				if _, h := v.f.returnsFresh(decl, depth+1); h != "" {
					at, how = n, fmt.Sprintf("calls %s, which %s", fn.Name(), h)
					return false
				}
			}
		case *ast.Ident:
			obj, ok := info.Uses[n].(*types.Var)
			if !ok || v.visited[obj] {
				return true
			}
			if _, ok := v.steps[obj]; ok {
				at, how = n, "uses "+obj.Name()+", which each attempt counts on"
				return false
			}
			if call, ok := v.fills[obj]; ok {
				at, how = call, "fills "+obj.Name()+" from a random source"
				return false
			}
			v.visited[obj] = true
			for _, rhs := range v.assigns[obj] {
				if a, h := v.varies(rhs, depth+1); a != nil {
					at, how = a, h
					return false
				}
			}
		}
		return true
	})
	return at, how
}

// returnsFresh reports whether a function of the package returns a value
// of its own call: a result computed from a fresh value, through its local
// variables.
func (f *renewal) returnsFresh(decl *ast.FuncDecl, depth int) (ast.Node, string) {
	v := &values{f: f, assigns: make(map[*types.Var][]ast.Expr), fills: make(map[*types.Var]ast.Node),
		steps: make(map[*types.Var]ast.Node), visited: make(map[*types.Var]bool)}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case ast.Stmt:
			switch n.(type) {
			case *ast.AssignStmt, *ast.DeclStmt, *ast.ExprStmt, *ast.IncDecStmt:
				v.collect(n)
			}
		}
		return true
	})
	var at ast.Node
	var how string
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if at != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if a, h := v.varies(r, depth); a != nil {
					at, how = a, h
					return false
				}
			}
		}
		return true
	})
	return at, how
}

// shortName names a function as its package's importers write it:
// time.Now, uuid.NewString, rand.Intn.
func shortName(fn *types.Func) string {
	name := FuncName(fn)
	if fn.Pkg() == nil {
		return name
	}
	return fn.Pkg().Name() + strings.TrimPrefix(name, fn.Pkg().Path())
}

// timePassThrough are the methods of time.Time that keep its instant.
var timePassThrough = map[string]bool{"UTC": true, "Local": true, "In": true}

// timePerCall are the methods of time.Time whose answer changes at least
// every second: what a retry after a pause tells apart. Year, Day or a
// Format without seconds answer the same for many attempts.
var timePerCall = map[string]bool{
	"Unix": true, "UnixNano": true, "UnixMilli": true, "UnixMicro": true,
	"Nanosecond": true, "Second": true, "String": true, "Clock": true,
}

// clockUse reports whether call reads the clock, time.Now() or a method
// on it (time.Now().UTC().Format(layout)), and whether its answer changes
// from one attempt to the next: a layout with seconds or their fractions,
// a Unix time, the time itself.
func (f *renewal) clockUse(call *ast.CallExpr) (isClock, perCall bool) {
	if f.isTimeNow(call) {
		return true, true
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false, false
	}
	recv, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	for ok {
		if f.isTimeNow(recv) {
			break
		}
		rsel, isSel := ast.Unparen(recv.Fun).(*ast.SelectorExpr)
		if !isSel || !timePassThrough[rsel.Sel.Name] || !f.isTimeMethod(rsel) {
			return false, false
		}
		recv, ok = ast.Unparen(rsel.X).(*ast.CallExpr)
	}
	if !ok || !f.isTimeMethod(sel) {
		return false, false
	}
	switch name := sel.Sel.Name; {
	case timePerCall[name]:
		return true, true
	case name == "Format" || name == "AppendFormat":
		layout := call.Args[len(call.Args)-1]
		tv, ok := f.c.Info.Types[layout]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return true, false // a layout not known here: say nothing
		}
		l := constant.StringVal(tv.Value)
		return true, strings.Contains(l, "05") || strings.Contains(l, ".0") || strings.Contains(l, ".9") ||
			strings.Contains(l, ",0") || strings.Contains(l, ",9")
	}
	return true, false
}

func (f *renewal) isTimeNow(call *ast.CallExpr) bool {
	fn := typeutil.StaticCallee(f.c.Info, call)
	return fn != nil && FuncName(fn) == "time.Now"
}

func (f *renewal) isTimeMethod(sel *ast.SelectorExpr) bool {
	fn, ok := f.c.Info.Uses[sel.Sel].(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "time" && strings.HasPrefix(FuncName(fn), "time.Time.")
}
