// Package directive parses errcodevet's suppression comments:
//
//	//errcodevet:ignore CHECK[,CHECK...] reason
//	//errcodevet:file-ignore CHECK[,CHECK...] reason
//
// An ignore directive on its own line applies to the next line; at the end
// of a line, to that line. A file-ignore directive applies to the whole
// file, wherever it stands. Users read the rules in [Doc].
package directive

import (
	"cmp"
	"go/ast"
	"go/token"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/errcodevet/errcodevet/internal/spell"
)

// Prefix starts every errcodevet directive.
const Prefix = "//errcodevet:"

// Ignore is one parsed ignore directive.
type Ignore struct {
	Pos    token.Pos // the comment
	Line   int       // the line it applies to; 0 for a file-ignore directive
	File   bool      // a file-ignore directive: it applies to every line
	Checks []string
	Reason string
	Used   bool // set when it suppressed a finding
}

// Problem is a malformed directive.
type Problem struct {
	Pos, End token.Pos
	Msg      string
}

// Parse returns the file's ignore directives and its malformed ones. checks
// are the IDs a directive may name; a mistyped one gets a suggestion.
func Parse(fset *token.FileSet, file *ast.File, checks []string) ([]*Ignore, []Problem) {
	var ignores []*Ignore
	var problems []Problem
	for _, group := range file.Comments {
		for _, c := range group.List {
			if !strings.HasPrefix(c.Text, Prefix) {
				continue
			}
			verb, rest := strings.TrimPrefix(c.Text, Prefix), ""
			if i := strings.IndexFunc(verb, unicode.IsSpace); i >= 0 {
				verb, rest = verb[:i], verb[i:] // the check may follow a tab
			}
			if verb != "ignore" && verb != "file-ignore" {
				problems = append(problems, Problem{c.Pos(), c.End(), "unknown errcodevet directive " + strings.TrimSpace(Prefix[2:]+verb) + ": want errcodevet:ignore or errcodevet:file-ignore CHECK reason"})
				continue
			}
			name := "errcodevet:" + verb
			fields := strings.Fields(rest)
			if len(fields) == 0 {
				problems = append(problems, Problem{c.Pos(), c.End(), name + " directive names no check: want " + name + " CHECK reason"})
				continue
			}
			ig := &Ignore{Pos: c.Pos(), File: verb == "file-ignore", Checks: strings.Split(fields[0], ","), Reason: strings.Join(fields[1:], " ")}
			bad := false
			for _, id := range ig.Checks {
				if !slices.Contains(checks, id) {
					msg := name + " directive names unknown check " + strings.TrimSpace(id)
					if near := spell.Closest(id, checks, 1); len(near) > 0 {
						msg += " (did you mean " + near[0] + "?)"
					}
					problems = append(problems, Problem{c.Pos(), c.End(), msg})
					bad = true
				}
			}
			if ig.Reason == "" {
				problems = append(problems, Problem{c.Pos(), c.End(), name + " directive needs a reason after the check"})
				bad = true
			}
			if bad {
				continue
			}
			if !ig.File {
				line := fset.Position(c.Pos()).Line
				ig.Line = line
				if ownLine(fset, file, c) {
					ig.Line = line + 1
				}
			}
			ignores = append(ignores, ig)
		}
	}
	// In line order for Match; comment order already is, but for //line
	// directives that go back.
	slices.SortStableFunc(ignores, func(a, b *Ignore) int { return cmp.Compare(a.Line, b.Line) })
	return ignores, problems
}

// ownLine reports whether no code precedes the comment on its line.
func ownLine(fset *token.FileSet, file *ast.File, c *ast.Comment) bool {
	tf := fset.File(c.Pos())
	if tf == nil {
		return false
	}
	// The line in the file itself: a //line directive may map it elsewhere.
	lineStart := tf.LineStart(tf.PositionFor(c.Pos(), false).Line)
	own := true
	visit := func(n ast.Node) bool {
		switch {
		case n == nil || !own:
			return false
		case n.End() <= lineStart || n.Pos() >= c.Pos():
			return false // before the line, or after the comment
		case n.End() <= c.Pos():
			own = false // code ends on the line, before the comment
			return false
		}
		return true // spans the comment: look inside
	}
	ast.Inspect(file.Name, visit)
	// Only the declarations that end after the line starts and begin before
	// the comment can hold such code: look at those alone, so that the cost
	// does not grow with the file.
	i := sort.Search(len(file.Decls), func(i int) bool { return file.Decls[i].End() > lineStart })
	for _, d := range file.Decls[i:] {
		if !own || d.Pos() >= c.Pos() {
			break
		}
		ast.Inspect(d, visit)
	}
	return own
}

// Name returns the directive's name: errcodevet:ignore or
// errcodevet:file-ignore.
func (ig *Ignore) Name() string {
	if ig.File {
		return "errcodevet:file-ignore"
	}
	return "errcodevet:ignore"
}

// Match returns the directive that suppresses check at line, if any: one
// for that line, else a file-ignore directive. ignores must be in line
// order, as Parse returns them (file-ignore directives, line 0, first).
func Match(ignores []*Ignore, check string, line int) *Ignore {
	if ig := match(ignores, check, line); ig != nil {
		return ig
	}
	return match(ignores, check, 0)
}

func match(ignores []*Ignore, check string, line int) *Ignore {
	i := sort.Search(len(ignores), func(i int) bool { return ignores[i].Line >= line })
	for _, ig := range ignores[i:] {
		if ig.Line != line {
			break
		}
		for _, id := range ig.Checks {
			if id == check {
				return ig
			}
		}
	}
	return nil
}
