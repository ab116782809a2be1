package carrier

import (
	"fmt"
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

// ExposesCarriers is the fact that a package declares a carrier or imports
// a package that does: only such packages, and those importing them, can
// hold a carrier, so the rest are skipped at the cost of a look at imports.
type ExposesCarriers struct{}

func (*ExposesCarriers) AFact() {}

func (*ExposesCarriers) String() string { return "exposes carriers" }

// Declares reports whether a package's own declarations can hold a carrier.
// exposes is a struct field with a carrier json tag or a field or type the
// catalog lists by path: importers can reach those. local is a variable of
// a map from strings to interfaces when map keys carry codes: such maps are
// read where they are decoded, and every other package has them, so they do
// not make a package expose carriers.
//
// It looks at the types of the package's declared objects only, not at its
// syntax, and does not descend into other packages' named types: their
// packages' ExposesCarriers facts answer for them.
func (idx *Index) Declares(pkg *types.Package, info *types.Info) (exposes, local bool) {
	if idx.paths[pkg.Path()] {
		return true, false
	}
	w := walker{idx: idx, pkg: pkg, seen: make(map[types.Type]bool)}
	for _, obj := range info.Defs {
		if obj != nil && w.holds(obj.Type()) {
			return true, false
		}
	}
	return false, w.maps
}

type walker struct {
	idx  *Index
	pkg  *types.Package
	seen map[types.Type]bool
	maps bool // a map[string]interface{} was seen
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
		if len(w.idx.mapKeys) > 0 && types.IsInterface(t.Elem()) {
			if k, ok := t.Key().Underlying().(*types.Basic); ok && k.Info()&types.IsString != 0 {
				w.maps = true
			}
		}
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
