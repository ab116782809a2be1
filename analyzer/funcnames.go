package analyzer

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"github.com/errcodevet/errcodevet/internal/retry"
)

// checkFuncNames returns an error for an entry of retry-funcs or
// give-up-funcs that the analyzed package shows to name nothing: its
// package is pkg or one pkg imports, and holds no such function or method
// (a typo, a method since renamed), or the entry's "path" is no loaded
// package's but the name of one that holds it (orders.Store.MarkFailed for
// example.com/shop/orders.Store.MarkFailed). Such an entry would silently
// turn its findings off. An entry whose package this one does not see is
// left to the packages that do.
func (s *settings) checkFuncNames(pkg *types.Package) error {
	if len(s.cfg.RetryFuncs) == 0 && len(s.cfg.GiveUpFuncs) == 0 {
		return nil
	}
	for _, list := range [...]struct {
		setting, what string
		names         []string
	}{
		{"retry-funcs", "retry function", s.cfg.RetryFuncs},
		{"give-up-funcs", "give-up function", s.cfg.GiveUpFuncs},
	} {
		for _, name := range list.names {
			problem := funcNameProblem(pkg, name)
			if problem == "" {
				continue
			}
			msg := fmt.Sprintf("%s %s names nothing: %s", list.what, name, problem)
			if s.file != nil {
				if key, ok := s.fileItems[list.setting+"\x00"+name]; ok {
					return s.file.Errorf(key, "%s", msg)
				}
			}
			return fmt.Errorf("%s: %s", list.setting, msg)
		}
	}
	return nil
}

// funcNameProblem says why name (import/path.Func or
// import/path.Type.Method, checked by validFuncPath) names no function of
// pkg or of a package pkg imports, or returns "" when it does, or when
// those packages do not tell.
func funcNameProblem(pkg *types.Package, name string) string {
	slash := strings.LastIndex(name, "/")
	parts := strings.Split(name[slash+1:], ".")
	path := name[:slash+1] + parts[0]
	if target := importedAs(pkg, path); target != nil {
		problem, _ := memberProblem(target, target == pkg, parts[1:], name)
		return problem
	}
	if slash >= 0 || loaded(pkg, path) {
		return ""
	}
	// No loaded package has the path: a package's name written for its
	// path (orders.Store.MarkFailed), or no path at all
	// (Store.MarkFailed)?
	for _, p := range append([]*types.Package{pkg}, pkg.Imports()...) {
		full := ""
		switch {
		case p.Name() == path:
			full = p.Path() + name[len(path):]
		case len(parts) == 2:
			full = p.Path() + "." + name
		default:
			continue
		}
		if problem, judged := memberProblem(p, p == pkg, strings.Split(full[len(p.Path())+1:], "."), full); judged && problem == "" {
			return fmt.Sprintf("no package has the import path %s; the function is %s", path, full)
		}
	}
	return ""
}

// importedAs returns pkg, or the package pkg imports, whose path is path.
func importedAs(pkg *types.Package, path string) *types.Package {
	if pkg.Path() == path {
		return pkg
	}
	for _, p := range pkg.Imports() {
		if p.Path() == path {
			return p
		}
	}
	return nil
}

// loaded reports whether pkg depends on a package with the given path.
func loaded(pkg *types.Package, path string) bool {
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package) bool
	visit = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		if p.Path() == path {
			return true
		}
		for _, q := range p.Imports() {
			if visit(q) {
				return true
			}
		}
		return false
	}
	return visit(pkg)
}

// memberProblem says why names (Func, or Type and Method) name no function
// of p, as FuncName spells it, or returns "" when they do. Of an imported
// package, an unexported name is not judged: its export data need not hold
// it.
func memberProblem(p *types.Package, own bool, names []string, full string) (problem string, judged bool) {
	if !own {
		for _, n := range names {
			if !token.IsExported(n) {
				return "", false
			}
		}
	}
	return memberOf(p, names, full), true
}

func memberOf(p *types.Package, names []string, full string) string {
	obj := p.Scope().Lookup(names[0])
	if len(names) == 1 {
		switch obj.(type) {
		case *types.Func:
			return ""
		case nil:
			return fmt.Sprintf("package %s has no function %s", p.Path(), names[0])
		}
		return fmt.Sprintf("%s.%s is not a function", p.Path(), names[0])
	}
	tn, ok := obj.(*types.TypeName)
	if !ok {
		return fmt.Sprintf("package %s has no type %s", p.Path(), names[0])
	}
	t := tn.Type()
	if !types.IsInterface(t) {
		t = types.NewPointer(t)
	}
	m, _, _ := types.LookupFieldOrMethod(t, true, p, names[1])
	fn, ok := m.(*types.Func)
	if !ok {
		return fmt.Sprintf("type %s.%s has no method %s", p.Path(), names[0], names[1])
	}
	if spelled := retry.FuncName(fn.Origin()); spelled != full {
		return fmt.Sprintf("the method is %s (declared on another type, embedded or aliased): name it so", spelled)
	}
	return ""
}
