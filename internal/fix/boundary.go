package fix

import (
	"go/ast"
	"go/token"
	"unicode"
	"unicode/utf8"
)

// Spaced returns text, the new text of an edit that starts at pos in file,
// with a space before it when a keyword ends at pos and text starts with a
// letter: gofmt puts a space there, but code that was not formatted may
// have none (if+42001==x), and "ifwechat.AccessTokenExpired" would be one
// identifier. Only a keyword can end where an expression starts: an
// identifier or literal there would be one token with it.
func (f *Finder) Spaced(file *ast.File, pos token.Pos, text string) string {
	r, _ := utf8.DecodeRuneInString(text)
	if !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return text
	}
	ends, ok := f.keywordEnds[file]
	if !ok {
		ends = keywordEnds(file)
		f.keywordEnds[file] = ends
	}
	if ends[pos] {
		return " " + text
	}
	return text
}

// keywordEnds returns where each keyword of file that an expression may
// follow ends.
func keywordEnds(file *ast.File) map[token.Pos]bool {
	ends := make(map[token.Pos]bool)
	at := func(pos token.Pos, keyword token.Token) {
		if pos.IsValid() {
			ends[pos+token.Pos(len(keyword.String()))] = true
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt:
			at(n.If, token.IF)
		case *ast.ForStmt:
			at(n.For, token.FOR)
		case *ast.RangeStmt:
			at(n.Range, token.RANGE)
		case *ast.SwitchStmt:
			at(n.Switch, token.SWITCH)
		case *ast.TypeSwitchStmt:
			at(n.Switch, token.SWITCH)
		case *ast.CaseClause:
			if n.List != nil {
				at(n.Case, token.CASE)
			}
		case *ast.CommClause:
			if n.Comm != nil {
				at(n.Case, token.CASE)
			}
		case *ast.ReturnStmt:
			at(n.Return, token.RETURN)
		case *ast.GoStmt:
			at(n.Go, token.GO)
		case *ast.DeferStmt:
			at(n.Defer, token.DEFER)
		}
		return true
	})
	return ends
}
