package analyzer

var stringCode = &Check{
	ID:    "string-code",
	Title: "documented string code or status compared as a literal",
	Doc: `Reports a string literal equal to a documented Mini Program resultCode
(` + "`\"ACCESS_DENIED\"`" + `) or resultStatus (` + "`\"F\"`, `\"U\"`" + `) compared with ` + "`==`" + ` or
` + "`!=`" + `, or used as a ` + "`switch`" + ` case, against an expression that carries one.
The constant names the outcome and documents the vendor's message and
action; a grep for it finds every place that handles the outcome.

The fix works as for magic-code. Left alone: success values (resultStatus
S, resultCode SUCCESS, unless -include-success), per-API codes the catalog
lists as known without text (PAYMENT_IN_PROCESS, ...), and the same
contexts as magic-code.`,
	Bad: `package example

type Result struct {
	ResultCode    string ` + "`json:\"resultCode\"`" + `
	ResultStatus  string ` + "`json:\"resultStatus\"`" + `
	ResultMessage string ` + "`json:\"resultMessage\"`" + `
}

func denied(res Result) bool {
	return res.ResultCode == "ACCESS_DENIED"
}
`,
	Want: `resultCode "ACCESS_DENIED" compared as a magic string: access is denied (miniprogram.AccessDenied)`,
	Good: `package example

import "github.com/errcodevet/errcodevet/miniprogram"

type Result struct {
	ResultCode    string ` + "`json:\"resultCode\"`" + `
	ResultStatus  string ` + "`json:\"resultStatus\"`" + `
	ResultMessage string ` + "`json:\"resultMessage\"`" + `
}

func denied(res Result) bool {
	return res.ResultCode == miniprogram.AccessDenied
}
`,
}
