package analyzer

import (
	"go/types"

	"github.com/errcodevet/errcodevet/internal/analyzerinternal"
	"github.com/errcodevet/errcodevet/internal/carrier"
)

// The analyzer without fact types, for the drivers that load dependencies
// from export data (internal/factless), is no part of the package's API.
func init() {
	analyzerinternal.NewFactless = func(cfg any, factsDir string, scan analyzerinternal.Scan) (*analyzerinternal.Analyzer, error) {
		st, a, err := newAnalyzer(cfg.(Config), newProcessFacts(factsDir, scan), nil)
		if err != nil {
			return nil, err
		}
		st.scan = scan
		return &analyzerinternal.Analyzer{
			Analyzer: a,
			Keys: func(dir string) (*carrier.Keys, error) {
				s, err := st.settings.forDir(dir)
				if err != nil {
					return nil, err
				}
				return s.keys, nil
			},
			Config: func() any { return st.settings.cfg },
			Files: func(dir string) ([]string, error) {
				_, files, err := st.settings.sources(dir)
				if err == nil {
					_, err = st.settings.forDir(dir) // as Config.In, the settings' errors too
				}
				return files, err
			},
		}, nil
	}
}

// ownCarriers reports whether a package declares a type that can hold a
// carrier and whether it uses a map key that carries a code, as the
// driver's scan found if it looked.
func (st *state) ownCarriers(pkg *types.Package, info *types.Info, keys *carrier.Keys) (declares, usesMapKeys bool) {
	if st.scan != nil {
		if declares, usesMapKeys, ok := st.scan.Own(pkg, keys); ok {
			return declares, usesMapKeys
		}
	}
	return keys.Declares(pkg, info), keys.UsesMapKeys(info)
}
