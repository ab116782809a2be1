package main

import (
	"cmp"
	"slices"
	"strings"

	"github.com/errcodevet/errcodevet/internal/spell"
)

// closest returns up to n of known nearest to word by edit distance (adjacent transpositions count as one edit)
// (case-insensitive), nearest first, leaving out any that differ in more
// than a third of word's length (and at least one edit).
func closest(word string, known []string, n int) []string {
	type candidate struct {
		s    string
		dist int
	}
	limit := max(1, len(word)/3)
	var cands []candidate
	w := strings.ToLower(word)
	for _, k := range known {
		if d := spell.Distance(w, strings.ToLower(k)); d <= limit {
			cands = append(cands, candidate{k, d})
		}
	}
	slices.SortStableFunc(cands, func(a, b candidate) int { return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(a.s, b.s)) })
	var out []string
	for _, c := range cands {
		if len(out) == n {
			break
		}
		if !slices.Contains(out, c.s) {
			out = append(out, c.s)
		}
	}
	return out
}
