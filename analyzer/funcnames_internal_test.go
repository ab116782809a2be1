package analyzer

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// funcNameProblem finds the entries of retry-funcs and give-up-funcs that
// the analyzed package shows to name nothing, and leaves alone those it
// cannot judge: a package it does not see, an unexported name of an
// imported package.
func TestFuncNameProblem(t *testing.T) {
	fset := token.NewFileSet()
	check := func(path, src string, imports map[string]*types.Package) *types.Package {
		f, err := parser.ParseFile(fset, path+".go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		conf := types.Config{Importer: importerFunc(func(p string) (*types.Package, error) {
			if pkg, ok := imports[p]; ok {
				return pkg, nil
			}
			return importer.Default().Import(p)
		})}
		pkg, err := conf.Check(path, fset, []*ast.File{f}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return pkg
	}
	orders := check("example.com/shop/orders", `package orders

type Base struct{}

func (*Base) MarkFailed(id string) error { return nil }

type Store struct{ Base }

func (*Store) MarkPending(id string) error { return nil }
func (*Store) markLost(id string)          {}

type Repo interface{ Close(id string) error }

func Later(f func()) {}

var V int
`, nil)
	pay := check("example.com/shop/pay", `package pay

import "example.com/shop/orders"

var _ orders.Store
`, map[string]*types.Package{"example.com/shop/orders": orders})

	for _, tc := range []struct {
		pkg  *types.Package
		name string
		want string // a part of the problem, or "" for none
	}{
		{orders, "example.com/shop/orders.Store.MarkPending", ""},
		{pay, "example.com/shop/orders.Store.MarkPending", ""},
		{pay, "example.com/shop/orders.Repo.Close", ""},
		{pay, "example.com/shop/orders.Later", ""},
		{pay, "example.com/shop/orders.Base.MarkFailed", ""},
		{orders, "example.com/shop/orders.Store.markLost", ""},
		{pay, "example.com/shop/orders.Store.MarkPendng", "type example.com/shop/orders.Store has no method MarkPendng"},
		{pay, "example.com/shop/orders.Latr", "package example.com/shop/orders has no function Latr"},
		{pay, "example.com/shop/orders.V", "example.com/shop/orders.V is not a function"},
		{pay, "example.com/shop/orders.Stor.MarkPending", "package example.com/shop/orders has no type Stor"},
		{pay, "example.com/shop/orders.Store.MarkFailed", "the method is example.com/shop/orders.Base.MarkFailed"},
		{orders, "example.com/shop/orders.Store.markLst", "has no method markLst"},
		// Unexported names of an imported package: its export data need not hold them.
		{pay, "example.com/shop/orders.Store.markLst", ""},
		// A package's name, or no path, for its import path.
		{pay, "orders.Store.MarkPending", "no package has the import path orders; the function is example.com/shop/orders.Store.MarkPending"},
		{orders, "Store.MarkPending", "no package has the import path Store; the function is example.com/shop/orders.Store.MarkPending"},
		{pay, "orders.Store.Nope", ""},
		// A package this one does not see.
		{pay, "example.com/other.Store.MarkPending", ""},
		{orders, "example.com/shop/pay.F", ""},
	} {
		got := funcNameProblem(tc.pkg, tc.name)
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("%s in %s: %q, want %q", tc.name, tc.pkg.Path(), got, tc.want)
		}
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
