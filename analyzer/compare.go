// The comparison plumbing that magic-code, string-code and unknown-code
// share. visit (analyzer.go) hands compare each operand pair of == and !=
// and each case of an expression switch; compare finds the literal and the
// carrier, and passes them to the check that owns the case: intLiteral
// (magiccode.go), stringLiteral (stringcode.go), compareDynamic and
// unknownString (unknowncode.go). They report through reportLiteral, which
// offers the fix that writes the constant; switch.go keeps a switch's
// cases valid under fixes that change a case's value.

package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/fix"
)

// compare checks lit, compared with == or != or in a switch case against
// other. It reports whether lit was a literal compared against a carrier.
func (r *pass) compare(lit, other ast.Expr) bool {
	if r.compareDynamic(lit, other) {
		return true
	}
	node, val := r.literal(lit)
	if node == nil {
		node, val = r.convertedLiteral(lit)
	}
	if node == nil {
		return false
	}
	t := r.resolver.Table(other)
	if t == nil {
		return false
	}
	r.compareWith(node, val, t, r.TypesInfo.TypeOf(other))
	return true
}

// compareCodeTest checks the value an SDK function compares with a code
// (core.IsAPIError(err, "SYSTEMERROR")) as a comparison with it: the
// argument, if a literal, is what the code is compared against.
func (r *pass) compareCodeTest(value ast.Expr, t *catalog.Table) {
	node, val := r.literal(value)
	if node == nil {
		return
	}
	if val.Kind() == constant.String && constant.StringVal(val) == "" && t.Kind == catalog.KindString {
		// The SDK compares the code of an *APIError: "" matches only an
		// error whose body has no code, which no documented error is.
		r.report(unknownCode, node, fmt.Sprintf("%s \"\" can never match a documented code: the call is true only for an error whose body has no code", label(t)))
		return
	}
	r.compareWith(node, val, t, r.TypesInfo.TypeOf(value))
}

// compareWith checks literal node, of value val, compared with a carrier
// of table t whose type is against.
func (r *pass) compareWith(node ast.Expr, val constant.Value, t *catalog.Table, against types.Type) {
	basic, ok := against.Underlying().(*types.Basic)
	if !ok {
		return
	}
	switch {
	case t.Kind == catalog.KindInt && val.Kind() != constant.String && basic.Info()&(types.IsInteger|types.IsFloat) != 0:
		// An integer literal compared with a float64 (a code read from a
		// loosely decoded JSON map) is recorded as a float constant.
		v, exact := constant.Int64Val(constant.ToInt(val))
		if !exact {
			return
		}
		r.intLiteral(t, node, strconv.FormatInt(v, 10), against)
	case t.Kind == catalog.KindString && val.Kind() == constant.String && basic.Info()&types.IsString != 0:
		r.stringLiteral(t, node, constant.StringVal(val), against)
	}
}

// literal returns the literal e is, with its value: an integer or string
// literal, possibly signed or parenthesized. Named constants are not
// literals: they already say what they mean.
func (r *pass) literal(e ast.Expr) (ast.Expr, constant.Value) {
	e = ast.Unparen(e)
	lit := e
	if u, ok := e.(*ast.UnaryExpr); ok && (u.Op == token.SUB || u.Op == token.ADD) {
		lit = ast.Unparen(u.X)
	}
	b, ok := lit.(*ast.BasicLit)
	if !ok || b.Kind != token.INT && b.Kind != token.STRING {
		return nil, nil
	}
	val := r.TypesInfo.Types[e].Value
	if val == nil {
		return nil, nil
	}
	return e, val
}

// convertedLiteral returns the integer literal inside a conversion of it
// to a basic numeric type (float64(42001), the way a code is compared with
// one read from a loosely decoded JSON map), with its value. The literal,
// not the conversion, is what a fix replaces: float64(wechat.X) keeps the
// conversion's type.
func (r *pass) convertedLiteral(e ast.Expr) (ast.Expr, constant.Value) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || call.Ellipsis.IsValid() {
		return nil, nil
	}
	tv, ok := r.TypesInfo.Types[call.Fun]
	if !ok || !tv.IsType() {
		return nil, nil
	}
	if b, ok := tv.Type.(*types.Basic); !ok || b.Info()&types.IsNumeric == 0 {
		return nil, nil // a named type's conversion says something of its own
	}
	node, val := r.literal(call.Args[0])
	if node == nil || val.Kind() == constant.String {
		return nil, nil
	}
	return node, val
}

// reportLiteral reports a literal that should be code's constant, with the
// fix that writes it when one can be written safely.
func (r *pass) reportLiteral(check *Check, t *catalog.Table, node ast.Expr, code *catalog.Code, against types.Type, msg string) {
	pkg := code.Package
	if c, ok := r.s.constants[t]; ok && code.Package == c.from {
		pkg = c.to // the family's constants generated into the user's module
	}
	named := "" // the constant the message names
	if code.Name != "" && pkg != "" && !fix.NumberOnly(code.Name, constValue(t.Kind, code.Value)) {
		named = catalog.PackageName(pkg) + "." + code.Name
	}
	var fixes []analysis.SuggestedFix
	target := fix.Target{Value: constValue(t.Kind, code.Value), Family: r.s.index.Family(t), Package: pkg, Name: code.Name}
	if check == unknownCode {
		// The fix changes the case's value: the switch may have it already.
		if other := r.caseConflict(node, target.Value); other != nil {
			if named != "" {
				msg += " (" + named + ")"
			}
			msg += fmt.Sprintf("; this switch already has a case for %s (line %d)", code.Value, r.Fset.Position(other.Pos()).Line)
			if dead, ok := r.removeDeadCase(node); ok {
				fixes = append(fixes, dead)
			}
			r.report(check, node, msg, fixes...)
			return
		}
	}
	rep, found := r.finder.Find(r.file, node, against, target)
	if found && rep.SDK {
		named = rep.Text // the SDK's own name for the value, which the fix writes
	}
	if named != "" {
		msg += " (" + named + ")"
	}
	if found {
		if len(rep.Edits) > 0 {
			r.verifier.Provide(target.Package, target.Name, target.Value)
		}
		text := r.finder.Spaced(r.file, node.Pos(), rep.Text)
		edits := append([]analysis.TextEdit{{Pos: node.Pos(), End: node.End(), NewText: []byte(text)}}, rep.Edits...)
		fixes = append(fixes, analysis.SuggestedFix{
			Message:   fmt.Sprintf("Use %s instead of %s", rep.Text, r.source(node)),
			TextEdits: edits,
		})
	}
	r.report(check, node, msg, fixes...)
}

// source returns the literal as written.
func (r *pass) source(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Value
	case *ast.UnaryExpr:
		return e.Op.String() + r.source(ast.Unparen(e.X))
	}
	return "the literal"
}

// label names what a table's carriers hold, as the API calls it.
func label(t *catalog.Table) string {
	if len(t.Carriers.JSON) > 0 {
		return t.Carriers.JSON[0]
	}
	if t.Field != "" {
		return t.Field
	}
	return t.Role.String()
}

func constValue(k catalog.Kind, v string) constant.Value {
	if k == catalog.KindInt {
		n, _ := strconv.ParseInt(v, 10, 64)
		return constant.MakeInt64(n)
	}
	return constant.MakeString(v)
}
