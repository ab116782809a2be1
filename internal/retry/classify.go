package retry

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodevet/errcodevet/internal/carrier"
)

// Outcome is what a branch does about the call whose result selected it.
type Outcome int

const (
	Undecided Outcome = iota // cannot tell: stay silent
	Retries                  // calls again, or hands the error to a driver that does
	GivesUp                  // fails finally, stops the driver, exits, or logs and carries on
)

// Mode is which way a wrong answer would err. Lenient evidence of a retry
// (loops, polling names, goroutines) silences retry-unknown; only strong
// evidence (continue in a retry loop, recursion, a driver's semantics, a
// function known to retry) makes retry-final report.
type Mode int

const (
	Unknown Mode = iota // for retry-unknown: does the branch give up?
	Final               // for retry-final: does the branch retry?
)

// Context is where a branch stands.
type Context struct {
	Func  *types.Func // the enclosing declared function, nil in a package-level literal
	Loops []Loop      // enclosing loops of the branch, innermost last, up to the enclosing function
	Op    OpKind      // the driver operation the branch returns from, if any
	// Carrier is the variable the compared value was read from (res in
	// res.Result.ResultStatus), or nil; CarrierCall is set instead when the
	// value was read from a call's result directly.
	Carrier     *types.Var
	CarrierCall bool
	// Literal is set when the branch returns from a function literal: its
	// callers are not Func's.
	Literal bool
	// Results are the results of the function the branch returns from,
	// named or not; nil when not known.
	Results *types.Tuple
	// FinalAnswers are the plain answers (constant results, "false") the
	// function returns where a final failure is handled, when it has no
	// error result: the same answer on an unknown outcome collapses it.
	FinalAnswers map[string]bool
	// Answers counts the plain answers of all of the function's returns:
	// an answer beside a nil error that only the branch gives ("pending",
	// nil) names an outcome of its own.
	Answers map[string]int
	// OutcomeOnly is set when every comparison of a carrier in the
	// function tests the outcome alone: a status, or a code table's success
	// value or a value whose class is "retry", no other code.
	OutcomeOnly bool
	// FinalValues are the package-level error variables the function
	// returns where a final failure is handled: the same value returned
	// for an unknown outcome leaves the caller unable to tell them apart.
	FinalValues map[*types.Var]bool
	// After holds, for the body of an if, the statements after the if in
	// its block: what runs when the body falls through.
	After []ast.Stmt
	// Nested holds the statements of the branch that a decision nested in
	// it selects (if code == EXPIRED_ACCESS_TOKEN { renew; continue }): they
	// are judged as branches of their own, and a retry there is not one of
	// this branch. Only retry-final (mode Final) leaves them out.
	Nested map[ast.Node]bool
}

// Loop is an enclosing loop and its label, if any.
type Loop struct {
	Stmt  ast.Stmt // *ast.ForStmt or *ast.RangeStmt
	Label string
}

// Verdict is what a branch does, and the statement that decides it: the
// return, call or continue that retries, or the statement that gives up.
type Verdict struct {
	Outcome
	At     ast.Node // nil when Undecided
	Reason string   // what At does, for the finding's related information
	Left   Left     // what a branch that gives up leaves its caller with
}

// Left is what a branch that gives up leaves its caller with.
type Left int

const (
	LeftFailed Left = iota // a final failure (an error it cannot tell from one), or nothing (exits)
	LeftDone               // success: a nil error, or carrying on as if done
	LeftAnswer             // a plain answer the function also gives on a final failure
)

// Classifier classifies branches of one package.
type Classifier struct {
	Info *types.Info
	// Carriers tells which expressions hold a code or status: handed to
	// the caller, such a value lets the caller tell an unknown outcome
	// from a failure.
	Carriers *carrier.Resolver
	// Index gives a table's family and its other tables: a code's status,
	// a status's codes.
	Index *carrier.Index
	// Funcs tells which called functions retry, and which may call the
	// enclosing function again.
	Funcs *Funcs
	// GiveUp names the functions that record a final outcome (mark an
	// order failed), by FuncName: a call of one gives up.
	GiveUp map[string]bool
	// commaOK maps the ok of each v, ok := x.(T) or v, ok := m[k] of the
	// function Branches walks to its v, when neither is assigned again:
	// ok && v == -1 selects what v == -1 does. Set by Branches.
	commaOK map[*types.Var]*types.Var
	// errorOf maps the v of each v, ok := sdk.IsXError(err) (an SDK's
	// errors.As: see errorAsFuncs) to err, the outcome v was read from.
	errorOf map[*types.Var]*types.Var
}

// Classify returns what the branch stmts does, in the given mode.
//
// In mode Unknown a branch gives up when the caller is left unable to tell
// an unknown outcome from a failure: it returns an error made from text
// alone, an unexported sentinel out of an exported function, or the value
// the final-failure path returns; it exits or panics; or it only logs and
// carries on. It hands the outcome on (and is left alone) when it returns a
// sentinel the caller can test, an error wrapped with %w, an error value
// that carries the result, or the result itself. A branch that splits (an
// if/else or a switch at its end, or an if that leaves the branch) gives up
// when any way through it gives up, though another retries.
func (c *Classifier) Classify(stmts []ast.Stmt, ctx Context, mode Mode) Verdict {
	if mode == Final {
		s := scan{c: c, ctx: ctx, mode: mode}
		for _, st := range stmts {
			ast.Inspect(st, s.visit)
		}
		if s.retries {
			return Verdict{Retries, s.at, s.reason, LeftFailed}
		}
		return Verdict{}
	}
	return c.unknown(stmts, ctx)
}

// unknown classifies a branch in mode Unknown.
func (c *Classifier) unknown(stmts []ast.Stmt, ctx Context) Verdict {
	if len(stmts) == 0 {
		return Verdict{}
	}
	// Where the branch splits, what comes before decides first, then each
	// way through the split.
	for i, st := range stmts {
		if call, name := c.giveUpCall(st); call != nil {
			if v, decided := c.scanHead(stmts[:i], ctx); decided {
				return v
			}
			return Verdict{GivesUp, call, "calls " + name + ", which records a final outcome", LeftFailed}
		}
		var arms [][]ast.Stmt
		last := i == len(stmts)-1
		switch n := st.(type) {
		case *ast.IfStmt:
			switch {
			case n.Else != nil && last:
				arms = [][]ast.Stmt{n.Body.List, elseList(n.Else)}
			case n.Else == nil && !last && c.Leaves(n.Body.List):
				arms = [][]ast.Stmt{n.Body.List, stmts[i+1:]}
			}
			if arms != nil && c.knownOutcome(n.Cond) {
				arms[0] = nil // if code == ACCESS_DENIED {...}: never run on an unknown outcome
			}
		case *ast.SwitchStmt:
			if last {
				for _, cc := range n.Body.List {
					if cc := cc.(*ast.CaseClause); !c.knownClause(n, cc) {
						arms = append(arms, cc.Body)
					}
				}
				if arms == nil {
					arms = [][]ast.Stmt{nil}
				}
			}
		case *ast.TypeSwitchStmt:
			if last {
				for _, cc := range n.Body.List {
					arms = append(arms, cc.(*ast.CaseClause).Body)
				}
			}
		}
		if arms == nil {
			continue
		}
		if v, decided := c.scanHead(stmts[:i], ctx); decided {
			return v
		}
		if v, decided := c.scanHead(header(st), ctx); decided {
			return v
		}
		var retries Verdict
		for _, arm := range arms {
			switch v := c.unknown(arm, ctx); v.Outcome {
			case GivesUp:
				return v
			case Retries:
				if retries.Outcome == Undecided {
					retries = v
				}
			}
		}
		return retries
	}
	if v, decided := c.scanHead(stmts, ctx); decided {
		return v
	}
	switch last := stmts[len(stmts)-1].(type) {
	case *ast.ReturnStmt:
		if len(last.Results) == 0 {
			if v := c.nakedReturn(stmts, ctx); v.Outcome != Undecided {
				return v
			}
			return c.toldDone(stmts, last, ctx)
		}
		if v := c.returnOutcome(last, ctx); v.Outcome == GivesUp {
			return v
		}
		return c.toldDone(stmts, last, ctx)
	case *ast.ExprStmt:
		if call, ok := last.X.(*ast.CallExpr); ok {
			if reason := c.exits(call); reason != "" {
				return Verdict{GivesUp, last, reason, LeftFailed}
			}
		}
		// Logs and carries on as if done: every statement logs, no loop
		// around the branch comes back to call again, and what follows
		// does not test an error, which may carry the outcome on (if err
		// != nil { return err } after the call's code was logged).
		if len(ctx.Loops) == 0 && ctx.Op == OpNone && c.allLog(stmts) && !c.testsError(ctx.After) {
			return Verdict{GivesUp, last, "only logs and carries on", LeftFailed}
		}
	case *ast.BlockStmt:
		return c.unknown(last.List, ctx)
	}
	return Verdict{}
}

// testsError reports whether one of stmts is an if (or a switch) whose
// condition reads a value of type error.
func (c *Classifier) testsError(stmts []ast.Stmt) bool {
	for _, st := range stmts {
		var cond ast.Expr
		switch st := st.(type) {
		case *ast.IfStmt:
			cond = st.Cond
		case *ast.SwitchStmt:
			cond = st.Tag
		}
		if cond == nil {
			continue
		}
		found := false
		ast.Inspect(cond, func(n ast.Node) bool {
			if e, ok := n.(ast.Expr); ok && !found {
				if t := c.Info.TypeOf(e); t != nil && types.Identical(t, universeError) {
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

// giveUpCall returns a call of a function that records a final outcome
// (Classifier.GiveUp) that statement st makes at its top: as a statement,
// the value assigned or returned, or an if's init; and the function's name.
func (c *Classifier) giveUpCall(st ast.Stmt) (*ast.CallExpr, string) {
	if len(c.GiveUp) == 0 {
		return nil, ""
	}
	var exprs []ast.Expr
	switch n := st.(type) {
	case *ast.ExprStmt:
		exprs = []ast.Expr{n.X}
	case *ast.AssignStmt:
		exprs = n.Rhs
	case *ast.ReturnStmt:
		exprs = n.Results
	case *ast.IfStmt:
		if as, ok := n.Init.(*ast.AssignStmt); ok {
			exprs = as.Rhs
		}
	}
	for _, e := range exprs {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			continue
		}
		if fn, ok := typeutil.Callee(c.Info, call).(*types.Func); ok && c.GiveUp[FuncName(fn.Origin())] {
			return call, fn.Name()
		}
	}
	return nil, ""
}

// toldDone judges a branch that ends in a return which hands nothing on,
// after statements that only log (for a plain answer, after nothing too):
// the caller is told the call is done. It
// gives up when the return
//
//   - returns a nil error (or, from a function without results, nothing):
//     the caller hears success;
//   - answers a plain value (a function without an error result returning
//     constants: false, 0, "") that the function also answers where it
//     handles a final failure: the caller cannot tell unknown from failed.
//
// A result that carries the outcome, a value not known here (a variable,
// a call), a constant answer beside the nil error that no other return
// of the function gives ("pending", nil: an outcome of its own), any
// other statement before the return (it may hand the outcome
// on) or a driver's operation leaves it undecided; so does a return of a
// nil error, or from a function without results, with nothing before it,
// which says nothing more than the code around it.
func (c *Classifier) toldDone(stmts []ast.Stmt, ret *ast.ReturnStmt, ctx Context) Verdict {
	before := stmts[:len(stmts)-1]
	if ctx.Op != OpNone || !c.allLog(before) {
		return Verdict{}
	}
	results := ctx.Results // nil for a function without results
	if ctx.Func == nil && !ctx.Literal {
		return Verdict{}
	}
	answer, isAnswer := c.answer(ret)
	// The answer the function gives on a final failure: with an error
	// result, only with a value beside the nil error ("failed", nil).
	same := isAnswer && ctx.FinalAnswers[answer] && (c.plainAnswers(results) || len(ret.Results) > 1)
	// With nothing before it, only a function that tests nothing but the
	// outcome (a status, or a code table's success and unknown-outcome
	// values: an outcome to answer mapping such as Paid) is judged: one
	// that groups other codes (a predicate true for -1 and for 40013
	// alike) may mean its answer.
	if len(before) == 0 && !(same && ctx.OutcomeOnly) {
		return Verdict{} // return nil alone: says no more than the code around it
	}
	if len(ret.Results) == 0 {
		if results.Len() == 0 {
			return Verdict{GivesUp, ret, "logs and returns: its caller carries on as if done", LeftDone}
		}
		return Verdict{} // named results: nakedReturn judged the error
	}
	if len(ret.Results) != results.Len() {
		return Verdict{} // return f(): what it holds is not known here
	}
	n := results.Len()
	if types.Implements(results.At(n-1).Type(), errorType) && types.IsInterface(results.At(n-1).Type()) {
		if !isNil(c.Info, ret.Results[n-1]) {
			return Verdict{}
		}
		for _, r := range ret.Results[:n-1] {
			if c.carries(r, ctx) || !c.constant(r) {
				return Verdict{} // hands on a value the caller may test
			}
		}
		if same {
			return Verdict{GivesUp, ret, "answers " + answer + ", as the final-failure path does: its caller cannot tell unknown from failed", LeftAnswer}
		}
		if !ctx.Literal && ctx.Answers[answer] == 1 && c.anyNonZero(ret.Results[:n-1]) {
			return Verdict{} // an answer of its own ("pending", nil): the caller can tell
		}
		return Verdict{GivesUp, ret, "logs and returns a nil error: reports success to its caller", LeftDone}
	}
	for i := 0; i < n; i++ {
		if types.Implements(results.At(i).Type(), errorType) {
			return Verdict{}
		}
	}
	if !same {
		return Verdict{}
	}
	return Verdict{GivesUp, ret, "answers " + answer + ", as the final-failure path does: its caller cannot tell unknown from failed", LeftAnswer}
}

// plainAnswers reports whether results, not empty, hold no error.
func (c *Classifier) plainAnswers(results *types.Tuple) bool {
	for i := 0; i < results.Len(); i++ {
		if types.Implements(results.At(i).Type(), errorType) {
			return false
		}
	}
	return results.Len() > 0
}

// anyNonZero reports whether one of exprs is a constant other than its
// type's zero value (0, "", false).
func (c *Classifier) anyNonZero(exprs []ast.Expr) bool {
	for _, e := range exprs {
		tv, ok := c.Info.Types[ast.Unparen(e)]
		if !ok || tv.Value == nil {
			continue
		}
		switch tv.Value.Kind() {
		case constant.Bool:
			if constant.BoolVal(tv.Value) {
				return true
			}
		case constant.String:
			if constant.StringVal(tv.Value) != "" {
				return true
			}
		case constant.Int, constant.Float:
			if constant.Sign(tv.Value) != 0 {
				return true
			}
		}
	}
	return false
}

// constant reports whether e is a constant or nil.
func (c *Classifier) constant(e ast.Expr) bool {
	tv, ok := c.Info.Types[ast.Unparen(e)]
	return ok && (tv.Value != nil || tv.IsNil())
}

// answer returns the text of a return's results when all are constants
// or nil ("false", "0, false"): a plain answer.
func (c *Classifier) answer(ret *ast.ReturnStmt) (string, bool) {
	var parts []string
	for _, r := range ret.Results {
		tv, ok := c.Info.Types[ast.Unparen(r)]
		switch {
		case !ok:
			return "", false
		case tv.Value != nil:
			parts = append(parts, tv.Value.ExactString())
		case tv.IsNil():
			parts = append(parts, "nil")
		default:
			return "", false
		}
	}
	return strings.Join(parts, ", "), len(parts) > 0
}

// nakedReturn judges a branch that ends in a bare return from a function
// with named results (err = errors.New("..."); return) as the same return
// with the value last assigned to the error result in the branch.
func (c *Classifier) nakedReturn(stmts []ast.Stmt, ctx Context) Verdict {
	if ctx.Op != OpNone || ctx.Results == nil || ctx.Results.Len() == 0 {
		return Verdict{}
	}
	errVar := ctx.Results.At(ctx.Results.Len() - 1)
	for i := len(stmts) - 2; i >= 0; i-- {
		as, ok := stmts[i].(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for j, lhs := range as.Lhs {
			id, ok := ast.Unparen(lhs).(*ast.Ident)
			if !ok || c.Info.Uses[id] != errVar {
				continue
			}
			for k := 0; k < ctx.Results.Len()-1; k++ {
				if c.assignedCarrier(stmts[:len(stmts)-1], ctx.Results.At(k), ctx) {
					return Verdict{} // the caller gets the result itself
				}
			}
			if reason := c.givesUp(as.Rhs[j], ctx); reason != "" {
				return Verdict{GivesUp, stmts[len(stmts)-1], reason, LeftFailed}
			}
			return Verdict{}
		}
	}
	return Verdict{}
}

// assignedCarrier reports whether the branch assigns result v a value that
// carries the outcome.
func (c *Classifier) assignedCarrier(stmts []ast.Stmt, v *types.Var, ctx Context) bool {
	for _, st := range stmts {
		as, ok := st.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for j, lhs := range as.Lhs {
			if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && c.Info.Uses[id] == v && c.carries(as.Rhs[j], ctx) {
				return true
			}
		}
	}
	return false
}

// scanHead looks through statements for a retry, or for what makes the
// branch impossible to judge (a break); decided is false when neither.
func (c *Classifier) scanHead(stmts []ast.Stmt, ctx Context) (v Verdict, decided bool) {
	s := scan{c: c, ctx: ctx, mode: Unknown}
	for _, st := range stmts {
		ast.Inspect(st, s.visit)
	}
	switch {
	case s.retries:
		return Verdict{Retries, s.at, s.reason, LeftFailed}, true
	case s.unsure:
		return Verdict{}, true
	}
	return Verdict{}, false
}

// header returns what an if or switch runs before choosing an arm: its
// init statement, and its condition or tag as an expression statement.
func header(st ast.Stmt) []ast.Stmt {
	var init ast.Stmt
	var x ast.Expr
	switch n := st.(type) {
	case *ast.IfStmt:
		init, x = n.Init, n.Cond
	case *ast.SwitchStmt:
		init, x = n.Init, n.Tag
	case *ast.TypeSwitchStmt:
		init = n.Init
	}
	var out []ast.Stmt
	if init != nil {
		out = append(out, init)
	}
	if x != nil {
		out = append(out, &ast.ExprStmt{X: x})
	}
	return out
}

func elseList(s ast.Stmt) []ast.Stmt {
	if b, ok := s.(*ast.BlockStmt); ok {
		return b.List
	}
	return []ast.Stmt{s}
}

// Leaves reports whether a statement list ends by leaving the branch: a
// return, a branch statement, a panic or an exit.
func (c *Classifier) Leaves(stmts []ast.Stmt) bool {
	if len(stmts) == 0 {
		return false
	}
	switch last := stmts[len(stmts)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		call, ok := last.X.(*ast.CallExpr)
		return ok && c.exits(call) != ""
	}
	return false
}

// scan looks through a branch for retries and for what it cannot judge.
type scan struct {
	c       *Classifier
	ctx     Context
	mode    Mode
	loops   int // loops entered inside the branch
	retries bool
	at      ast.Node // what retries
	reason  string
	unsure  bool
}

func (s *scan) retry(at ast.Node, reason string) {
	if !s.retries {
		s.retries, s.at, s.reason = true, at, reason
	}
}

func (s *scan) visit(n ast.Node) bool {
	if n == nil || s.retries {
		return false
	}
	if s.mode == Final && s.ctx.Nested[n] {
		return false
	}
	switch n := n.(type) {
	case *ast.FuncLit:
		return false // runs later or elsewhere: judged at its call
	case *ast.ForStmt, *ast.RangeStmt:
		if s.mode == Unknown {
			s.retry(n, "loops") // a loop in the branch polls
			return false
		}
		s.loops++
		ast.Inspect(loopBody(n), s.visit)
		s.loops--
		return false
	case *ast.GoStmt, *ast.SendStmt:
		if s.mode == Unknown {
			s.retry(n, "hands the work to a goroutine or a queue")
		}
		return false
	case *ast.BranchStmt:
		switch n.Tok {
		case token.CONTINUE:
			if s.continuesRetryLoop(n) {
				s.retry(n, "goes round the loop that calls again")
			}
		case token.GOTO:
			if s.mode == Unknown {
				s.retry(n, "jumps back")
			}
		case token.BREAK:
			s.unsure = s.unsure || s.loops == 0 // leaves the loop: what follows decides
		}
	case *ast.ReturnStmt:
		if v := s.c.returnOutcome(n, s.ctx); v.Outcome == Retries {
			s.retry(n, v.Reason)
		}
	case *ast.CallExpr:
		if reason := s.c.callRetries(n, s.ctx, s.mode); reason != "" {
			s.retry(n, reason)
			return false
		}
	}
	return true
}

func loopBody(n ast.Node) *ast.BlockStmt {
	if f, ok := n.(*ast.ForStmt); ok {
		return f.Body
	}
	return n.(*ast.RangeStmt).Body
}

// continuesRetryLoop reports whether a continue statement goes round an
// enclosing loop of the branch that calls again: a three-clause or bare
// for, or a range over an integer; and, for retry-final, one in which the
// compared result is produced anew by a call.
func (s *scan) continuesRetryLoop(b *ast.BranchStmt) bool {
	if b.Label == nil && s.loops > 0 {
		return false // continues a loop inside the branch
	}
	if len(s.ctx.Loops) == 0 {
		return false
	}
	var loop ast.Stmt
	if b.Label == nil {
		loop = s.ctx.Loops[len(s.ctx.Loops)-1].Stmt
	} else {
		for _, l := range s.ctx.Loops {
			if l.Label == b.Label.Name {
				loop = l.Stmt
			}
		}
		if loop == nil {
			return false
		}
	}
	if !s.c.retryLoop(loop) {
		return false
	}
	if s.mode == Final {
		return s.ctx.CarrierCall || s.ctx.Carrier != nil && s.c.producedByCallIn(s.ctx.Carrier, loop)
	}
	return true
}

// retryLoop reports whether a loop can go round to call again: a for loop,
// or a range over an integer (for range maxAttempts). A range over a slice,
// map or channel goes to the next item instead.
func (c *Classifier) retryLoop(loop ast.Stmt) bool {
	switch l := loop.(type) {
	case *ast.ForStmt:
		return true
	case *ast.RangeStmt:
		if t, ok := c.Info.TypeOf(l.X).Underlying().(*types.Basic); ok {
			return t.Info()&types.IsInteger != 0
		}
	}
	return false
}

// producedByCallIn reports whether v is produced by a call inside loop:
// assigned from one, or decoded by one into it (c.send(req, &resp),
// json.Unmarshal(body, &resp)), or read out of a variable that is (st :=
// q.Response.TradeStatus after q, err := c.TradeQuery(...)). Each
// iteration asks the API again.
func (c *Classifier) producedByCallIn(v *types.Var, loop ast.Stmt) bool {
	return c.producedByCallInDepth(v, loop, 0)
}

func (c *Classifier) producedByCallInDepth(v *types.Var, loop ast.Stmt, depth int) bool {
	found := false
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && (c.Info.Defs[id] == v || c.Info.Uses[id] == v)
	}
	ast.Inspect(loop, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if !is(lhs) {
					continue
				}
				rhs := n.Rhs[0]
				if len(n.Rhs) == len(n.Lhs) {
					rhs = n.Rhs[i]
				}
				if _, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
					found = true
				} else if root, ok := rootOf(rhs).(*ast.Ident); ok && depth < 3 && len(n.Rhs) == len(n.Lhs) {
					if w, ok := c.Info.Uses[root].(*types.Var); ok && w != v && c.producedByCallInDepth(w, loop, depth+1) {
						found = true
					}
				}
			}
		case *ast.CallExpr:
			for _, arg := range n.Args {
				if u, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok && u.Op == token.AND && is(u.X) {
					found = true // decoded into: &resp
				} else if _, ptr := v.Type().Underlying().(*types.Pointer); ptr && is(arg) {
					found = true // resp := new(Resp); send(req, resp)
				}
			}
		}
		return true
	})
	return found
}

// callRetries says how a call retries, or returns "": a driver, a function
// known to retry, a recursive call, or (in mode Unknown, any word; in mode
// Final, only a leading retry or requeue) a name that says so.
func (c *Classifier) callRetries(call *ast.CallExpr, ctx Context, mode Mode) string {
	fn := typeutil.StaticCallee(c.Info, call)
	if fn == nil {
		if mode == Unknown {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && namedLikeRetry(sel.Sel.Name, false) {
				return "calls " + sel.Sel.Name + ", named for retrying or querying" // an interface method: its name is all there is
			}
		}
		return ""
	}
	fn = fn.Origin()
	switch {
	case DriverOf(fn) != OpNone:
		return "calls the retry library's " + fn.Name()
	case c.Funcs.Retries(fn):
		return "calls " + fn.Name() + ", which retries"
	case ctx.Func != nil && c.Funcs.Reaches(fn, ctx.Func):
		if fn == ctx.Func {
			return "calls itself again"
		}
		return "calls " + fn.Name() + ", which calls " + ctx.Func.Name() + " again"
	case namedLikeRetry(fn.Name(), mode == Final):
		return "calls " + fn.Name() + ", named for retrying or querying"
	}
	return ""
}

// returnOutcome judges a return statement by the driver operation it
// returns from, or, outside one, by whether the caller can still tell an
// unknown outcome from what it returns.
func (c *Classifier) returnOutcome(ret *ast.ReturnStmt, ctx Context) Verdict {
	n := len(ret.Results)
	if n == 0 {
		return Verdict{}
	}
	last := ast.Unparen(ret.Results[n-1])
	switch ctx.Op {
	case OpErrorRetries:
		switch {
		case isNil(c.Info, last):
		case c.marker(last, permanentMarkers):
			return Verdict{GivesUp, ret, "marks the error permanent: the retry library stops", LeftFailed}
		case c.isError(last):
			return Verdict{Retries, ret, "returns an error the retry library retries", LeftFailed}
		}
	case OpErrorStops:
		switch {
		case isNil(c.Info, last):
		case c.marker(last, retryableMarkers):
			return Verdict{Retries, ret, "marks the error retryable", LeftFailed}
		case c.isError(last):
			return Verdict{GivesUp, ret, "returns an error the retry library does not retry", LeftFailed}
		}
	case OpCondition:
		if n == 2 && isNil(c.Info, last) && isBool(c.Info, ret.Results[0], false) {
			return Verdict{Retries, ret, "asks the wait condition for another round", LeftFailed}
		}
		if n == 2 && c.isError(last) {
			return Verdict{GivesUp, ret, "stops the wait with an error", LeftFailed}
		}
	case OpPolicy:
		if isBool(c.Info, ret.Results[0], true) {
			return Verdict{Retries, ret, "tells the policy to retry", LeftFailed}
		}
		if isBool(c.Info, ret.Results[0], false) {
			return Verdict{GivesUp, ret, "tells the policy not to retry", LeftFailed}
		}
	default:
		for _, r := range ret.Results[:n-1] {
			if c.carries(r, ctx) {
				return Verdict{} // the caller gets the result itself
			}
		}
		if reason := c.givesUp(last, ctx); reason != "" {
			return Verdict{GivesUp, ret, reason, LeftFailed}
		}
	}
	return Verdict{}
}

// carries reports whether e holds the result, its status or its code: the
// carrier itself, a code or status, a value of a type that holds one (a
// response, an error type with a code field), or a composite literal with
// such an element. Handed to the caller, it keeps the outcome testable.
func (c *Classifier) carries(e ast.Expr, ctx Context) bool {
	e = ast.Unparen(e)
	if c.Carriers.Table(e) != nil || c.Carriers.Holds(c.Info.TypeOf(e)) {
		return true
	}
	if id, ok := e.(*ast.Ident); ok && ctx.Carrier != nil && c.Info.Uses[id] == ctx.Carrier {
		return true
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if c.carries(elt, ctx) {
				return true
			}
		}
	}
	return false
}

// givesUp says how returning the error e leaves the caller unable to tell
// an unknown outcome from a failure, or returns "" when it can tell, or
// when there is no telling.
func (c *Classifier) givesUp(e ast.Expr, ctx Context) string {
	e = ast.Unparen(e)
	t := c.Info.TypeOf(e)
	if t == nil || !types.Implements(t, errorType) || isNil(c.Info, e) {
		return ""
	}
	if c.carries(e, ctx) {
		return "" // &ResultError{Result: res}, or the response itself
	}
	switch e := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		v, _ := c.Info.Uses[identOf(e)].(*types.Var)
		if v == nil || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
			return "" // a local or a field: what it holds is not known here
		}
		switch {
		case ctx.FinalValues[v]:
			return "returns " + v.Name() + ", as the final-failure path does"
		case v.Exported():
			return "" // a sentinel the caller can test
		case ctx.Func != nil && !ctx.Literal && v.Pkg() == ctx.Func.Pkg() && reachable(ctx.Func):
			return "returns unexported " + v.Name() + " out of " + ctx.Func.Name() + ": its callers cannot test it"
		}
		return "" // an unexported sentinel its package's callers can test
	case *ast.CompositeLit:
		return "returns an error value that holds neither the result nor its status or code"
	case *ast.UnaryExpr:
		if _, lit := ast.Unparen(e.X).(*ast.CompositeLit); lit && e.Op == token.AND {
			return "returns an error value that holds neither the result nor its status or code"
		}
	case *ast.CallExpr:
		fn := typeutil.StaticCallee(c.Info, e)
		if fn == nil {
			return ""
		}
		switch name := FuncName(fn); {
		case name == "errors.New" || name == "github.com/pkg/errors.New" || name == "github.com/pkg/errors.Errorf":
			return "returns an error made from text alone"
		case name == "fmt.Errorf":
			if !wraps(c.Info, e) {
				return "returns an error made from text alone (fmt.Errorf without %w)"
			}
			for _, arg := range e.Args[1:] {
				if c.handsOn(arg, ctx) {
					return ""
				}
			}
			return "wraps with %w only errors that give up"
		case name == "errors.Join":
			for _, arg := range e.Args {
				if c.handsOn(arg, ctx) {
					return ""
				}
			}
			return "joins only errors that give up"
		case wrappers[name]:
			if len(e.Args) > 0 && c.handsOn(e.Args[0], ctx) {
				return ""
			}
			return "wraps an error that gives up"
		case permanentMarkers[name] || retryableMarkers[name]:
			return "marks the error for a retry library it does not run in"
		}
	}
	return ""
}

// handsOn reports whether an argument is an error that lets the caller
// tell the outcome: one that does not give up.
func (c *Classifier) handsOn(e ast.Expr, ctx Context) bool {
	t := c.Info.TypeOf(e)
	if t == nil || !types.Implements(t, errorType) {
		return c.carries(e, ctx)
	}
	return c.givesUp(e, ctx) == ""
}

// wrappers wrap their first argument so that errors.Is and errors.As find it.
var wrappers = map[string]bool{
	"github.com/pkg/errors.Wrap": true, "github.com/pkg/errors.Wrapf": true,
	"github.com/pkg/errors.WithStack": true, "github.com/pkg/errors.WithMessage": true,
	"github.com/pkg/errors.WithMessagef": true,
}

// wraps reports whether a call of fmt.Errorf has a constant format with %w.
func wraps(info *types.Info, call *ast.CallExpr) bool {
	if len(call.Args) == 0 {
		return false
	}
	tv := info.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return true // a format not known here: there is no telling
	}
	format := constant.StringVal(tv.Value)
	for i := 0; i < len(format)-1; i++ {
		if format[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(format) && strings.ContainsRune("+-# 0123456789.[]*", rune(format[j])) {
			j++
		}
		if j < len(format) && format[j] == 'w' {
			return true
		}
		i = j
	}
	return false
}

func identOf(e ast.Expr) *ast.Ident {
	if sel, ok := e.(*ast.SelectorExpr); ok {
		return sel.Sel
	}
	return e.(*ast.Ident)
}

// reachable reports whether other packages can call fn: an exported
// function, or an exported method of an exported type, outside package main.
func reachable(fn *types.Func) bool {
	if !fn.Exported() || fn.Pkg() == nil || fn.Pkg().Name() == "main" {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return true
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Exported()
	}
	return true // an interface method
}

// isError reports whether e is certainly a non-nil error value: an error
// variable, a composite literal, or a call of an error constructor or a
// marker. A call of any other function may return nil: undecided.
func (c *Classifier) isError(e ast.Expr) bool {
	t := c.Info.TypeOf(e)
	if t == nil || !types.Implements(t, errorType) {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		_, isVar := c.Info.Uses[e].(*types.Var)
		return isVar && !isNil(c.Info, e)
	case *ast.SelectorExpr:
		_, isVar := c.Info.Uses[e.Sel].(*types.Var)
		return isVar
	case *ast.CompositeLit:
		return true
	case *ast.UnaryExpr:
		_, lit := ast.Unparen(e.X).(*ast.CompositeLit)
		return e.Op == token.AND && lit
	case *ast.CallExpr:
		fn := typeutil.StaticCallee(c.Info, e)
		return fn != nil && (errorConstructors[FuncName(fn)] || wrappers[FuncName(fn)] || permanentMarkers[FuncName(fn)] || retryableMarkers[FuncName(fn)])
	}
	return false
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

var universeError = types.Universe.Lookup("error").Type()

var errorConstructors = map[string]bool{
	"errors.New": true, "errors.Join": true, "fmt.Errorf": true,
	"github.com/pkg/errors.New": true, "github.com/pkg/errors.Errorf": true,
	"github.com/pkg/errors.Wrap": true, "github.com/pkg/errors.Wrapf": true, "github.com/pkg/errors.WithStack": true,
}

func (c *Classifier) marker(e ast.Expr, markers map[string]bool) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := typeutil.StaticCallee(c.Info, call)
	return fn != nil && markers[FuncName(fn)]
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

func isBool(info *types.Info, e ast.Expr, want bool) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) == want
}

// exits says how a call ends the program or the goroutine, or returns "".
func (c *Classifier) exits(call *ast.CallExpr) string {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := c.Info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			return "panics"
		}
	}
	fn := typeutil.StaticCallee(c.Info, call)
	if fn == nil {
		return ""
	}
	name := FuncName(fn)
	if name == "os.Exit" || name == "runtime.Goexit" {
		return "exits"
	}
	if isLogPackage(fn) {
		// Fatal, Fatalf, Fatalln, FatalDepth, Panicf...: one word as
		// splitWords sees Fatalf, so the prefix decides.
		name := strings.ToLower(fn.Name())
		if strings.HasPrefix(name, "fatal") || strings.HasPrefix(name, "panic") {
			return "logs and exits"
		}
	}
	return ""
}

// logPackages are logging libraries; their functions and methods log.
var logPackages = map[string]bool{
	"log": true, "log/slog": true, "go.uber.org/zap": true, "github.com/sirupsen/logrus": true,
	"github.com/rs/zerolog": true, "github.com/rs/zerolog/log": true, "k8s.io/klog/v2": true,
	"github.com/golang/glog": true, "github.com/go-kit/log": true, "github.com/go-logr/logr": true,
}

func isLogPackage(fn *types.Func) bool { return fn.Pkg() != nil && logPackages[fn.Pkg().Path()] }

// allLog reports whether every statement is a call that only logs: a
// function or method of a logging library, or fmt's Print functions.
func (c *Classifier) allLog(stmts []ast.Stmt) bool {
	for _, st := range stmts {
		es, ok := st.(*ast.ExprStmt)
		if !ok {
			return false
		}
		call, ok := es.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		fn := typeutil.StaticCallee(c.Info, call)
		if fn == nil {
			return false
		}
		name := FuncName(fn)
		isPrint := name == "fmt.Println" || name == "fmt.Printf" || name == "fmt.Print"
		if !isPrint && (!isLogPackage(fn) || c.exits(call) != "") {
			return false
		}
	}
	return true
}
