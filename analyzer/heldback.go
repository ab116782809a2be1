package analyzer

import (
	"fmt"
	"go/version"
	"reflect"
	"slices"
	"strings"

	"github.com/errcodevet/errcodevet/internal/constgen"
)

// A Result is what a pass tells a driver besides its diagnostics.
type Result struct {
	// HeldBack lists, by family, the constants packages whose fixes were
	// not offered because the package cannot import them as its build
	// stands (the published constants module not required, the package
	// the constants setting names not written yet): an added import would
	// leave a module that does not build. A driver says so once;
	// "errcodevet init" writes the packages into the module.
	HeldBack []HeldBack
}

// HeldBack is the fixes of one family that were held back.
type HeldBack struct {
	Family  string // the family's name
	Package string // the import path the fixes would have added
}

var resultType = reflect.TypeOf((*Result)(nil))

// result returns the pass's Result: nil when it has nothing to say.
func (r *pass) result() *Result {
	if r.finder == nil {
		return nil
	}
	var res *Result
	for _, t := range r.finder.HeldBack() {
		if res == nil {
			res = new(Result)
		}
		res.HeldBack = append(res.HeldBack, HeldBack{Family: t.Family, Package: t.Package})
	}
	return res
}

// HeldBackNotice returns the one line a driver says when fixes were held
// back ("" if none were): which packages they would import, and what the
// user can do in a module whose go line is goVersion ("1.17"; "" when
// unknown). fixes names what was held back ("fixes", "quick fixes").
// "errcodevet init" writes packages that need go 1.18 (type parameters)
// and refuses a module whose go line is lower: there, the line is to be
// raised first. Requiring the published constants module works at any go
// line: each module builds at its own.
func HeldBackNotice(held []HeldBack, goVersion, fixes string) string {
	if len(held) == 0 {
		return ""
	}
	var pkgs []string
	for _, h := range held {
		if !slices.Contains(pkgs, h.Package) {
			pkgs = append(pkgs, h.Package)
		}
	}
	slices.Sort(pkgs)
	remedy := `run "errcodevet init" to write the constants into it, or require the module`
	if goVersion != "" && version.Compare("go"+goVersion, "go"+constgen.GoVersion) < 0 {
		remedy = fmt.Sprintf(`require the module, or raise the module's go line to %s (go mod edit -go=%[1]s) and run "errcodevet init" to write the constants into it`,
			constgen.GoVersion)
	}
	return fmt.Sprintf("errcodevet: %s held back: they would import %s, which the module does not provide; %s", fixes, strings.Join(pkgs, ", "), remedy)
}
