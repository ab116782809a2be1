package analyzer

import (
	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/carrier"
)

// builtinKeys are the carrier keys of the built-in catalog. With them the
// cheap exit decides without parsing the catalog, which costs about 2 ms:
// under go vet every package, dependencies and the standard library
// included, is analyzed in a process of its own, and most exit cheaply.
// TestBuiltinKeys keeps them in step with catalog/builtin.
var builtinKeys = carrier.NewKeys([]string{"errcode", "resultCode", "resultStatus"}, []string{"errcode"}, nil)

// load loads the catalogs and indexes them, once. Run calls it when a
// package passes the cheap exit; s.catalog and s.index may be used after.
func (s *settings) load() error {
	s.loaded.Do(func() {
		cat, err := catalog.Load(s.cfg.Catalogs...)
		if err != nil {
			s.loadErr = err
			return
		}
		idx := carrier.NewIndex(cat)
		if s.keys == nil {
			s.keys = idx.Keys()
		}
		s.catalog, s.index = cat, idx
	})
	return s.loadErr
}
