package directive

import (
	"go/parser"
	"go/token"
	"testing"
)

// A //line directive maps the lines after it to other numbers; Parse
// panicked (token.File.LineStart of a mapped line) on a directive after
// one. Found by FuzzParse.
func TestParseAfterLineDirective(t *testing.T) {
	const src = `package p

//line other.go:100
//errcodevet:ignore magic-code own line
var w = 4 //errcodevet:ignore string-code end of line
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	ignores, problems := Parse(fset, file, []string{"magic-code", "string-code"})
	if len(problems) != 0 || len(ignores) != 2 {
		t.Fatalf("got ignores %v, problems %v; want 2 ignores", ignores, problems)
	}
	// Lines are those of positions as reported (mapped by //line), as
	// findings' lines are.
	if ignores[0].Line != 101 || ignores[1].Line != 101 {
		t.Errorf("ignores apply to lines %d and %d, want 101 and 101", ignores[0].Line, ignores[1].Line)
	}
}
