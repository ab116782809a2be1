package main

import (
	"go/constant"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/fix"
	"github.com/errcodevet/errcodevet/internal/sourceimport"
)

// TestBuiltinNamesArePinned checks the stability policy of
// sources/README.md: every documented built-in code has a constant, and
// the name of every built-in constant is pinned in its family's review
// file, so that no change to the importer's derived names can rename one.
func TestBuiltinNamesArePinned(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, fam := range cat.Families() {
		review, err := sourceimport.ReadReview(filepath.Join(sourcesDir, fam.Name+".review.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		// pinned maps each table's values to the names the review gives
		// them: the names map for the page's codes, and the entries the
		// review lists itself.
		pinned := map[catalog.Role]map[string]string{
			catalog.RoleCode:   make(map[string]string),
			catalog.RoleStatus: make(map[string]string),
		}
		for value, name := range review.Names {
			pinned[catalog.RoleCode][value] = name
		}
		for role, table := range map[catalog.Role]*catalog.FileTable{catalog.RoleCode: review.Codes, catalog.RoleStatus: review.Status} {
			if table == nil {
				continue
			}
			for _, e := range append(table.Documented, table.Known...) {
				if e.Name != "" {
					pinned[role][e.Value] = e.Name
				}
			}
		}
		named := 0
		for _, table := range fam.Tables() {
			for _, c := range table.Codes {
				if c.Name == "" {
					if c.Documented {
						t.Errorf("%s %s %s is documented but has no constant", fam.Name, table.Role, c.Value)
					}
					continue
				}
				named++
				if pin, ok := pinned[table.Role][c.Value]; !ok {
					t.Errorf("%s %s %s is named %s, which %s.review.yaml does not pin", fam.Name, table.Role, c.Value, c.Name, fam.Name)
				} else if pin != c.Name {
					t.Errorf("%s %s %s is named %s, but %s.review.yaml pins %s", fam.Name, table.Role, c.Value, c.Name, fam.Name, pin)
				}
			}
		}
		if named == 0 {
			t.Errorf("family %s has no named codes", fam.Name)
		}
	}
}

// valueNamedFamilies are the built-in families whose codes are still named
// by their values (Code60020): no fix writes such a constant (fix.NumberOnly),
// so their codes are reported without one until each has a name from its
// text, as wechat's have (catalog/sources/README.md, Names).
var valueNamedFamilies = map[string]bool{"wecom": true}

// TestBuiltinNamesSayWhatCodesMean: no constant of a reviewed built-in
// family has a name that only repeats its number, so every documented code
// of one gets a fix; the names it had before stay as aliases.
func TestBuiltinNamesSayWhatCodesMean(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	valueNamed := make(map[string]int)
	for _, fam := range cat.Families() {
		for _, table := range fam.Tables() {
			for _, c := range table.Codes {
				v := constant.MakeString(c.Value)
				if table.Kind == catalog.KindInt {
					n, _ := strconv.ParseInt(c.Value, 10, 64)
					v = constant.MakeInt64(n)
				}
				if c.Name == "" || !fix.NumberOnly(c.Name, v) {
					continue
				}
				valueNamed[fam.Name]++
				if !valueNamedFamilies[fam.Name] {
					t.Errorf("%s %s is named %s, which only repeats the number: name it from its text in %s.review.yaml, and keep %s under aliases:", fam.Name, c.Value, c.Name, fam.Name, c.Name)
				}
			}
		}
	}
	for name := range valueNamedFamilies {
		if valueNamed[name] == 0 {
			t.Errorf("family %s has no code named by value any more: remove it from valueNamedFamilies", name)
		}
	}
}
