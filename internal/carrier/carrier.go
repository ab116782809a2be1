// Package carrier decides, from type information alone, which expressions
// hold a documented code: the carriers of the catalog's tables.
//
// An expression is a carrier when it is
//   - a struct field whose json tag name is one the catalog names (errcode,
//     resultCode, resultStatus), or a field or named type the catalog lists
//     by full path; through embedding, generic instances and pointers alike;
//   - a value read from a loosely decoded JSON map under a key the catalog
//     names (m["errcode"].(float64));
//   - a local variable whose every assignment is a carrier of the same table;
//   - a dereference of a pointer to a carrier, or a numeric or string
//     conversion of one;
//   - a call of a function or method that returns a carrier, or one result
//     of a call of several (code, err := call()): in the same package by
//     analysis of its body, in another through a fact.
//
// A field's name is never enough: ErrCode, ResultCode and Code are reused
// by APIs whose codes mean other things.
package carrier

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodevet/errcodevet/catalog"
)

// Resolver answers which table an expression carries, for one package.
type Resolver struct {
	pkg  *types.Package
	info *types.Info
	idx  *Index
	ev   *evidence // the package's client evidence, once computed (clients.go)
	own  *evidence // what its own code shows, without its imports' facts
	// clients looks up the ClientsFact of another package; nil for none.
	clients func(*types.Package) (ClientsFact, bool)

	locals  map[*types.Var]*catalog.Table    // function-local variables known to carry
	results map[*types.Func][]*catalog.Table // this package's carrier-returning functions, by result
	facts   func(fn *types.Func, result int) *catalog.Table
	holds   map[types.Type]bool // types known to hold a carrier, or not (Holds)

	files   []*ast.File           // the package's files, for Decoded
	parents map[ast.Node]ast.Node // parents of the nodes of functions Decoded looked at
}

// Index is the catalog's carriers indexed for lookup; build it once per
// analyzer configuration and share it between packages.
type Index struct {
	json    map[string]*choice // several families may share one (clients.go)
	fields  map[string]*catalog.Table
	types   map[string]*catalog.Table
	mapKeys map[string]*choice
	paths   map[string]bool // packages declaring a field or type carrier
	tables  map[tableKey]*catalog.Table
	family  map[*catalog.Table]string
	keys    *Keys
	clients []familyClients // the families that name their clients, in load order
	others  catalog.Clients // clients of vendors no family describes
}

type tableKey struct {
	family string
	role   catalog.Role
}

// NewIndex indexes the carriers of every table in cat; the catalog
// guarantees that no two tables name the same carrier, except json tags and
// map keys of families that name their clients (clients.go).
func NewIndex(cat *catalog.Catalog) *Index {
	idx := &Index{
		json:    make(map[string]*choice),
		fields:  make(map[string]*catalog.Table),
		types:   make(map[string]*catalog.Table),
		mapKeys: make(map[string]*choice),
		paths:   make(map[string]bool),
		tables:  make(map[tableKey]*catalog.Table),
		family:  make(map[*catalog.Table]string),
	}
	put := func(m map[string]*catalog.Table, key string, t *catalog.Table) {
		if m[key] == nil {
			m[key] = t
		}
	}
	for _, fam := range cat.Families() {
		if !fam.Clients.Empty() {
			idx.clients = append(idx.clients, familyClients{fam.Name, fam.Clients})
		}
		idx.others.Imports = append(idx.others.Imports, fam.Others.Imports...)
		idx.others.Hosts = append(idx.others.Hosts, fam.Others.Hosts...)
		idx.others.Packages = append(idx.others.Packages, fam.Others.Packages...)
		for _, t := range fam.Tables() {
			idx.tables[tableKey{fam.Name, t.Role}] = t
			idx.family[t] = fam.Name
			for _, k := range t.Carriers.JSON {
				addChoice(idx.json, k, fam.Name, t)
			}
			for _, k := range t.Carriers.MapKeys {
				addChoice(idx.mapKeys, k, fam.Name, t)
			}
			for _, p := range t.Carriers.Fields {
				put(idx.fields, p, t)
				idx.paths[pkgOfPath(p, 2)] = true
			}
			for _, p := range t.Carriers.Types {
				put(idx.types, p, t)
				idx.paths[pkgOfPath(p, 1)] = true
			}
		}
	}
	idx.joinChoices(idx.json)
	idx.joinChoices(idx.mapKeys)
	idx.keys = idx.makeKeys()
	return idx
}

// Table returns the table of a family and role, as facts name them.
func (idx *Index) Table(family string, role catalog.Role) *catalog.Table {
	return idx.tables[tableKey{family, role}]
}

// Family returns the name of the family a table belongs to.
func (idx *Index) Family(t *catalog.Table) string { return idx.family[t] }

// DeclaresCarrierPaths reports whether the catalog names a field or type of
// the package with this import path.
func (idx *Index) DeclaresCarrierPaths(path string) bool { return idx.paths[path] }

// HasMapKeys reports whether any table is carried by map keys.
func (idx *Index) HasMapKeys() bool { return len(idx.mapKeys) > 0 }

// pkgOfPath returns the import path of "import/path.Name[.Field]" with the
// given number of names after the path.
func pkgOfPath(p string, names int) string {
	slash := strings.LastIndex(p, "/")
	rest := p[slash+1:]
	for range names {
		if i := strings.LastIndex(rest, "."); i >= 0 {
			rest = rest[:i]
		}
	}
	return p[:slash+1] + rest
}

// NewResolver returns a resolver for a package. facts looks up the table
// a result of another package's function carries; it may be nil.
func NewResolver(pkg *types.Package, info *types.Info, idx *Index, facts func(fn *types.Func, result int) *catalog.Table) *Resolver {
	return &Resolver{
		pkg:     pkg,
		info:    info,
		idx:     idx,
		locals:  make(map[*types.Var]*catalog.Table),
		results: make(map[*types.Func][]*catalog.Table),
		facts:   facts,

		parents: make(map[ast.Node]ast.Node),
	}
}

// Table returns the table whose values e holds, or nil.
func (r *Resolver) Table(e ast.Expr) *catalog.Table {
	if t := r.namedType(r.info.TypeOf(e)); t != nil {
		return t
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return r.Table(e.X)
	case *ast.StarExpr:
		return r.Table(e.X)
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return r.Table(e.X)
		}
	case *ast.Ident:
		if v, ok := r.info.Uses[e].(*types.Var); ok {
			return r.locals[v]
		}
	case *ast.SelectorExpr:
		return r.field(e)
	case *ast.TypeAssertExpr:
		return r.Table(e.X) // m["errcode"].(float64)
	case *ast.IndexExpr:
		return r.mapValue(e)
	case *ast.CallExpr:
		return r.call(e)
	}
	return nil
}

// namedType returns the table of a named type the catalog lists, if t is one
// (or a pointer to one).
func (r *Resolver) namedType(t types.Type) *catalog.Table {
	if len(r.idx.types) == 0 || t == nil {
		return nil
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		obj := n.Origin().Obj()
		if obj.Pkg() != nil {
			return r.idx.types[obj.Pkg().Path()+"."+obj.Name()]
		}
	}
	return nil
}

// field returns the table of a selected struct field, from its json tag or
// its full path, following the selection through embedded fields.
func (r *Resolver) field(sel *ast.SelectorExpr) *catalog.Table {
	s, ok := r.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return nil
	}
	t := s.Recv()
	idx := s.Index()
	for i, fi := range idx {
		st, owner := structOf(t)
		if st == nil || fi >= st.NumFields() {
			return nil
		}
		f := st.Field(fi)
		if i == len(idx)-1 {
			return r.fieldTable(owner, f, st.Tag(fi))
		}
		t = f.Type()
	}
	return nil
}

// FieldTable returns the table of a struct field given its tag and, when it
// belongs to a named struct type, that type.
func (r *Resolver) fieldTable(owner *types.TypeName, f *types.Var, tag string) *catalog.Table {
	if name := JSONName(tag); name != "" {
		if c := r.idx.json[name]; c != nil {
			var decl *types.Package
			if owner != nil {
				decl = owner.Pkg()
			}
			if t := r.choose(c, decl); t != nil {
				return t
			}
		}
	}
	if owner != nil && owner.Pkg() != nil && len(r.idx.fields) > 0 {
		return r.idx.fields[owner.Pkg().Path()+"."+owner.Name()+"."+f.Name()]
	}
	return nil
}

// JSONName returns the name part of a struct tag's json key.
func JSONName(tag string) string {
	name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
	return name
}

// structOf returns the struct underlying t (through one pointer) and the
// named type it belongs to, if any.
func structOf(t types.Type) (*types.Struct, *types.TypeName) {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	var owner *types.TypeName
	if n, ok := t.(*types.Named); ok {
		owner = n.Origin().Obj()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st, owner
}

// mapValue returns the table of m[key] for a map with string keys and
// interface values, indexed by a constant key the catalog names.
func (r *Resolver) mapValue(e ast.Expr) *catalog.Table {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	if !ok || len(r.idx.mapKeys) == 0 {
		return nil
	}
	if !IsLooseMap(r.info.TypeOf(ix.X)) {
		return nil
	}
	key := r.info.Types[ix.Index].Value
	if key == nil || key.Kind() != constant.String {
		return nil
	}
	if c := r.idx.mapKeys[constant.StringVal(key)]; c != nil {
		return r.choose(c, nil)
	}
	return nil
}

// call returns the table of a call's result: a conversion of a carrier that
// keeps its value, or a call of a carrier-returning function.
func (r *Resolver) call(call *ast.CallExpr) *catalog.Table {
	if tv, ok := r.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 && sameClass(tv.Type, r.info.TypeOf(call.Args[0])) {
			return r.Table(call.Args[0])
		}
		return nil
	}
	if _, several := r.info.TypeOf(call).(*types.Tuple); several {
		return nil // g(call()): each result is a value of its own
	}
	return r.resultTable(call, 0)
}

// resultTable returns the table a result of a call carries: the call of a
// function that returns a carrier in that result.
func (r *Resolver) resultTable(call *ast.CallExpr, result int) *catalog.Table {
	fn := Callee(r.info, call)
	if fn == nil {
		return nil
	}
	if ts, ok := r.results[fn]; ok {
		return ts[result]
	}
	if r.facts != nil && fn.Pkg() != nil && fn.Pkg() != r.pkg {
		return r.facts(fn, result)
	}
	return nil
}

// Callee returns the function or method a call statically calls (its
// generic origin for instances), or nil for dynamic calls.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	if fn := typeutil.StaticCallee(info, call); fn != nil {
		return fn.Origin()
	}
	return nil
}

// sameClass reports whether a conversion from src to dst keeps a code's
// value: numeric to numeric, or string to string.
func sameClass(dst, src types.Type) bool {
	d, ok1 := dst.Underlying().(*types.Basic)
	s, ok2 := src.Underlying().(*types.Basic)
	if !ok1 || !ok2 {
		return false
	}
	num := types.IsInteger | types.IsFloat
	return d.Info()&num != 0 && s.Info()&num != 0 || d.Info()&types.IsString != 0 && s.Info()&types.IsString != 0
}

// IsLooseMap reports whether t is a map from strings to interfaces: a
// loosely decoded JSON object.
func IsLooseMap(t types.Type) bool {
	m, ok := t.Underlying().(*types.Map)
	if !ok || !types.IsInterface(m.Elem()) {
		return false
	}
	k, ok := m.Key().Underlying().(*types.Basic)
	return ok && k.Info()&types.IsString != 0
}
