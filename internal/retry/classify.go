package retry

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
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

// Classifier classifies branches of one package.
type Classifier struct {
	Info *types.Info
	// IsRetryFunc reports whether a called function retries: a fact, the
	// package's own analysis or the configuration.
	IsRetryFunc func(*types.Func) bool
	// Reaches reports whether calling callee may call fn again (recursion).
	Reaches func(callee, fn *types.Func) bool
}

// Classify returns what the branch stmts does, in the given mode.
func (c *Classifier) Classify(stmts []ast.Stmt, ctx Context, mode Mode) Outcome {
	s := scan{c: c, ctx: ctx, mode: mode}
	for _, st := range stmts {
		ast.Inspect(st, s.visit)
	}
	if s.retries {
		return Retries
	}
	if mode == Final || s.unsure {
		return Undecided
	}
	if len(stmts) == 0 {
		return Undecided
	}
	switch last := stmts[len(stmts)-1].(type) {
	case *ast.ReturnStmt:
		if c.returnOutcome(last, ctx) == GivesUp {
			return GivesUp
		}
	case *ast.ExprStmt:
		if call, ok := last.X.(*ast.CallExpr); ok && c.exits(call) {
			return GivesUp
		}
		// Logs and carries on as if done: every statement logs, and no loop
		// around the branch comes back to call again.
		if len(ctx.Loops) == 0 && ctx.Op == OpNone && c.allLog(stmts) {
			return GivesUp
		}
	}
	return Undecided
}

// scan looks through a branch for retries and for what it cannot judge.
type scan struct {
	c       *Classifier
	ctx     Context
	mode    Mode
	loops   int // loops entered inside the branch
	retries bool
	unsure  bool
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
			s.retries = true // a loop in the branch polls
			return false
		}
		s.loops++
		ast.Inspect(loopBody(n), s.visit)
		s.loops--
		return false
	case *ast.GoStmt, *ast.SendStmt:
		if s.mode == Unknown {
			s.retries = true // hands the work to a goroutine or a queue
		}
		return false
	case *ast.BranchStmt:
		switch n.Tok {
		case token.CONTINUE:
			if s.continuesRetryLoop(n) {
				s.retries = true
			}
		case token.GOTO:
			if s.mode == Unknown {
				s.retries = true
			}
		case token.BREAK:
			s.unsure = s.unsure || s.loops == 0 // leaves the loop: what follows decides
		}
	case *ast.ReturnStmt:
		if s.c.returnOutcome(n, s.ctx) == Retries {
			s.retries = true
		}
	case *ast.CallExpr:
		if s.c.callRetries(n, s.ctx, s.mode) {
			s.retries = true
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

// producedByCallIn reports whether v is assigned inside loop from a call:
// each iteration asks the API again.
func (c *Classifier) producedByCallIn(v *types.Var, loop ast.Stmt) bool {
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found {
			return !found
		}
		for i, lhs := range as.Lhs {
			id, ok := lhs.(*ast.Ident)
			if !ok || (c.Info.Defs[id] != v && c.Info.Uses[id] != v) {
				continue
			}
			rhs := as.Rhs[0]
			if len(as.Rhs) == len(as.Lhs) {
				rhs = as.Rhs[i]
			}
			if _, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
				found = true
			}
		}
		return true
	})
	return found
}

// callRetries reports whether a call retries: a driver, a function known
// to retry, a recursive call, or (in mode Unknown, any word; in mode Final,
// only a leading retry or requeue) a name that says so.
func (c *Classifier) callRetries(call *ast.CallExpr, ctx Context, mode Mode) bool {
	fn := typeutil.StaticCallee(c.Info, call)
	if fn == nil {
		if mode == Unknown {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				return namedLikeRetry(sel.Sel.Name, false) // an interface method: its name is all there is
			}
		}
		return false
	}
	fn = fn.Origin()
	switch {
	case DriverOf(fn) != OpNone:
		return true
	case c.IsRetryFunc != nil && c.IsRetryFunc(fn):
		return true
	case ctx.Func != nil && c.Reaches != nil && c.Reaches(fn, ctx.Func):
		return true
	}
	return namedLikeRetry(fn.Name(), mode == Final)
}

// returnOutcome judges a return statement by the driver operation it
// returns from, or, outside one, by whether it returns an error.
func (c *Classifier) returnOutcome(ret *ast.ReturnStmt, ctx Context) Outcome {
	n := len(ret.Results)
	if n == 0 {
		return Undecided
	}
	last := ast.Unparen(ret.Results[n-1])
	switch ctx.Op {
	case OpErrorRetries:
		switch {
		case isNil(c.Info, last):
			return Undecided
		case c.marker(last, permanentMarkers):
			return GivesUp
		case c.isErrorValue(last):
			return Retries
		}
	case OpErrorStops:
		switch {
		case isNil(c.Info, last):
			return Undecided
		case c.marker(last, retryableMarkers):
			return Retries
		case c.isErrorValue(last):
			return GivesUp
		}
	case OpCondition:
		if n == 2 && isNil(c.Info, last) && isBool(c.Info, ret.Results[0], false) {
			return Retries
		}
		if n == 2 && c.isErrorValue(last) {
			return GivesUp
		}
	case OpPolicy:
		if isBool(c.Info, ret.Results[0], true) {
			return Retries
		}
		if isBool(c.Info, ret.Results[0], false) {
			return GivesUp
		}
	default:
		if c.isErrorValue(last) {
			return GivesUp
		}
	}
	return Undecided
}

// isErrorValue reports whether e is certainly a non-nil error made here: a
// call of an error constructor, a marker, an error variable or a composite
// literal. A call of any other function may hand the outcome on: undecided.
func (c *Classifier) isErrorValue(e ast.Expr) bool {
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
		return fn != nil && (errorConstructors[FuncName(fn)] || permanentMarkers[FuncName(fn)] || retryableMarkers[FuncName(fn)])
	}
	return false
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

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

// exits reports whether a call ends the program or the goroutine.
func (c *Classifier) exits(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := c.Info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			return true
		}
	}
	fn := typeutil.StaticCallee(c.Info, call)
	if fn == nil {
		return false
	}
	name := FuncName(fn)
	if name == "os.Exit" || name == "runtime.Goexit" {
		return true
	}
	if isLogPackage(fn) {
		w := splitWords(fn.Name())
		return len(w) > 0 && (w[0] == "fatal" || w[0] == "panic")
	}
	return false
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
		if !isPrint && (!isLogPackage(fn) || c.exits(call)) {
			return false
		}
	}
	return true
}
