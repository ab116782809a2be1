package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// switchCases are the constant values of an expression switch's cases.
// Go rejects two constant cases of one value ("duplicate case"), so an
// unknown-code fix, which changes a case's value to the documented one,
// must not give a case a value another case has, or that an earlier fix
// in the switch gives one.
type switchCases struct {
	stmt   *ast.SwitchStmt
	values map[switchValue]ast.Expr // the first case of each value
	fixed  map[switchValue]ast.Expr // values earlier fixes give, and to which case
}

type switchValue struct {
	kind  constant.Kind
	exact string
}

func valueOf(v constant.Value) switchValue { return switchValue{v.Kind(), v.ExactString()} }

func (r *pass) newSwitchCases(n *ast.SwitchStmt) *switchCases {
	sw := &switchCases{stmt: n, values: make(map[switchValue]ast.Expr), fixed: make(map[switchValue]ast.Expr)}
	if r.cases == nil {
		r.cases = make(map[ast.Expr]*switchCases)
	}
	for _, stmt := range n.Body.List {
		for _, e := range stmt.(*ast.CaseClause).List {
			e = ast.Unparen(e)
			r.cases[e] = sw
			if tv, ok := r.TypesInfo.Types[e]; ok && tv.Value != nil {
				if _, dup := sw.values[valueOf(tv.Value)]; !dup {
					sw.values[valueOf(tv.Value)] = e
				}
			}
		}
	}
	return sw
}

func (r *pass) forgetSwitchCases(sw *switchCases) {
	for _, stmt := range sw.stmt.Body.List {
		for _, e := range stmt.(*ast.CaseClause).List {
			delete(r.cases, ast.Unparen(e))
		}
	}
}

// caseConflict reports, for a fix that gives the case expression node the
// value v, the case that already has v or that an earlier fix gives it, or
// nil when the fix keeps the switch valid (or node is no switch case). A
// nil result records v as taken by node.
func (r *pass) caseConflict(node ast.Expr, v constant.Value) ast.Expr {
	sw := r.cases[node]
	if sw == nil {
		return nil
	}
	k := valueOf(v)
	if other, ok := sw.values[k]; ok && other != node {
		return other
	}
	if other, ok := sw.fixed[k]; ok && other != node {
		return other
	}
	sw.fixed[k] = node
	return nil
}

// removeDeadCase returns a fix that deletes node, a case value that can
// never match, from a case clause listing other values too: the clause
// still runs for them, so behaviour is unchanged. A clause with node alone
// is left alone: removing its body could leave a variable or import
// unused, or break a fallthrough into it.
func (r *pass) removeDeadCase(node ast.Expr) (analysis.SuggestedFix, bool) {
	sw := r.cases[node]
	if sw == nil {
		return analysis.SuggestedFix{}, false
	}
	for _, stmt := range sw.stmt.Body.List {
		list := stmt.(*ast.CaseClause).List
		for i, e := range list {
			if ast.Unparen(e) != node || len(list) < 2 {
				continue
			}
			// Delete the value with the separator after it, or, for the
			// last value, with the separator before it.
			var pos, end token.Pos
			if i+1 < len(list) {
				pos, end = e.Pos(), list[i+1].Pos()
			} else {
				pos, end = list[i-1].End(), e.End()
			}
			if r.commentWithin(pos, end) {
				return analysis.SuggestedFix{}, false
			}
			return analysis.SuggestedFix{
				Message:   fmt.Sprintf("Remove %s, which can never match", r.source(node)),
				TextEdits: []analysis.TextEdit{{Pos: pos, End: end}},
			}, true
		}
	}
	return analysis.SuggestedFix{}, false
}

// commentWithin reports whether a comment of the current file lies in
// [pos, end): deleting the range would delete it.
func (r *pass) commentWithin(pos, end token.Pos) bool {
	for _, cg := range r.file.Comments {
		if cg.Pos() < end && cg.End() > pos {
			return true
		}
	}
	return false
}
