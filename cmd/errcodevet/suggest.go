package main

import (
	"cmp"
	"slices"
	"strings"
)

// closest returns up to n of known nearest to word by edit distance
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
		if d := editDistance(w, strings.ToLower(k)); d <= limit {
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

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
