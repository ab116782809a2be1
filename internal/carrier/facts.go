package carrier

import (
	"fmt"
	"go/constant"
	"go/types"
	"maps"
	"slices"
	"strings"

	"github.com/errcodevet/errcodevet/catalog"
)

// ReturnsCarrier is the fact that a function or method returns carriers:
// which of its results carry which family's code or status table.
type ReturnsCarrier struct {
	Results []ResultCarrier
}

// ResultCarrier is one result of a function that carries a table.
type ResultCarrier struct {
	Index  int // the result's position, from 0
	Family string
	Role   catalog.Role
}

func (*ReturnsCarrier) AFact() {}

// String names the family and role of each carrying result; the position,
// from 1, of any but the first ("returns wechat code as result 2").
func (f *ReturnsCarrier) String() string {
	parts := make([]string, len(f.Results))
	for i, rc := range f.Results {
		parts[i] = fmt.Sprintf("returns %s %s", rc.Family, rc.Role)
		if rc.Index > 0 {
			parts[i] += fmt.Sprintf(" as result %d", rc.Index+1)
		}
	}
	return strings.Join(parts, ", ")
}

// Result returns the family and role result index carries, if it does.
func (f *ReturnsCarrier) Result(index int) (ResultCarrier, bool) {
	for _, rc := range f.Results {
		if rc.Index == index {
			return rc, true
		}
	}
	return ResultCarrier{}, false
}

// ExposesCarriers is the fact that a package declares a carrier, returns
// one from a function, or imports a package that exposes one: only such
// packages, those importing them, and those that index a map with a key
// that carries a code can hold a carrier, so the rest are skipped at the
// cost of a look at imports.
type ExposesCarriers struct{}

func (*ExposesCarriers) AFact() {}

func (*ExposesCarriers) String() string { return "exposes carriers" }

// ClientsFact is the fact of what a package's own code shows it a client
// of (its path, imports and string literals: clients.go): the families,
// in load order, and whether another vendor no family describes. The
// packages that import it, or use a struct it declares, count it as
// their own evidence: a package wrapping a WeCom client (it imports
// go-workwx, or builds qyapi.weixin.qq.com requests) makes its callers
// WeCom clients too. Only a package's own evidence is passed on, one
// import deep: its importers' importers are not its callers.
type ClientsFact struct {
	Families []string
	Others   bool
}

func (*ClientsFact) AFact() {}

func (f *ClientsFact) String() string {
	var parts []string
	for _, fam := range f.Families {
		parts = append(parts, "client of "+fam)
	}
	if f.Others {
		parts = append(parts, "client of another vendor")
	}
	return strings.Join(parts, ", ")
}

// Keys are what the cheap pre-checks need to know of the carriers: the
// json tag names and map keys that carry a code, and the packages that
// declare a field or type the catalog lists by path. They are known
// without the tables, so a package that cannot hold a carrier is skipped
// without loading a catalog.
type Keys struct {
	json, mapKeys, paths map[string]bool
}

// NewKeys returns the keys of carriers with these json tag names, map keys
// and declaring packages.
func NewKeys(json, mapKeys, paths []string) *Keys {
	set := func(list []string) map[string]bool {
		m := make(map[string]bool, len(list))
		for _, s := range list {
			m[s] = true
		}
		return m
	}
	return &Keys{json: set(json), mapKeys: set(mapKeys), paths: set(paths)}
}

// Keys returns the keys of the index's carriers.
func (idx *Index) Keys() *Keys { return idx.keys }

func (idx *Index) makeKeys() *Keys {
	k := NewKeys(nil, nil, nil)
	for s := range idx.json {
		k.json[s] = true
	}
	for s := range idx.mapKeys {
		k.mapKeys[s] = true
	}
	for s := range idx.paths {
		k.paths[s] = true
	}
	return k
}

// Equal reports whether two sets of keys are the same.
func (k *Keys) Equal(o *Keys) bool {
	return maps.Equal(k.json, o.json) && maps.Equal(k.mapKeys, o.mapKeys) && maps.Equal(k.paths, o.paths)
}

// Texts returns the json tag names and map keys, each once, sorted: what
// a package's source must spell, between quotes, for a struct field or a
// map index in it to carry a code.
func (k *Keys) Texts() []string {
	texts := slices.Collect(maps.Keys(k.json))
	for s := range k.mapKeys {
		if !k.json[s] {
			texts = append(texts, s)
		}
	}
	slices.Sort(texts)
	return texts
}

// ListsPath reports whether the catalog lists a field or type of the
// package with this path.
func (k *Keys) ListsPath(path string) bool { return k.paths[path] }

func (k *Keys) String() string {
	return fmt.Sprintf("json %v, map keys %v, paths %v", slices.Sorted(maps.Keys(k.json)), slices.Sorted(maps.Keys(k.mapKeys)), slices.Sorted(maps.Keys(k.paths)))
}

// Declares reports whether a package's own declarations can hold a carrier:
// a struct field with a carrier json tag, or a field or type the catalog
// lists by path. It looks at the types of the package's declared objects
// only, not at its syntax, and does not descend into other packages' named
// types: their packages' ExposesCarriers facts answer for them. Maps from
// strings to interfaces are not counted (every program has them): see
// UsesMapKeys.
func (k *Keys) Declares(pkg *types.Package, info *types.Info) bool {
	if k.paths[pkg.Path()] {
		return true
	}
	w := walker{keys: k, pkg: pkg, seen: make(map[types.Type]bool)}
	for _, obj := range info.Defs {
		if obj != nil && w.holds(obj.Type()) {
			return true
		}
	}
	return false
}

type walker struct {
	keys *Keys
	pkg  *types.Package
	seen map[types.Type]bool
}

// holds reports whether a value of type t can contain a carrier.
func (w *walker) holds(t types.Type) bool {
	// Most types are basic or another package's: answer those before the
	// map of types seen.
	switch t := t.(type) {
	case nil, *types.Basic:
		return false
	case *types.Named:
		if t.Obj().Pkg() != w.pkg {
			return false // another package's type: its fact answers
		}
	}
	if w.seen[t] {
		return false
	}
	w.seen[t] = true
	switch t := t.(type) {
	case *types.Alias:
		return w.holds(types.Unalias(t))
	case *types.Named:
		return w.holds(t.Underlying())
	case *types.Struct:
		for i := range t.NumFields() {
			if w.keys.json[JSONName(t.Tag(i))] || w.holds(t.Field(i).Type()) {
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

// UsesMapKeys reports whether a package has a constant string expression
// whose value is a key that carries a code in a loosely decoded JSON map
// (m["errcode"]): without one, no map index in it is a carrier.
func (k *Keys) UsesMapKeys(info *types.Info) bool {
	if len(k.mapKeys) == 0 {
		return false
	}
	for _, tv := range info.Types {
		if tv.Value != nil && tv.Value.Kind() == constant.String && k.mapKeys[constant.StringVal(tv.Value)] {
			return true
		}
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

// UsesForeignCarriers reports whether an expression of the package has a
// type of another package that can hold a carrier: a struct with a field
// whose json tag carries a code, or a field or type of a package the
// catalog lists by path, through pointers, containers and embedding. It is
// what the types of the package's imports show without their
// ExposesCarriers facts (their struct tags are in export data); it cannot
// show a function of theirs that returns a carrier of a basic type.
func (k *Keys) UsesForeignCarriers(pkg *types.Package, info *types.Info) bool {
	w := foreignWalker{keys: k, pkg: pkg, memo: make(map[types.Type]bool)}
	for _, tv := range info.Types {
		if w.holds(tv.Type) {
			return true
		}
	}
	return false
}

// foreignWalker is walker's counterpart for other packages' types: it
// descends into them, and remembers its answers, since the same few types
// recur in every expression.
type foreignWalker struct {
	keys *Keys
	pkg  *types.Package
	memo map[types.Type]bool // answered, or being answered (false in a cycle)
}

func (w *foreignWalker) holds(t types.Type) bool {
	switch t := t.(type) {
	case nil, *types.Basic, *types.TypeParam, *types.Tuple:
		return false
	case *types.Named:
		if pkg := t.Obj().Pkg(); pkg == nil || pkg == w.pkg {
			return false // universe (error), or the package's own: Declares answers
		}
	}
	if held, ok := w.memo[t]; ok {
		return held
	}
	w.memo[t] = false
	held := false
	switch t := t.(type) {
	case *types.Alias:
		held = w.holds(types.Unalias(t))
	case *types.Named:
		held = w.keys.paths[t.Obj().Pkg().Path()] || w.holds(t.Underlying())
	case *types.Struct:
		for i := range t.NumFields() {
			if w.keys.json[JSONName(t.Tag(i))] || w.holds(t.Field(i).Type()) {
				held = true
				break
			}
		}
	case *types.Pointer:
		held = w.holds(t.Elem())
	case *types.Slice:
		held = w.holds(t.Elem())
	case *types.Array:
		held = w.holds(t.Elem())
	case *types.Chan:
		held = w.holds(t.Elem())
	case *types.Map:
		held = w.holds(t.Key()) || w.holds(t.Elem())
	case *types.Signature:
		held = w.tuple(t.Params()) || w.tuple(t.Results())
	}
	w.memo[t] = held
	return held
}

func (w *foreignWalker) tuple(t *types.Tuple) bool {
	for i := range t.Len() {
		if w.holds(t.At(i).Type()) {
			return true
		}
	}
	return false
}
