package analyzer

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestInMainModule proves which packages may export a retry fact for a
// loop with a pause (retry.MayRetry): those of a module being developed,
// however the driver describes them, and not the standard library, whose
// pause loops (http.Server.Shutdown) retry nothing of the caller's.
func TestInMainModule(t *testing.T) {
	for _, tc := range []struct {
		path   string
		module *analysis.Module
		want   bool
	}{
		{"example.com/app/retry", &analysis.Module{Path: "example.com/app"}, true},                 // a main module
		{"heldout/app/retry", &analysis.Module{Path: "heldout/app"}, true},                         // a module path without a domain
		{"github.com/x/lib", &analysis.Module{Path: "github.com/x/lib", Version: "v1.2.3"}, false}, // a dependency
		{"net/http", &analysis.Module{}, false},                                                    // checker: std has an empty module
		{"net/http", nil, false},                                                                   // go vet: std has none
		{"example.com/retrypause", nil, true},                                                      // GOPATH, as in tests
	} {
		p := &analysis.Pass{Pkg: types.NewPackage(tc.path, "p"), Module: tc.module}
		if got := inMainModule(p); got != tc.want {
			t.Errorf("inMainModule(%s, %+v) = %v, want %v", tc.path, tc.module, got, tc.want)
		}
	}
}
