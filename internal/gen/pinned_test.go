package main

import (
	"path/filepath"
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/importer"
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
		review, err := importer.ReadReview(filepath.Join(sourcesDir, fam.Name+".review.yaml"))
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
