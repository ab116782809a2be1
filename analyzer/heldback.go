package analyzer

import "reflect"

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
