package retry

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Ops finds the function literals in body that retry drivers run as
// operations (passed directly, or through a local variable) and those that
// serve as retry policies.
func Ops(info *types.Info, body *ast.BlockStmt) map[*ast.FuncLit]OpKind {
	ops := make(map[*ast.FuncLit]OpKind)
	litOf := make(map[*types.Var]*ast.FuncLit) // op := func() error {...}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, rhs := range n.Rhs {
				lit, ok := ast.Unparen(rhs).(*ast.FuncLit)
				if !ok || len(n.Lhs) != len(n.Rhs) {
					continue
				}
				if isPolicy(info.TypeOf(n.Lhs[i])) {
					ops[lit] = OpPolicy
				}
				if id, ok := n.Lhs[i].(*ast.Ident); ok {
					if v, ok := info.ObjectOf(id).(*types.Var); ok {
						litOf[v] = lit
					}
				}
			}
		case *ast.KeyValueExpr:
			if lit, ok := ast.Unparen(n.Value).(*ast.FuncLit); ok {
				if id, ok := n.Key.(*ast.Ident); ok {
					if f, ok := info.Uses[id].(*types.Var); ok && isPolicy(f.Type()) {
						ops[lit] = OpPolicy
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
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && isPolicy(tv.Type) && len(call.Args) == 1 {
			if lit, ok := ast.Unparen(call.Args[0]).(*ast.FuncLit); ok {
				ops[lit] = OpPolicy // retryablehttp.CheckRetry(func(...) {...})
			}
			return true
		}
		fn := typeutil.StaticCallee(info, call)
		if fn == nil {
			return true
		}
		kind := DriverOf(fn.Origin())
		if kind == OpNone {
			return true
		}
		for _, arg := range call.Args {
			switch a := ast.Unparen(arg).(type) {
			case *ast.FuncLit:
				ops[a] = kind
			case *ast.Ident:
				if v, ok := info.Uses[a].(*types.Var); ok && litOf[v] != nil {
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
	return ok && n.Obj().Pkg() != nil && policyTypes[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
}
