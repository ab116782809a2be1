package carrier

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/errcodevet/errcodevet/catalog"
)

// Analyze finds the package's carrier-returning functions and the local
// variables whose every assignment is a carrier. It must be called once,
// before Table, with all of the package's files.
func (r *Resolver) Analyze(files []*ast.File) {
	r.files = files
	c := collector{info: r.info, assigns: make(map[*types.Var][]ast.Expr), ruled: make(map[*types.Var]bool)}
	var funcs []funcCandidate
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			c.ruleParams(fd.Recv)
			c.ruleParams(fd.Type.Params)
			c.ruleParams(fd.Type.Results)
			ast.Inspect(fd.Body, c.visit)
			if fc, ok := c.funcCandidate(fd); ok {
				funcs = append(funcs, fc)
			}
		}
	}
	// Carriers flow through assignments and returns. A variable or function
	// is solved when all it is given carries the same table; solving it can
	// solve those whose expressions mention it, and only those are looked
	// at again (a worklist: each is solved at most once, so the cost stays
	// linear even along long chains of assignments or calls).
	exprs := make(map[types.Object][]ast.Expr)
	for v, rhs := range c.assigns {
		if !c.ruled[v] {
			exprs[v] = rhs
		}
	}
	for _, fc := range funcs {
		exprs[fc.fn] = fc.results
	}
	dependents := make(map[types.Object][]types.Object)
	for obj, list := range exprs {
		for _, e := range list {
			ast.Inspect(e, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					dep := r.info.Uses[id]
					if fn, ok := dep.(*types.Func); ok {
						dep = fn.Origin()
					}
					if _, ok := exprs[dep]; ok {
						dependents[dep] = append(dependents[dep], obj)
					}
				}
				return true
			})
		}
	}
	queue := make([]types.Object, 0, len(exprs))
	for obj := range exprs {
		queue = append(queue, obj)
	}
	for len(queue) > 0 {
		obj := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if r.solved(obj) {
			continue
		}
		if t := r.allSame(exprs[obj]); t != nil {
			switch obj := obj.(type) {
			case *types.Var:
				r.locals[obj] = t
			case *types.Func:
				r.funcs[obj] = t
			}
			queue = append(queue, dependents[obj]...)
		}
	}
}

func (r *Resolver) solved(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Var:
		return r.locals[obj] != nil
	case *types.Func:
		return r.funcs[obj] != nil
	}
	return true
}

// Funcs returns the package's functions that return a carrier.
func (r *Resolver) Funcs() map[*types.Func]*catalog.Table { return r.funcs }

// allSame returns the table all exprs carry, or nil if one carries none or
// they disagree. A zero constant (0, "") among them is no code at all, as
// the zero value a variable declared without one starts with: a helper
// that answers 0 when there is no answer (return 0 on a nil error) still
// returns codes. Any other constant makes a value of its own.
func (r *Resolver) allSame(exprs []ast.Expr) *catalog.Table {
	var t *catalog.Table
	zeros := false
	for _, e := range exprs {
		if r.isZeroConstant(e) {
			zeros = true
			continue
		}
		et := r.Table(e)
		if et == nil || t != nil && et != t {
			return nil
		}
		t = et
	}
	if zeros && t != nil && t.Kind != kindOfZero(r, exprs) {
		return nil
	}
	return t
}

// isZeroConstant reports whether e is a constant 0 or "".
func (r *Resolver) isZeroConstant(e ast.Expr) bool {
	tv, ok := r.info.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.Int:
		return constant.Sign(tv.Value) == 0
	case constant.String:
		return constant.StringVal(tv.Value) == ""
	}
	return false
}

// kindOfZero returns the table kind the zero constants among exprs have
// (all of one kind, as they share the variable's or result's type).
func kindOfZero(r *Resolver, exprs []ast.Expr) catalog.Kind {
	for _, e := range exprs {
		if r.isZeroConstant(e) {
			if r.info.Types[e].Value.Kind() == constant.String {
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
	assigns map[*types.Var][]ast.Expr
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

func (c *collector) assign(lhs, rhs ast.Expr) {
	if v := c.local(lhs); v != nil {
		c.assigns[v] = append(c.assigns[v], rhs)
	}
}

func (c *collector) rule(e ast.Expr) {
	if v := c.local(e); v != nil {
		c.ruled[v] = true
	}
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
		case len(n.Lhs) == len(n.Rhs):
			for i := range n.Lhs {
				c.assign(n.Lhs[i], n.Rhs[i])
			}
		case len(n.Rhs) == 1 && len(n.Lhs) == 2 && commaOK(n.Rhs[0]):
			c.assign(n.Lhs[0], n.Rhs[0]) // v, ok := m["errcode"].(float64)
			c.rule(n.Lhs[1])
		default:
			for _, l := range n.Lhs {
				c.rule(l) // a, b := f()
			}
		}
	case *ast.ValueSpec:
		if len(n.Values) == len(n.Names) {
			for i := range n.Names {
				c.assign(n.Names[i], n.Values[i])
			}
		} else if len(n.Values) > 0 {
			for _, name := range n.Names {
				c.rule(name) // var a, b = f()
			}
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
	results []ast.Expr
}

// funcCandidate returns a function with a single result of a type that can
// hold a code, and the expressions it returns (not counting those of nested
// function literals). A bare return of a named result rules it out.
func (c *collector) funcCandidate(fd *ast.FuncDecl) (funcCandidate, bool) {
	fn, ok := c.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return funcCandidate{}, false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Results().Len() != 1 || !codeType(sig.Results().At(0).Type()) {
		return funcCandidate{}, false
	}
	fc := funcCandidate{fn: fn}
	ok = true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != 1 {
				ok = false
			} else {
				fc.results = append(fc.results, n.Results[0])
			}
		}
		return ok
	})
	return fc, ok && len(fc.results) > 0
}

// codeType reports whether t can hold a code: a numeric or string type.
func codeType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsInteger|types.IsFloat|types.IsString) != 0
}
