package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/carrier"
	"github.com/errcodevet/errcodevet/internal/fix"
	"github.com/errcodevet/errcodevet/internal/spell"
)

var unknownCode = &Check{
	ID:       "unknown-code",
	Title:    "value that a code or status can never equal",
	Severity: Error, // the branch the comparison guards never runs
	Doc: `Reports a string literal compared against a carrier that can never hold
it: a resultStatus letter that is not documented (` + "`\"X\"`" + `), a value that
differs from a documented one only in case (` + "`\"param_illegal\"`" + `), or a likely
misspelling of one (` + "`\"ACCES_DENIED\"`" + `). The comparison is always false (or
always true with ` + "`!=`" + `): the branch it guards never runs.

A misspelling is a slip inside a long word: one edit (an insertion,
deletion, substitution or swap of neighbours) in a word of four letters or
more, two in a word of eight or more, at most two in all, with the same
words otherwise (words are separated by ` + "`_`, `.` and `-`" + `, which must be the same:
` + "`\"isp.unknown-error\"`" + ` is a slip for isp.unknow-error; case is ignored). A different short word (` + "`INVALID_APP`" + ` against ` + "`INVALID_API`" + `) is
another code, not a typo, and two equally close candidates are left alone.
Values a catalog lists as known are never reported: add the per-API codes
your APIs return to a catalog file (` + "`known:`" + `) if one is taken for a typo.
Nor is the empty string, which is what a missing field decodes to.

The message names the value probably meant; the fix writes its constant.
Unlike the other fixes this one changes behaviour, on purpose: the
comparison starts to match what it was written to match.

It also reports a comparison through an interface that can never be
true because of the value's type. ` + "`m[\"errcode\"] == 42001`" + `, where ` + "`m`" + ` is a
` + "`map[string]any`" + `, is true only if the map holds the int 42001; what
encoding/json decodes into an interface is a float64 for a number (a
` + "`json.Number`" + ` with ` + "`UseNumber`" + `) and a string for a string, so the branch
never runs in production, while a test that builds the map by hand
passes. The same holds for a field of type ` + "`any`" + ` tagged ` + "`json:\"errcode\"`" + `,
for named constants and variables of an integer type, and for string
codes compared through an interface with a value that is not a ` + "`string`" + `.
The fix converts the value to the type the interface holds:
` + "`float64(wechat.AccessTokenExpired)`" + `, which equals the decoded 42001 exactly, or
` + "`string(v)`" + ` for a named string type. With ` + "`UseNumber`" + `, or a decoder that
may use it, the finding has no fix: float64 would be as wrong.

The type of what the interface holds is taken from the flow of the
function, and only when the evidence is complete; otherwise nothing is
reported, since a map built by hand may hold an int. The carrier must be
a path (map indexes, fields, type assertions) into a local variable that
is declared empty (` + "`var m map[string]any`" + `, ` + "`T{}`" + `, ` + "`make`" + `, ` + "`new`" + `) or as
such a path into another one, is filled by ` + "`json.Unmarshal(data, &m)`" + ` or a
` + "`json.Decoder`" + `'s ` + "`Decode(&m)`" + `, and is written by nothing else: no
assignment to it or to an element or field in it, and neither it nor a
part that can hold the carrier is handed to a function (fmt, log and
` + "`json.Marshal`" + ` aside), stored, kept in a variable that is written, or
returned by a function literal (the function itself may return it). No type on the path may have an UnmarshalJSON or UnmarshalText
method. A decoder is known not to use numbers when it is made by
` + "`json.NewDecoder`" + ` in the function and only its methods are called, none of
them ` + "`UseNumber`" + `. Parameters, package-level variables, maps from other
decoders (YAML, for one, decodes integers as int) and type switches are
left alone; ` + "`m[\"errcode\"].(float64) == 42001`" + ` is a magic-code finding.`,
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
	More: []Example{{
		Title: "a type the interface never holds",
		Bad: `package example

import "encoding/json"

func tokenExpired(body []byte) bool {
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return false
	}
	return m["errcode"] == 42001
}
`,
		Want: "errcode 42001 can never match: encoding/json decodes a number into an interface as float64, and this compares an int; compare with float64(wechat.AccessTokenExpired)",
		Good: `package example

import (
	"encoding/json"

	"github.com/errcodevet/errcodevet/wechat"
)

func tokenExpired(body []byte) bool {
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return false
	}
	return m["errcode"] == float64(wechat.AccessTokenExpired)
}
`,
	}},
}

// unknownString checks value, a string literal that no code or status of
// t has: a documented value in the wrong case or misspelt, or a status
// letter that is not one, can never match.
func (r *pass) unknownString(t *catalog.Table, node ast.Expr, value, quoted string, against types.Type) {
	var values []string
	for _, c := range t.Codes {
		values = append(values, c.Value)
	}
	meant, kind := spell.Suggest(value, values)
	if t.Role == catalog.RoleStatus && kind == spell.Misspelling && len(meant) < 4 {
		kind = spell.None // status letters are too short to tell a slip from another letter
	}
	switch {
	case kind == spell.Case:
		code := t.Lookup(meant)
		r.reportLiteral(unknownCode, t, node, code, against,
			fmt.Sprintf("%s %s can never match: values are case-sensitive, the documented value is %s", label(t), quoted, meant))
	case kind == spell.Misspelling:
		code := t.Lookup(meant)
		r.reportLiteral(unknownCode, t, node, code, against,
			fmt.Sprintf("%s %s can never match: likely a misspelling of %s", label(t), quoted, meant))
	case t.Role == catalog.RoleStatus:
		r.report(unknownCode, node,
			fmt.Sprintf("%s %s can never match: the known values are %s", label(t), quoted, strings.Join(values, ", ")))
	}
}

// compareDynamic checks x compared with other, a carrier of empty
// interface type (m["errcode"] of a map[string]any, a field of type any):
// the comparison is true only when the interface holds x's type, which is
// the default type of an untyped constant (int for 42001). It reports
// whether other is such a carrier.
//
// What encoding/json decodes into an interface is a float64 for a number
// (a json.Number with UseNumber) and a string for a string. When the flow
// of the function shows that only encoding/json filled the carrier
// (carrier.Resolver.Decoded), a comparison with any other type can never
// be true; without that evidence nothing is reported: a map built by hand
// may hold an int. A string compared through the interface is compared as
// a string, and checked as one.
func (r *pass) compareDynamic(x, other ast.Expr) bool {
	ot := r.TypesInfo.TypeOf(other)
	if ot == nil {
		return false
	}
	if _, param := ot.(*types.TypeParam); param {
		return false
	}
	iface, ok := ot.Underlying().(*types.Interface)
	if !ok || !iface.Empty() {
		return false
	}
	xt := r.TypesInfo.TypeOf(x)
	if xt == nil || types.IsInterface(xt) {
		return false
	}
	if b, ok := xt.(*types.Basic); ok && b.Kind() == types.UntypedNil {
		return false
	}
	t := r.resolver.Table(other)
	if t == nil {
		return false
	}
	held := types.Default(xt)
	str := types.Typ[types.String]
	if t.Kind == catalog.KindString && types.Identical(held, str) {
		// As m["resultCode"].(string) == "...": a string compared as one.
		if node, val := r.literal(x); node != nil && val.Kind() == constant.String {
			r.stringLiteral(t, node, constant.StringVal(val), str)
		}
		return true
	}
	dec := r.resolver.Decoded(other)
	if dec == carrier.NotDecoded || canHold(t, dec, held) {
		if node, val := r.convertedLiteral(x); node != nil && t.Kind == catalog.KindInt {
			r.compareWith(node, val, t, held) // m["errcode"] == float64(42001)
		}
		return true
	}
	r.neverHeld(t, x, held, dec)
	return true
}

// canHold reports whether a carrier of t that dec decoded can hold a value
// of type held.
func canHold(t *catalog.Table, dec carrier.Decoding, held types.Type) bool {
	if t.Kind == catalog.KindString {
		return types.Identical(held, types.Typ[types.String])
	}
	isNumber := false
	if n, ok := types.Unalias(held).(*types.Named); ok {
		obj := n.Obj()
		isNumber = obj.Pkg() != nil && obj.Pkg().Path() == "encoding/json" && obj.Name() == "Number"
	}
	float := types.Identical(held, types.Typ[types.Float64])
	switch dec {
	case carrier.DecodedFloat:
		return float
	case carrier.DecodedNumber:
		return isNumber
	}
	return float || isNumber
}

// neverHeld reports x, a value of type held compared with a carrier of t
// that dec decoded and that can never hold that type, with the fix that
// converts x to the type it holds when that is known.
func (r *pass) neverHeld(t *catalog.Table, x ast.Expr, held types.Type, dec carrier.Decoding) {
	var decodes string
	switch {
	case t.Kind == catalog.KindString:
		decodes = "encoding/json decodes a string into an interface as string"
	case dec == carrier.DecodedFloat:
		decodes = "encoding/json decodes a number into an interface as float64"
	case dec == carrier.DecodedNumber:
		decodes = "a json.Decoder with UseNumber decodes a number into an interface as json.Number"
	default:
		decodes = "encoding/json decodes a number into an interface as float64 (json.Number with UseNumber)"
	}
	node, val := r.literal(x)
	shown := types.ExprString(x)
	if node != nil {
		shown = r.source(node)
	}
	qualify := types.RelativeTo(r.Pkg)
	msg := fmt.Sprintf("%s %s can never match: %s, and this compares %s %s",
		label(t), shown, decodes, article(held), types.TypeString(held, qualify))

	heldInfo := basicInfo(held)
	var conv string
	switch {
	case t.Kind == catalog.KindInt && dec == carrier.DecodedFloat && heldInfo&types.IsInteger != 0:
		conv = "float64"
	case t.Kind == catalog.KindString && heldInfo&types.IsString != 0:
		conv = "string" // a named string type: Status("U")
	}
	if conv == "" || !r.finder.Universal(r.file, x.Pos(), conv) {
		r.report(unknownCode, x, msg)
		return
	}
	if node != nil && val != nil && val.Kind() == constant.Int {
		if other := r.caseConflict(ast.Unparen(x), constant.ToFloat(val)); other != nil {
			msg += fmt.Sprintf("; this switch already has a case for %s(%s) (line %d)", conv, val, r.Fset.Position(other.Pos()).Line)
			r.report(unknownCode, x, msg)
			return
		}
	}

	// The family's constant for a documented literal, as magic-code would
	// write it; else x itself, converted.
	var edits []analysis.TextEdit
	var text string
	if node != nil && val != nil && val.Kind() == constant.Int {
		value := val.ExactString()
		code := t.Lookup(value)
		if code != nil && code.Name != "" && (!t.IsSuccess(value) || r.s.cfg.IncludeSuccess) {
			pkg := code.Package
			if c, ok := r.s.constants[t]; ok && code.Package == c.from {
				pkg = c.to
			}
			target := fix.Target{Value: val, Family: r.s.index.Family(t), Package: pkg, Name: code.Name}
			if rep, ok := r.finder.Find(r.file, node, types.Typ[types.Float64], target); ok {
				if len(rep.Edits) > 0 {
					r.verifier.Provide(target.Package, target.Name, target.Value)
				}
				text = conv + "(" + rep.Text + ")"
				edits = append([]analysis.TextEdit{{Pos: x.Pos(), End: x.End(), NewText: []byte(r.finder.Spaced(r.file, x.Pos(), text))}}, rep.Edits...)
			} else if r.finder.Held() {
				// Not the literal converted either: once written, it is no
				// finding, and the constant would never come.
				r.report(unknownCode, x, msg+"; compare with "+conv+"("+catalog.PackageName(pkg)+"."+code.Name+")")
				return
			}
		}
	}
	if edits == nil {
		text = conv + "(" + shown + ")"
		edits = []analysis.TextEdit{
			{Pos: x.Pos(), End: x.Pos(), NewText: []byte(r.finder.Spaced(r.file, x.Pos(), conv+"("))},
			{Pos: x.End(), End: x.End(), NewText: []byte(")")},
		}
	}
	msg += "; compare with " + text
	r.report(unknownCode, x, msg, analysis.SuggestedFix{
		Message:   fmt.Sprintf("Use %s instead of %s", text, shown),
		TextEdits: edits,
	})
}

func basicInfo(t types.Type) types.BasicInfo {
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Info()
	}
	return 0
}

// article returns "an" or "a" for a type's name, as in "an int", "a uint".
func article(t types.Type) string {
	s := types.TypeString(t, func(*types.Package) string { return "" })
	if s != "" && strings.ContainsRune("aeioAEIO", rune(s[0])) {
		return "an"
	}
	return "a"
}
