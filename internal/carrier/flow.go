package carrier

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/errcodevet/errcodevet/catalog"
)

// Analyze finds the package's carrier-returning functions, result by
// result, and the local variables whose every assignment is a carrier. It
// must be called once, before Table, with all of the package's files.
func (r *Resolver) Analyze(files []*ast.File) {
	r.files = files
	c := collector{info: r.info, assigns: make(map[*types.Var][]value), ruled: make(map[*types.Var]bool)}
	var funcs []funcCandidate
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			c.ruleParams(fd.Recv)
			c.ruleParams(fd.Type.Params)
			// Named results are locals: what the body assigns them is
			// what a return of them gives (code = resp.ErrCode; return
			// code, nil). A bare return rules the function out
			// (funcCandidate).
			ast.Inspect(fd.Body, c.visit)
			c.namedResults(fd)
			if fc, ok := c.funcCandidate(fd); ok {
				funcs = append(funcs, fc)
			}
		}
	}
	// Carriers flow through assignments and returns. A variable or a
	// function's result is solved when all it is given carries the same
	// table; solving it can solve those whose values mention it, and only
	// those are looked at again (a worklist: each is solved at most once,
	// so the cost stays linear even along long chains of assignments or
	// calls). A node is a local (*types.Var) or a function's result
	// (funcResult).
	values := make(map[any][]value)
	for v, vals := range c.assigns {
		if !c.ruled[v] {
			values[v] = vals
		}
	}
	candidates := make(map[*types.Func]bool)
	for _, fc := range funcs {
		candidates[fc.fn] = true
		for i, vals := range fc.results {
			if vals != nil {
				values[funcResult{fc.fn, i}] = vals
			}
		}
	}
	// dependents: who to look at again when a local, or any result of a
	// function, is solved.
	dependents := make(map[types.Object][]any)
	for node, list := range values {
		for _, val := range list {
			ast.Inspect(val.expr, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					dep := r.info.Uses[id]
					if fn, ok := dep.(*types.Func); ok {
						dep = fn.Origin()
						if candidates[fn.Origin()] {
							dependents[dep] = append(dependents[dep], node)
						}
					} else if v, ok := dep.(*types.Var); ok && values[v] != nil {
						dependents[dep] = append(dependents[dep], node)
					}
				}
				return true
			})
		}
	}
	queue := make([]any, 0, len(values))
	for node := range values {
		queue = append(queue, node)
	}
	for len(queue) > 0 {
		node := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		switch node := node.(type) {
		case funcResult:
			if r.results[node.fn] != nil && r.results[node.fn][node.index] != nil {
				continue
			}
			t := r.allSame(values[node])
			if t == nil {
				continue
			}
			if r.results[node.fn] == nil {
				r.results[node.fn] = make([]*catalog.Table, node.fn.Type().(*types.Signature).Results().Len())
			}
			r.results[node.fn][node.index] = t
			queue = append(queue, dependents[node.fn]...)
		case *types.Var:
			if r.locals[node] != nil {
				continue
			}
			t := r.allSame(values[node])
			if t == nil {
				continue
			}
			r.locals[node] = t
			queue = append(queue, dependents[node]...)
		}
	}
}

// funcResult is a function's result, by its position.
type funcResult struct {
	fn    *types.Func
	index int
}

// Results returns the package's functions that return a carrier: for
// each, the table each result carries (nil for a result that carries
// none).
func (r *Resolver) Results() map[*types.Func][]*catalog.Table { return r.results }

// value is what a variable is given or a function returns: an
// expression, or one result of a call of several results (code, err :=
// call()).
type value struct {
	expr  ast.Expr
	index int // the result of call expr, or -1 for expr itself
}

func single(e ast.Expr) value { return value{e, -1} }

// table returns the table a value carries, or nil.
func (r *Resolver) table(v value) *catalog.Table {
	if v.index < 0 {
		return r.Table(v.expr)
	}
	return r.resultTable(v.expr.(*ast.CallExpr), v.index)
}

// allSame returns the table all exprs carry, or nil if one carries none or
// they disagree. A zero constant (0, "") among them is no code at all, as
// the zero value a variable declared without one starts with: a helper
// that answers 0 when there is no answer (return 0 on a nil error) still
// returns codes. Any other constant makes a value of its own.
func (r *Resolver) allSame(vals []value) *catalog.Table {
	var t *catalog.Table
	zeros := false
	for _, v := range vals {
		if v.index < 0 && r.isZeroConstant(v.expr) {
			zeros = true
			continue
		}
		et := r.table(v)
		if et == nil || t != nil && et != t {
			return nil
		}
		t = et
	}
	if zeros && t != nil && t.Kind != kindOfZero(r, vals) {
		return nil
	}
	return t
}

// isZeroConstant reports whether e is a constant 0 (of any numeric type)
// or "".
func (r *Resolver) isZeroConstant(e ast.Expr) bool {
	tv, ok := r.info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.Int, constant.Float: // 0 as a float64 errcode is a Float
		return constant.Sign(tv.Value) == 0
	case constant.String:
		return constant.StringVal(tv.Value) == ""
	}
	return false
}

// kindOfZero returns the table kind the zero constants among vals have
// (all of one kind, as they share the variable's or result's type).
func kindOfZero(r *Resolver, vals []value) catalog.Kind {
	for _, v := range vals {
		if v.index < 0 && r.isZeroConstant(v.expr) {
			if r.info.Types[v.expr].Value.Kind() == constant.String {
				return catalog.KindString
			}
			return catalog.KindInt
		}
	}
	return catalog.KindInt
}

// collector records the values assigned to function-local variables and the
// variables that can change in ways it cannot follow (ruled out).
type collector struct {
	info    *types.Info
	assigns map[*types.Var][]value
	ruled   map[*types.Var]bool
}

// local returns the variable an expression names if it is a candidate: a
// variable of a type that can hold a code.
func (c *collector) local(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	obj := c.info.Defs[id]
	if obj == nil {
		obj = c.info.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

func (c *collector) assign(lhs ast.Expr, val value) {
	if v := c.local(lhs); v != nil {
		c.assigns[v] = append(c.assigns[v], val)
	}
}

// assignAll records lhs = rhs for an assignment or declaration, or rules
// the variables out when their values cannot be followed.
func (c *collector) assignAll(lhs, rhs []ast.Expr) {
	switch {
	case len(lhs) == len(rhs):
		for i := range lhs {
			c.assign(lhs[i], single(rhs[i]))
		}
	case len(rhs) == 1 && len(lhs) == 2 && commaOK(rhs[0]):
		c.assign(lhs[0], single(rhs[0])) // v, ok := m["errcode"].(float64)
		c.rule(lhs[1])
	case len(rhs) == 1 && c.tuple(rhs[0], len(lhs)):
		for i := range lhs {
			c.assign(lhs[i], value{ast.Unparen(rhs[0]), i}) // code, err := call()
		}
	default:
		for _, l := range lhs {
			c.rule(l)
		}
	}
}

// tuple reports whether e is a call of n results.
func (c *collector) tuple(e ast.Expr, n int) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	t, ok := c.info.TypeOf(call).(*types.Tuple)
	return ok && t.Len() == n
}

func (c *collector) rule(e ast.Expr) {
	if v := c.local(e); v != nil {
		c.ruled[v] = true
	}
}

// namedResults records what each return of fd gives its named results: a
// return assigns them (deferred calls see it), as the body's own
// assignments do. Returning a named result itself adds nothing.
func (c *collector) namedResults(fd *ast.FuncDecl) {
	if fd.Type.Results == nil {
		return
	}
	var names []*ast.Ident
	for _, f := range fd.Type.Results.List {
		if len(f.Names) == 0 {
			return
		}
		names = append(names, f.Names...)
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) == len(names):
				for i, e := range n.Results {
					if id, ok := ast.Unparen(e).(*ast.Ident); ok && c.info.Uses[id] != nil && c.info.Uses[id] == c.info.Defs[names[i]] {
						continue
					}
					c.assign(names[i], single(e))
				}
			case len(n.Results) == 1 && len(names) > 1:
				if call, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr); ok {
					for i := range names {
						c.assign(names[i], value{call, i})
					}
				}
			}
		}
		return true
	})
}

// ruleParams rules out parameters and results: callers set them.
func (c *collector) ruleParams(fields *ast.FieldList) {
	if fields == nil {
		return
	}
	for _, f := range fields.List {
		for _, name := range f.Names {
			c.rule(name)
		}
	}
}

func (c *collector) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.FuncLit:
		c.ruleParams(n.Type.Params)
		c.ruleParams(n.Type.Results)
	case *ast.AssignStmt:
		switch {
		case n.Tok != token.DEFINE && n.Tok != token.ASSIGN:
			for _, l := range n.Lhs {
				c.rule(l) // x += 1
			}
		default:
			c.assignAll(n.Lhs, n.Rhs)
		}
	case *ast.ValueSpec:
		if len(n.Values) > 0 {
			names := make([]ast.Expr, len(n.Names))
			for i, name := range n.Names {
				names[i] = name
			}
			c.assignAll(names, n.Values)
		}
		// var code int: the zero value is no code, as a zero constant
		// assigned is (allSame); what is assigned later decides.
	case *ast.IncDecStmt:
		c.rule(n.X)
	case *ast.RangeStmt:
		if n.Key != nil {
			c.rule(n.Key)
		}
		if n.Value != nil {
			c.rule(n.Value)
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			c.rule(n.X) // &code: writes through the pointer go unseen
		}
	case *ast.SelectorExpr:
		// code.Set(x) with a pointer receiver takes code's address implicitly.
		if s, ok := c.info.Selections[n]; ok && s.Kind() == types.MethodVal {
			if sig, ok := s.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
				if _, ptr := sig.Recv().Type().(*types.Pointer); ptr {
					c.rule(n.X)
				}
			}
		}
	}
	return true
}

func commaOK(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.TypeAssertExpr, *ast.IndexExpr:
		return true
	case *ast.UnaryExpr:
		return e.Op == token.ARROW
	}
	return false
}

type funcCandidate struct {
	fn      *types.Func
	results [][]value // by result: what each return gives it; nil for a result that cannot hold a code
}

// funcCandidate returns a function with a result of a type that can hold
// a code, and what each return statement gives each such result (not
// counting those of nested function literals): an expression, or a result
// of the call it returns (return call()). A bare return of named results
// rules the function out: what they hold is not followed.
func (c *collector) funcCandidate(fd *ast.FuncDecl) (funcCandidate, bool) {
	fn, ok := c.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return funcCandidate{}, false
	}
	results := fn.Type().(*types.Signature).Results()
	fc := funcCandidate{fn: fn, results: make([][]value, results.Len())}
	any := false
	for i := range results.Len() {
		if codeType(results.At(i).Type()) {
			fc.results[i] = []value{}
			any = true
		}
	}
	if !any {
		return funcCandidate{}, false
	}
	ok = true
	returns := 0
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns++
			switch {
			case len(n.Results) == results.Len():
				for i, e := range n.Results {
					if fc.results[i] != nil {
						fc.results[i] = append(fc.results[i], single(e))
					}
				}
			case len(n.Results) == 1 && results.Len() > 1:
				call, isCall := ast.Unparen(n.Results[0]).(*ast.CallExpr) // return call()
				if !isCall {
					ok = false
					break
				}
				for i := range fc.results {
					if fc.results[i] != nil {
						fc.results[i] = append(fc.results[i], value{call, i})
					}
				}
			default:
				ok = false // a bare return
			}
		}
		return ok
	})
	return fc, ok && returns > 0
}

// codeType reports whether t can hold a code: a numeric or string type.
func codeType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsInteger|types.IsFloat|types.IsString) != 0
}
