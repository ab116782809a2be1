package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/errcodevet/errcodevet/catalog"
)

var magicCode = &Check{
	ID:    "magic-code",
	Title: "documented integer code compared as a literal",
	Doc: `Reports an integer literal equal to a documented code (WeChat errcode
42001, -1, ...) compared with ` + "`==`" + ` or ` + "`!=`" + `, on either side, or used as a
` + "`switch`" + ` case, against an expression that carries a code; also inside a
conversion to a number type (` + "`m[\"errcode\"] == float64(42001)`" + `, whose fix keeps
the conversion: ` + "`float64(wechat.AccessTokenExpired)`" + `). Nobody can read
or grep ` + "`42001`" + `; ` + "`wechat.AccessTokenExpired`" + ` says what it is, and its
documentation says what to do about it.

The fix writes a constant with the literal's value: one the user declares
in the function or the package; else the family's constant, or one of the
user's own packages, if the file imports the package (written under the
name it is imported as); else the family's constant with an added import
(under another name if a local declaration hides the package's own).
Constants of other libraries that merely share the value are never used,
nor is a constant whose name only repeats the number (` + "`Code45061`" + `, a
deprecated alias, the user's ` + "`E40001`" + `): it reads no better than the
literal, so the finding then comes without a fix. A constant of the
compared expression's own named type, declared beside the type (an SDK's
` + "`alipay.CodeOrderSuccessPayInProcess`" + ` for its ` + "`alipay.Code`" + `), is its SDK's
name for the value, and is used before the family's.

Left alone: integers the catalog does not document (WeChat has many more
codes than its common table), success values (errcode 0, unless
-include-success), ordering comparisons and arithmetic, literals in
constant declarations, composite literals and assignments, generated files,
and test files (unless -include-tests).`,
	Bad: `package example

type Response struct {
	ErrCode int    ` + "`json:\"errcode\"`" + `
	ErrMsg  string ` + "`json:\"errmsg\"`" + `
}

func tokenExpired(resp *Response) bool {
	return resp.ErrCode == 42001
}
`,
	Want: "errcode 42001 compared as a magic number: access_token expired (wechat.AccessTokenExpired)",
	Good: `package example

import "github.com/errcodevet/errcodevet/wechat"

type Response struct {
	ErrCode int    ` + "`json:\"errcode\"`" + `
	ErrMsg  string ` + "`json:\"errmsg\"`" + `
}

func tokenExpired(resp *Response) bool {
	return resp.ErrCode == wechat.AccessTokenExpired
}
`,
}

// intLiteral checks an integer literal compared against a carrier of t:
// a documented code written as a number is a magic-code finding.
func (r *pass) intLiteral(t *catalog.Table, node ast.Expr, value string, against types.Type) {
	code := t.Lookup(value)
	if code == nil || !code.Documented && code.Name == "" {
		return // undocumented: WeChat has far more codes than its common table
	}
	if t.IsSuccess(value) && !r.s.cfg.IncludeSuccess {
		return
	}
	r.reportLiteral(magicCode, t, node, code, against,
		fmt.Sprintf("%s %s compared as a magic number: %s", label(t), value, code.Summary()))
}
