package directive

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var seedFiles = []string{
	`package p

//errcodevet:ignore magic-code the vendor documents 42001 for this API only
var x = 1

var y = 2 //errcodevet:ignore magic-code,string-code legacy wire value
`,
	`package p

func f() {
	//errcodevet:ignore
	//errcodevet:ignore magic-code
	//errcodevet:ignor magic-code reason
	//errcodevet:ignore nope reason
	//errcodevet:ignore magic-code,,string-code reason
	//errcodevet: ignore magic-code reason
	/* //errcodevet:ignore magic-code in a block comment */
	_ = 1 /* c */ //errcodevet:ignore magic-code after a block comment
	_ = "//errcodevet:ignore magic-code in a string"
}
`,
	"package p\n\nvar s = `raw\nstring` //errcodevet:ignore string-code after a raw string\n",
	"package p\n\n/*\nblock\n*/ //errcodevet:ignore unknown-code after a block comment's end\nvar z = 3\n",
	"package p\n\n//line other.go:100\n//errcodevet:ignore magic-code after a line directive\nvar w = 4\n",
}

var knownChecks = map[string]bool{"magic-code": true, "string-code": true, "unknown-code": true, "retry-unknown": true, "retry-final": true}

// FuzzParse parses mutated Go files for directives. It checks that Parse
// never panics, that every directive comment gives a valid ignore or at
// least one problem, and that the line an ignore applies to follows the
// rule: the next line for a comment on a line of its own, else its own.
func FuzzParse(f *testing.F) {
	for _, s := range seedFiles {
		f.Add([]byte(s))
	}
	fixtures, _ := filepath.Glob("../../testdata/src/*/*.go")
	for _, name := range fixtures {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "fuzz.go", src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return
		}
		ignores, problems := Parse(fset, file, slices.Sorted(maps.Keys(knownChecks)))

		byPos := make(map[token.Pos]int) // directive comment -> ignores + problems
		for _, ig := range ignores {
			byPos[ig.Pos]++
			if len(ig.Checks) == 0 || ig.Reason == "" || ig.Reason != strings.TrimSpace(ig.Reason) {
				t.Errorf("ignore %+v: want checks and a trimmed reason", ig)
			}
			for _, id := range ig.Checks {
				if !knownChecks[id] {
					t.Errorf("ignore %+v names unknown check %q", ig, id)
				}
			}
			own := ownLineOracle(src, fset, file, ig.Pos)
			line := fset.Position(ig.Pos).Line
			if want := line + map[bool]int{true: 1, false: 0}[own]; ig.Line != want {
				t.Errorf("ignore at %v (own line %v) applies to line %d, want %d", fset.Position(ig.Pos), own, ig.Line, want)
			}
			if Match(ignores, ig.Checks[0], ig.Line) == nil {
				t.Errorf("Match does not find ignore %+v", ig)
			}
		}
		for _, p := range problems {
			if p.Msg == "" || !p.Pos.IsValid() || p.End < p.Pos {
				t.Errorf("bad problem %+v", p)
			}
			byPos[p.Pos]++
		}
		for _, g := range file.Comments {
			for _, c := range g.List {
				if strings.HasPrefix(c.Text, Prefix) && byPos[c.Pos()] == 0 {
					t.Errorf("directive %q at %v gave neither an ignore nor a problem", c.Text, fset.Position(c.Pos()))
				}
				if !strings.HasPrefix(c.Text, Prefix) && byPos[c.Pos()] != 0 {
					t.Errorf("comment %q at %v is no directive, yet was parsed as one", c.Text, fset.Position(c.Pos()))
				}
			}
		}
	})
}

// ownLineOracle decides from the text whether a comment is on a line of its
// own: nothing but spaces and other comments precede it on its line.
func ownLineOracle(src []byte, fset *token.FileSet, file *ast.File, pos token.Pos) bool {
	tf := fset.File(pos)
	off := tf.Offset(pos)
	start := tf.Offset(tf.LineStart(tf.PositionFor(pos, false).Line))
	text := bytes.Clone(src[start:off])
	for _, g := range file.Comments {
		for _, c := range g.List {
			s, e := tf.Offset(c.Pos()), tf.Offset(c.End())
			for i := max(s, start); i < min(e, off); i++ {
				text[i-start] = ' '
			}
		}
	}
	if start == 0 {
		text = bytes.TrimPrefix(text, []byte("\uFEFF")) // a byte order mark starts the file
	}
	return len(bytes.TrimSpace(text)) == 0
}
