// Package spell finds what a mistyped word was meant to be. Suggest finds
// the documented code a string literal was probably meant to be; it is
// tuned to stay silent on real per-API codes: only slips inside long words
// count, never a different short word. Closest finds the names to suggest
// for a name a user mistyped (a command, a check, a code to explain).
package spell

import (
	"cmp"
	"slices"
	"strings"
)

// Kind is how a literal differs from the code it was meant to be.
type Kind int

const (
	None        Kind = iota
	Case             // "param_illegal" for PARAM_ILLEGAL
	Misspelling      // "ACCES_DENIED" for ACCESS_DENIED
)

// Suggest returns the candidate lit was probably meant to be. A candidate
// equal to lit is no suggestion; two candidates equally close are none
// either: better silent than wrong.
func Suggest(lit string, candidates []string) (string, Kind) {
	for _, c := range candidates {
		if c == lit {
			return "", None
		}
	}
	for _, c := range candidates {
		if strings.EqualFold(c, lit) {
			return c, Case
		}
	}
	best, bestDist, tie := "", 3, false
	for _, c := range candidates {
		d := distance(strings.ToUpper(lit), strings.ToUpper(c))
		switch {
		case d < bestDist:
			best, bestDist, tie = c, d, false
		case d == bestDist:
			tie = true
		}
	}
	if best == "" || tie {
		return "", None
	}
	return best, Misspelling
}

// distance is the number of typing slips between a literal and a code,
// word by word (words split at '_', '.' and '-': ACQ.SYSTEM_ERROR,
// isp.unknow-error), or 3 when the two are not one code mistyped: the
// words or the separators between them differ in number or kind, a short
// word (under four letters) differs, a word needs more slips than its
// length allows (one, two from eight letters), or more than two slips in
// all.
func distance(lit, code string) int {
	lw, ls := words(lit)
	cw, cs := words(code)
	if len(lw) != len(cw) || ls != cs {
		return 3
	}
	total := 0
	for i := range cw {
		if lw[i] == cw[i] {
			continue
		}
		if len(cw[i]) < 4 {
			return 3
		}
		allowed := 1
		if len(cw[i]) >= 8 {
			allowed = 2
		}
		d := Distance(lw[i], cw[i])
		if d > allowed {
			return 3
		}
		total += d
	}
	if total == 0 || total > 2 {
		return 3
	}
	return total
}

// words splits s into its words and the separators between them.
func words(s string) (words []string, seps string) {
	start := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '_' || c == '.' || c == '-' {
			words = append(words, s[start:i])
			seps += string(c)
			start = i + 1
		}
	}
	return append(words, s[start:]), seps
}

// Distance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and transpositions of adjacent bytes.
func Distance(a, b string) int {
	prev2 := make([]int, len(b)+1)
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
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// Closest returns up to n of known nearest to word by edit distance
// (Distance, case-insensitive), nearest first, leaving out any that differ
// in more than a third of word's length (and at least one edit): the
// suggestions for a mistyped name, command or code.
func Closest(word string, known []string, n int) []string {
	type candidate struct {
		s    string
		dist int
	}
	limit := max(1, len(word)/3)
	var cands []candidate
	w := strings.ToLower(word)
	for _, k := range known {
		if d := Distance(w, strings.ToLower(k)); d <= limit {
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
