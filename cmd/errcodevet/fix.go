package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/scanner"
	"go/token"
	"os"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/errcodevet/errcodevet/internal/atomicfile"
	"github.com/errcodevet/errcodevet/internal/fix"
)

// overlaps reports whether two edits of one file cannot both be applied.
func overlaps(e, o fix.Edit) bool {
	if e == o {
		return false // the same edit twice (two fixes adding one import) is one edit
	}
	// Two insertions at one place (two imports) go in the order taken; an
	// insertion at the edge of a replacement is beside it, not in it.
	return e.Start < o.End && o.Start < e.End
}

// applyFixes applies the first suggested fix of each finding, in order. A
// fix whose edits overlap those of a fix already taken, or touch a
// generated file, is not applied. It returns the findings left: those
// without a fix and those whose fix was not applied, the latter with the
// reason in their message, placed where they are in the fixed files. With
// diffOnly, the files are left alone and the changes are returned as a
// unified diff.
//
// The files are written all or none (atomicfile.ReplaceAll): on an error,
// no file has changed, and every finding is returned, where it was.
//
// A file that was gofmt-formatted is formatted after the edits; one that
// was not gets only the edits, so that nothing else in it changes.
func applyFixes(graph *checker.Graph, findings []finding, diffOnly bool) (unfixed []finding, diff string, err error) {
	generated := make(map[string]bool)
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		for _, f := range act.Package.Syntax {
			if ast.IsGenerated(f) {
				generated[act.Package.Fset.File(f.Pos()).Name()] = true
			}
		}
	}
	accepted := make(map[string][]fix.Edit) // by file name
	for _, f := range findings {
		if len(f.SuggestedFixes) == 0 {
			unfixed = append(unfixed, f)
			continue
		}
		edits, reason := fixEdits(f, f.SuggestedFixes[0], generated, accepted)
		if reason != "" {
			f.Message += " [fix not applied: " + reason + "]"
			unfixed = append(unfixed, f)
			continue
		}
		for name, es := range edits {
			for _, e := range es {
				if !slices.Contains(accepted[name], e) {
					accepted[name] = append(accepted[name], e)
				}
			}
		}
	}

	names := make([]string, 0, len(accepted))
	for name := range accepted {
		names = append(names, name)
	}
	slices.Sort(names)
	var diffs strings.Builder
	var changes []atomicfile.Change
	moved := make(map[string]*fileMoves)
	for _, name := range names {
		old, err := os.ReadFile(name)
		if err != nil {
			return findings, "", err
		}
		edited, err := fix.Apply(old, accepted[name])
		if err != nil {
			return findings, "", fmt.Errorf("%s: the file changed since it was analyzed", relative(name))
		}
		fixed := edited
		if formatted, err := format.Source(old); err == nil && bytes.Equal(formatted, old) {
			if fixed, err = format.Source(edited); err != nil {
				return findings, "", fmt.Errorf("%s: the fixed file does not parse: %v", relative(name), err)
			}
		}
		if diffOnly {
			diffs.WriteString(unifiedDiff(relative(name), string(old), string(fixed)))
			continue
		}
		changes = append(changes, atomicfile.Change{Path: name, Data: fixed})
		moved[name] = &fileMoves{edits: accepted[name], edited: edited, fixed: fixed}
	}
	if diffOnly {
		return unfixed, diffs.String(), nil
	}
	if err := atomicfile.ReplaceAll(changes); err != nil {
		return findings, "", fmt.Errorf("writing the fixes: %s", relative(err.Error()))
	}
	for i := range unfixed {
		unfixed[i].moved = func(p token.Position) token.Position {
			if m := moved[p.Filename]; m != nil {
				return m.position(p)
			}
			return p
		}
	}
	return unfixed, "", nil
}

// fixEdits returns the edits of sf by file, or why it cannot be applied.
func fixEdits(f finding, sf analysis.SuggestedFix, generated map[string]bool, accepted map[string][]fix.Edit) (map[string][]fix.Edit, string) {
	edits := make(map[string][]fix.Edit)
	for _, te := range sf.TextEdits {
		file := f.fset.File(te.Pos)
		if file == nil {
			return nil, "the fix has an edit outside any file"
		}
		end := te.End
		if !end.IsValid() {
			end = te.Pos
		}
		name := file.Name()
		if generated[name] {
			return nil, "it edits a generated file"
		}
		e := fix.Edit{Start: file.Offset(te.Pos), End: file.Offset(end), Text: string(te.NewText)}
		for _, o := range append(accepted[name], edits[name]...) {
			if overlaps(e, o) {
				return nil, "it conflicts with another fix; run again to apply it"
			}
		}
		edits[name] = append(edits[name], e)
	}
	return edits, ""
}

// fileMoves is how a file changed under -fix: where what was at an offset
// of the old text is in the new.
type fileMoves struct {
	edits  []fix.Edit
	edited []byte // the old text with the edits
	fixed  []byte // edited, formatted if the old text was

	// The offsets of edited's and fixed's tokens, made on first use: gofmt
	// changes only the space between tokens (and the order of imports).
	editedTokens, fixedTokens []int
}

// position returns where p, a position in the old text, is in the new.
func (m *fileMoves) position(p token.Position) token.Position {
	if !p.IsValid() {
		return p
	}
	off := p.Offset
	shift := 0
	for _, e := range m.edits {
		switch {
		case e.End <= off && (e.Start < off || e.Start == e.End):
			shift += len(e.Text) - (e.End - e.Start) // before it
		case e.Start < off:
			off = e.Start // within a replaced text: its start
		}
	}
	off += shift
	if !bytes.Equal(m.edited, m.fixed) {
		off = m.formatted(off)
	}
	p.Offset = off
	p.Line = 1 + bytes.Count(m.fixed[:off], []byte("\n"))
	p.Column = off - (bytes.LastIndexByte(m.fixed[:off], '\n') + 1) + 1
	return p
}

// formatted returns where the text at off in edited is in fixed: at the
// same token, counted from the start, or from the end when gofmt changed
// the number of tokens before (imports that were merged).
func (m *fileMoves) formatted(off int) int {
	if m.editedTokens == nil {
		m.editedTokens, m.fixedTokens = tokenOffsets(m.edited), tokenOffsets(m.fixed)
	}
	ed, fx := m.editedTokens, m.fixedTokens
	i := sort.SearchInts(ed, off+1) - 1 // the token at or before off
	if i < 0 {
		return min(off, len(m.fixed))
	}
	j := i
	if len(ed) != len(fx) {
		j = len(fx) - (len(ed) - i)
	}
	if j < 0 || j >= len(fx) {
		return min(off, len(m.fixed))
	}
	return min(fx[j]+(off-ed[i]), len(m.fixed))
}

// tokenOffsets returns the offsets of src's tokens and comments, leaving
// out the semicolons the scanner adds at line ends, which gofmt may move.
func tokenOffsets(src []byte) []int {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, src, nil, scanner.ScanComments)
	var offsets []int
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return offsets
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue
		}
		offsets = append(offsets, file.Offset(pos))
	}
}
