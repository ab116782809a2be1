package retry

import (
	"cmp"
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"
)

// RetriesFact is the fact that a function retries what it does: it calls a
// retry driver or a function that retries, or loops with a pause
// (time.Sleep, time.After, a ticker). A call of it in a branch is a retry.
type RetriesFact struct{}

func (*RetriesFact) AFact() {}

func (*RetriesFact) String() string { return "retries" }

// Funcs knows which functions retry, as seen from one package: its own,
// found in its source, and those of other packages, known by driver, by
// configuration or by fact. It holds the package's static call graph, for
// recursion.
type Funcs struct {
	pkg        *types.Package
	configured map[string]bool // by FuncName
	imported   func(*types.Func) bool
	retrying   map[*types.Func]bool          // the package's functions that retry
	calls      map[*types.Func][]*types.Func // the package's static calls
}

// FindFuncs finds the functions of a package that retry. configured names
// further functions that retry (FuncName's form); imported reports whether
// a function of another package retries, from its RetriesFact.
func FindFuncs(pkg *types.Package, info *types.Info, files []*ast.File, configured map[string]bool, imported func(*types.Func) bool) *Funcs {
	f := &Funcs{
		pkg:        pkg,
		configured: configured,
		imported:   imported,
		retrying:   make(map[*types.Func]bool),
		calls:      make(map[*types.Func][]*types.Func),
	}
	for _, file := range files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			pauses := false
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if callee := typeutil.StaticCallee(info, call); callee != nil {
						callee = callee.Origin()
						f.calls[fn] = append(f.calls[fn], callee)
						if f.known(callee) {
							f.retrying[fn] = true
						}
						pauses = pauses || pause(callee)
					}
				}
				return true
			})
			if pauses && pausesInLoop(info, fd.Body) {
				f.retrying[fn] = true // a loop that waits between calls polls
			}
		}
	}
	// Retrying spreads from callee to caller. A worklist over the reversed
	// call graph marks each function once: rescanning every function until
	// nothing changed was quadratic along chains of calls.
	callers := make(map[*types.Func][]*types.Func)
	for fn, callees := range f.calls {
		for _, c := range callees {
			callers[c] = append(callers[c], fn)
		}
	}
	var queue []*types.Func
	for fn, retries := range f.retrying {
		if retries {
			queue = append(queue, fn)
		}
	}
	for len(queue) > 0 {
		c := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for _, fn := range callers[c] {
			if !f.retrying[fn] {
				f.retrying[fn] = true
				queue = append(queue, fn)
			}
		}
	}
	return f
}

// known reports whether fn retries by what is known beyond the package's
// source: a driver, the configuration, or a fact.
func (f *Funcs) known(fn *types.Func) bool {
	if DriverOf(fn) != OpNone || f.configured[FuncName(fn)] {
		return true
	}
	return fn.Pkg() != f.pkg && fn.Pkg() != nil && f.imported != nil && f.imported(fn)
}

// Retries reports whether a call of fn retries.
func (f *Funcs) Retries(fn *types.Func) bool { return f.retrying[fn] || f.known(fn) }

// Own returns the package's own functions that retry, in source order:
// those its importers learn of through RetriesFact.
func (f *Funcs) Own() []*types.Func {
	var out []*types.Func
	for fn, retries := range f.retrying {
		if retries && fn.Pkg() == f.pkg {
			out = append(out, fn)
		}
	}
	slices.SortFunc(out, func(a, b *types.Func) int { return cmp.Compare(a.Pos(), b.Pos()) })
	return out
}

// Reaches reports whether callee may call fn, through the package's calls.
func (f *Funcs) Reaches(callee, fn *types.Func) bool {
	seen := make(map[*types.Func]bool)
	var walk func(g *types.Func) bool
	walk = func(g *types.Func) bool {
		if g == fn {
			return true
		}
		if seen[g] {
			return false
		}
		seen[g] = true
		for _, c := range f.calls[g] {
			if walk(c) {
				return true
			}
		}
		return false
	}
	return walk(callee)
}

func pause(fn *types.Func) bool {
	switch FuncName(fn) {
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
