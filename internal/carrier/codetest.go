package carrier

import (
	"go/ast"
	"go/types"

	"github.com/errcodevet/errcodevet/catalog"
)

// codeTests are the SDK functions that compare a code with one of their
// arguments, as code == argument would: the table is that of the field
// they read, which the catalog names.
var codeTests = map[string]struct {
	arg   int    // the argument compared with the code
	field string // the carrier field the function reads
}{
	// func IsAPIError(err error, code string) bool: err.(*APIError).Code == code.
	"github.com/wechatpay-apiv3/wechatpay-go/core.IsAPIError": {1, "github.com/wechatpay-apiv3/wechatpay-go/core.APIError.Code"},
}

// CodeTest reports whether call tests a code as a comparison does
// (core.IsAPIError(err, "SYSTEMERROR")), and returns what it tests (err),
// the value it compares with ("SYSTEMERROR") and the table of the code;
// ok is false for any other call, or when the catalog does not name the
// field the function reads.
func (r *Resolver) CodeTest(call *ast.CallExpr) (subject, value ast.Expr, t *catalog.Table, ok bool) {
	if len(r.idx.fields) == 0 {
		return nil, nil, nil, false
	}
	fn := Callee(r.info, call)
	if fn == nil || fn.Pkg() == nil {
		return nil, nil, nil, false
	}
	if sig, _ := fn.Type().(*types.Signature); sig == nil || sig.Recv() != nil {
		return nil, nil, nil, false
	}
	test, found := codeTests[fn.Pkg().Path()+"."+fn.Name()]
	if !found || len(call.Args) != 2 || call.Ellipsis.IsValid() {
		return nil, nil, nil, false
	}
	t = r.idx.fields[test.field]
	if t == nil {
		return nil, nil, nil, false
	}
	return call.Args[1-test.arg], call.Args[test.arg], t, true
}
