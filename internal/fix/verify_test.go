package fix_test

import (
	"go/ast"
	"go/constant"
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/errcodevet/errcodevet/internal/fix"
)

// verifyAnalyzer offers, for each integer literal of testdata/src/verify,
// a fix the Verifier must keep or drop:
//
//	1 -> undefined: does not type-check, dropped
//	2 -> two, a constant of the package: kept
//	3 -> codes.Three, with an added import of a package the package does
//	     not import, given by Provide: kept
//	4 -> four: kept; 5 -> four too: fine alone, but with the fix of 4 a
//	     duplicate case, dropped
var verifyAnalyzer = &analysis.Analyzer{
	Name: "verify",
	Doc:  "offers fixes for the Verifier to check",
	Run: func(pass *analysis.Pass) (any, error) {
		v := fix.NewVerifier(pass)
		v.Provide("example.com/codes", "Three", constant.MakeInt64(3))
		var diags []analysis.Diagnostic
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.INT {
					return true
				}
				var edits []analysis.TextEdit
				replace := func(text string) {
					edits = append(edits, analysis.TextEdit{Pos: lit.Pos(), End: lit.End(), NewText: []byte(text)})
				}
				switch lit.Value {
				case "1":
					replace("undefined")
				case "2":
					replace("two")
				case "3":
					replace("codes.Three")
					imp := f.Imports[0].End()
					edits = append(edits, analysis.TextEdit{Pos: imp, End: imp, NewText: []byte("\n\t\"example.com/codes\"")})
				case "4", "5":
					replace("four")
				default:
					return true
				}
				diags = append(diags, analysis.Diagnostic{Pos: lit.Pos(), End: lit.End(), Message: "fix " + lit.Value,
					SuggestedFixes: []analysis.SuggestedFix{{Message: "Use it", TextEdits: edits}}})
				return true
			})
		}
		v.Filter(diags)
		for _, d := range diags {
			pass.Report(d)
		}
		return nil, nil
	},
}

// TestVerifier proves that a fix that would not type-check is dropped, and
// one that would, kept, in the order of the source.
func TestVerifier(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), verifyAnalyzer, "verify")
}
