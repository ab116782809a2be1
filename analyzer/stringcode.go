package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"strconv"

	"github.com/errcodevet/errcodevet/catalog"
)

var stringCode = &Check{
	ID:    "string-code",
	Title: "documented string code or status compared as a literal",
	Doc: `Reports a string literal equal to a documented Mini Program resultCode
(` + "`\"ACCESS_DENIED\"`" + `) or resultStatus (` + "`\"F\"`, `\"U\"`" + `) compared with ` + "`==`" + ` or
` + "`!=`" + `, or used as a ` + "`switch`" + ` case, against an expression that carries one.
The constant names the outcome and documents the vendor's message and
action; a grep for it finds every place that handles the outcome.

The fix works as for magic-code. Left alone: success values (in the
built-in catalog: ` + successStringValues + `; unless -include-success), per-API codes the catalog
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

// stringLiteral checks a string literal compared against a carrier of t:
// a documented code or status written as a string is a string-code finding;
// a value no code has is unknown-code's (unknownString).
func (r *pass) stringLiteral(t *catalog.Table, node ast.Expr, value string, against types.Type) {
	if value == "" {
		return // what a missing field decodes to: a carrier can hold it
	}
	quoted := strconv.Quote(value)
	if code := t.Lookup(value); code != nil {
		if !code.Documented && !t.IsSuccess(value) {
			return // a known per-API value: valid, and no constant to offer
		}
		if t.IsSuccess(value) && !r.s.cfg.IncludeSuccess {
			return
		}
		r.reportLiteral(stringCode, t, node, code, against,
			fmt.Sprintf("%s %s compared as a magic string: %s", label(t), quoted, code.Summary()))
		return
	}

	r.unknownString(t, node, value, quoted, against)
}
