package analyzer

var unknownCode = &Check{
	ID:    "unknown-code",
	Title: "string literal that a code or status can never hold",
	Doc: `Reports a string literal compared against a carrier that can never hold
it: a resultStatus letter that is not documented (` + "`\"X\"`" + `), a value that
differs from a documented one only in case (` + "`\"param_illegal\"`" + `), or a likely
misspelling of one (` + "`\"ACCES_DENIED\"`" + `). The comparison is always false (or
always true with ` + "`!=`" + `): the branch it guards never runs.

A misspelling is a slip inside a long word: one edit (an insertion,
deletion, substitution or swap of neighbours) in a word of four letters or
more, two in a word of eight or more, at most two in all, with the same
words otherwise. A different short word (` + "`INVALID_APP`" + ` against ` + "`INVALID_API`" + `) is
another code, not a typo, and two equally close candidates are left alone.
Values a catalog lists as known are never reported: add the per-API codes
your APIs return to a catalog file (` + "`known:`" + `) if one is taken for a typo.
Nor is the empty string, which is what a missing field decodes to.

The message names the value probably meant; the fix writes its constant.
Unlike the other fixes this one changes behaviour, on purpose: the
comparison starts to match what it was written to match.`,
	Bad: `package example

type Result struct {
	ResultCode   string ` + "`json:\"resultCode\"`" + `
	ResultStatus string ` + "`json:\"resultStatus\"`" + `
}

func denied(res Result) bool {
	return res.ResultCode == "ACCES_DENIED"
}
`,
	Want: `resultCode "ACCES_DENIED" can never match: likely a misspelling of ACCESS_DENIED (miniprogram.AccessDenied)`,
	Good: `package example

import "github.com/errcodevet/errcodevet/miniprogram"

type Result struct {
	ResultCode   string ` + "`json:\"resultCode\"`" + `
	ResultStatus string ` + "`json:\"resultStatus\"`" + `
}

func denied(res Result) bool {
	return res.ResultCode == miniprogram.AccessDenied
}
`,
}
