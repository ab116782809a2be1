package analyzer

import (
	"slices"
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/carrier"
)

// TestBuiltinKeys checks that the keys the cheap exit uses without
// loading the built-in catalog are the catalog's.
func TestBuiltinKeys(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if want := carrier.NewIndex(cat).Keys(); !builtinKeys.Equal(want) {
		t.Errorf("builtinKeys are %v, the built-in catalog's %v: update analyzer/lazy.go", builtinKeys, want)
	}
	var names, clients []string
	for _, f := range cat.Families() {
		names = append(names, f.Name)
		if !f.Clients.Empty() {
			clients = append(clients, f.Name)
		}
	}
	if !slices.Equal(names, builtinFamilies) {
		t.Errorf("builtinFamilies are %v, the built-in catalog's %v: update analyzer/lazy.go", builtinFamilies, names)
	}
	if !slices.Equal(clients, builtinClientFamilies) {
		t.Errorf("builtinClientFamilies are %v, the built-in catalog's families that name clients %v: update analyzer/lazy.go", builtinClientFamilies, clients)
	}
}

// TestLazyCatalog checks that the default configuration does not load the
// built-in catalog until a package needs it, and that catalog files are
// loaded (and checked) at once.
func TestLazyCatalog(t *testing.T) {
	s, err := compile(Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.catalog != nil || s.index != nil || s.keys != builtinKeys {
		t.Fatal("compile(Config{}) loaded the built-in catalog")
	}
	if err := s.load(); err != nil || s.catalog == nil || s.index == nil || s.keys != builtinKeys {
		t.Fatalf("load: %v; catalog loaded %v", err, s.catalog != nil)
	}
	if _, err := compile(Config{Catalogs: []string{"testdata/no-such-catalog.yaml"}}, nil); err == nil {
		t.Error("compile accepted a catalog file that does not exist")
	}
}
