package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

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
