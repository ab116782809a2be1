package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"os"
	"slices"
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
// reason in their message. With diffOnly, the files are left alone and the
// changes are returned as a unified diff.
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
	for _, name := range names {
		old, err := os.ReadFile(name)
		if err != nil {
			return nil, "", err
		}
		fixed, err := fix.Apply(old, accepted[name])
		if err != nil {
			return nil, "", fmt.Errorf("%s: the file changed since it was analyzed", name)
		}
		if formatted, err := format.Source(old); err == nil && bytes.Equal(formatted, old) {
			if fixed, err = format.Source(fixed); err != nil {
				return nil, "", fmt.Errorf("%s: the fixed file does not parse: %v", name, err)
			}
		}
		if diffOnly {
			diffs.WriteString(unifiedDiff(relative(name), string(old), string(fixed)))
			continue
		}
		info, err := os.Stat(name)
		if err != nil {
			return nil, "", err
		}
		if err := atomicfile.Write(name, fixed, info.Mode().Perm()); err != nil {
			return nil, "", fmt.Errorf("writing %s: %v", name, err)
		}
	}
	return unfixed, diffs.String(), nil
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
