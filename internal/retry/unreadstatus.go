package retry

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcodevet/errcodevet/internal/carrier"
)

// An UnreadStatus is an answer of gopay's WeChat Pay v3 client taken as
// success after testing only the error. gopay returns every answer but
// the expected 200 (or 204) with a nil error and the HTTP status in the
// answer's Code (wechat/v3: "Code = 0 is success"): SYSTEM_ERROR and
// BANKERROR, whose outcome is unknown, 202 USERPAYING, a refusal. A caller
// that tests only err reads such an answer as a success.
type UnreadStatus struct {
	Call   *ast.CallExpr
	Method string
	Read   ast.Node // the first read of the answer's body; nil when the answer is discarded
}

// gopayV3Client is the receiver type of the calls judged, by FuncName
// prefix.
const gopayV3Client = "github.com/go-pay/gopay/wechat/v3.ClientV3."

// statusFields are the fields of a gopay v3 answer that tell its outcome:
// reading any of them is testing the status.
var statusFields = map[string]bool{"Code": true, "Error": true, "ErrResponse": true}

// UnreadStatuses finds the calls of gopay's v3 client in fd whose answer
// the function uses without reading its status: it reads the answer's
// fields (Response) but never Code, Error or ErrResponse, and never hands
// the answer on (returns it, passes it, stores it); or it discards the
// answer (_, err :=) while it tests err. A variable assigned twice is not
// judged.
func (c *Classifier) UnreadStatuses(fd *ast.FuncDecl) []UnreadStatus {
	if fd.Body == nil {
		return nil
	}
	var out []UnreadStatus
	parents := make(map[ast.Node]ast.Node)
	carrier.RecordParents(parents, fd)
	assigned := make(map[*types.Var]int)
	for n := range parents {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, lhs := range as.Lhs {
				if id, ok := lhs.(*ast.Ident); ok {
					if v, ok := c.Info.ObjectOf(id).(*types.Var); ok {
						assigned[v]++
					}
				}
			}
		}
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := typeutil.StaticCallee(c.Info, call)
		if fn == nil || !strings.HasPrefix(FuncName(fn), gopayV3Client) || !statusAnswer(fn) {
			return true
		}
		errID, ok := as.Lhs[1].(*ast.Ident)
		if !ok || errID.Name == "_" {
			return true
		}
		errVar, _ := c.Info.ObjectOf(errID).(*types.Var)
		rspID, ok := as.Lhs[0].(*ast.Ident)
		if !ok || errVar == nil {
			return true
		}
		if rspID.Name == "_" {
			if c.testsNil(fd.Body, errVar, parents) {
				out = append(out, UnreadStatus{Call: call, Method: fn.Name()})
			}
			return true
		}
		rsp, _ := c.Info.ObjectOf(rspID).(*types.Var)
		if rsp == nil || assigned[rsp] != 1 {
			return true
		}
		if read := c.bodyReadOnly(fd.Body, rsp, parents); read != nil {
			out = append(out, UnreadStatus{Call: call, Method: fn.Name(), Read: read})
		}
		return true
	})
	return out
}

// statusAnswer reports whether fn answers (*T, error) where T is a struct
// with an int Code, gopay's HTTP status.
func statusAnswer(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() != 2 {
		return false
	}
	if !types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	ptr, ok := sig.Results().At(0).Type().(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if b, ok := f.Type().(*types.Basic); ok && f.Name() == "Code" && b.Kind() == types.Int {
			return true
		}
	}
	return false
}

// bodyReadOnly returns the first read of the answer's body when the
// function reads it but never its status and never hands it on.
func (c *Classifier) bodyReadOnly(body *ast.BlockStmt, rsp *types.Var, parents map[ast.Node]ast.Node) ast.Node {
	var first ast.Node
	handedOn := false
	ast.Inspect(body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || handedOn || c.Info.Uses[id] != rsp {
			return true
		}
		switch p := parents[id].(type) {
		case *ast.SelectorExpr:
			if _, field := c.Info.Uses[p.Sel].(*types.Var); !field || statusFields[p.Sel.Name] {
				handedOn = true // its status is read, or a method may read it
				return true
			}
			if first == nil || p.Pos() < first.Pos() {
				first = p
			}
		case *ast.BinaryExpr:
			if !isNil(c.Info, p.X) && !isNil(c.Info, p.Y) {
				handedOn = true
			}
		default:
			handedOn = true
		}
		return true
	})
	if handedOn {
		return nil
	}
	return first
}

// testsNil reports whether the function compares err with nil.
func (c *Classifier) testsNil(body *ast.BlockStmt, err *types.Var, parents map[ast.Node]ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found || c.Info.Uses[id] != err {
			return true
		}
		if b, ok := parents[id].(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) &&
			(isNil(c.Info, b.X) || isNil(c.Info, b.Y)) {
			found = true
		}
		return true
	})
	return found
}
