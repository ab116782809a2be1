package carrier

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/errcodevet/errcodevet/catalog"
)

// ReturnsCarrier is the fact that a function or method returns a carrier of
// the named family's code or status table.
type ReturnsCarrier struct {
	Family string
	Role   catalog.Role
}

func (*ReturnsCarrier) AFact() {}

func (f *ReturnsCarrier) String() string { return fmt.Sprintf("returns %s %s", f.Family, f.Role) }

// ExposesCarriers is the fact that a package can hand its importers a
// carrier: it declares a carrier field or type, imports a package that
// exposes one, or has a function that returns a carrier. Only such packages,
// and those importing them, can compare against a carrier field or function
// of another package, so the rest are skipped at the cost of a look at
// imports.
type ExposesCarriers struct{}

func (*ExposesCarriers) AFact() {}

func (*ExposesCarriers) String() string { return "exposes carriers" }

// Declares reports whether a package's own declarations can hold a carrier:
// a struct field with a carrier json tag, or a field or type the catalog
// lists by path. It looks at the types of the package's declared objects
// only, not at its syntax, and does not descend into other packages' named
// types: their packages' ExposesCarriers facts answer for them.
func (idx *Index) Declares(pkg *types.Package, info *types.Info) bool {
	if idx.paths[pkg.Path()] {
		return true
	}
	w := walker{idx: idx, pkg: pkg, seen: make(map[types.Type]bool)}
	for _, obj := range info.Defs {
		if obj != nil && w.holds(obj.Type()) {
			return true
		}
	}
	return false
}

// UsesLooseMaps reports whether, when map keys carry codes, the package
// declares or uses a loosely decoded JSON map (a map from strings to
// interfaces): a variable, field or type of that type, or a function
// returning one. Such maps come from anywhere (json.Unmarshal into a local),
// so they are looked for in each package rather than passed on by facts.
func (idx *Index) UsesLooseMaps(info *types.Info) bool {
	if len(idx.mapKeys) == 0 {
		return false
	}
	for _, objs := range []map[*ast.Ident]types.Object{info.Defs, info.Uses} {
		for _, obj := range objs {
			if obj != nil && holdsLooseMap(obj) {
				return true
			}
		}
	}
	return false
}

func holdsLooseMap(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Var, *types.TypeName:
		return IsLooseMap(obj.Type())
	case *types.Func:
		res := obj.Type().(*types.Signature).Results()
		for i := range res.Len() {
			if IsLooseMap(res.At(i).Type()) {
				return true
			}
		}
	}
	return false
}

// IsLooseMap reports whether t is a map from strings to interfaces, as
// json.Unmarshal decodes an object into.
func IsLooseMap(t types.Type) bool {
	m, ok := t.Underlying().(*types.Map)
	if !ok || !types.IsInterface(m.Elem()) {
		return false
	}
	k, ok := m.Key().Underlying().(*types.Basic)
	return ok && k.Info()&types.IsString != 0
}

type walker struct {
	idx  *Index
	pkg  *types.Package
	seen map[types.Type]bool
}

// holds reports whether a value of type t can contain a carrier.
func (w *walker) holds(t types.Type) bool {
	if t == nil || w.seen[t] {
		return false
	}
	w.seen[t] = true
	switch t := t.(type) {
	case *types.Alias:
		return w.holds(types.Unalias(t))
	case *types.Named:
		if obj := t.Obj(); obj.Pkg() != w.pkg {
			return false // another package's type: its fact answers
		}
		return w.holds(t.Underlying())
	case *types.Struct:
		for i := range t.NumFields() {
			if w.idx.json[JSONName(t.Tag(i))] != nil || w.holds(t.Field(i).Type()) {
				return true
			}
		}
	case *types.Pointer:
		return w.holds(t.Elem())
	case *types.Slice:
		return w.holds(t.Elem())
	case *types.Array:
		return w.holds(t.Elem())
	case *types.Chan:
		return w.holds(t.Elem())
	case *types.Map:
		return w.holds(t.Key()) || w.holds(t.Elem())
	case *types.Signature:
		return w.tuple(t.Params()) || w.tuple(t.Results())
	}
	return false
}

func (w *walker) tuple(t *types.Tuple) bool {
	for i := range t.Len() {
		if w.holds(t.At(i).Type()) {
			return true
		}
	}
	return false
}
