package main

import (
	"fmt"
	"strings"
)

// unifiedDiff returns the unified diff (as diff -u and git print it, with
// three lines of context) that turns old into new, the files' contents;
// "" if they are equal. The file is named name on both sides.
func unifiedDiff(name, old, new string) string {
	if old == new {
		return ""
	}
	a, b := splitLines(old), splitLines(new)
	ops := diffLines(a, b)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", name, name)
	const context = 3
	// Walk the script, cutting it into hunks: runs of changes with up to
	// 2*context equal lines between them, and context lines around.
	for i := 0; i < len(ops); {
		if ops[i].kind == equal {
			i++
			continue
		}
		start := i
		for start > 0 && ops[start-1].kind == equal && i-start < context {
			start--
		}
		end := i
		for end < len(ops) {
			if ops[end].kind != equal {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == equal {
				run++
			}
			if run == len(ops) || run-end > 2*context {
				end = min(end+context, run)
				break
			}
			end = run
		}
		writeHunk(&out, ops[start:end], a, b)
		i = end
	}
	return out.String()
}

func writeHunk(out *strings.Builder, ops []diffOp, a, b []string) {
	first := ops[0]
	var oldLen, newLen int
	for _, op := range ops {
		if op.kind != insert {
			oldLen++
		}
		if op.kind != remove {
			newLen++
		}
	}
	fmt.Fprintf(out, "@@ -%s +%s @@\n", hunkRange(first.a, oldLen), hunkRange(first.b, newLen))
	for _, op := range ops {
		switch op.kind {
		case equal:
			writeLine(out, ' ', a[op.a])
		case remove:
			writeLine(out, '-', a[op.a])
		case insert:
			writeLine(out, '+', b[op.b])
		}
	}
}

// hunkRange formats a hunk's side: its first line (1-based) and length; an
// empty side names the line before it, as diff -u does.
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprint(start + 1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

func writeLine(out *strings.Builder, prefix byte, line string) {
	out.WriteByte(prefix)
	out.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		out.WriteString("\n\\ No newline at end of file\n")
	}
}

// splitLines splits s after each newline; the last line may lack one.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

type opKind int

const (
	equal opKind = iota
	remove
	insert
)

// A diffOp is one line of an edit script: a[a] kept as b[b], a[a]
// removed, or b[b] inserted. a and b are the positions in each side where
// the line is or would be.
type diffOp struct {
	kind opKind
	a, b int
}

// diffLines returns a shortest edit script from a to b (Myers' O(ND)
// algorithm), after setting aside their common prefix and suffix.
func diffLines(a, b []string) []diffOp {
	var ops []diffOp
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		ops = append(ops, diffOp{equal, pre, pre})
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ops = append(ops, myers(a[pre:len(a)-suf], b[pre:len(b)-suf], pre)...)
	for i := suf; i > 0; i-- {
		ops = append(ops, diffOp{equal, len(a) - i, len(b) - i})
	}
	return ops
}

// myers returns the edit script from a to b, whose lines start at offset
// in both files.
func myers(a, b []string, offset int) []diffOp {
	n, m := len(a), len(b)
	maxD := n + m
	v := make([]int, 2*maxD+2)
	var trace [][]int
	found := false
	for d := 0; d <= maxD && !found; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[maxD+k-1] < v[maxD+k+1] {
				x = v[maxD+k+1] // down: an insertion
			} else {
				x = v[maxD+k-1] + 1 // right: a removal
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[maxD+k] = x
			if x >= n && y >= m {
				found = true
				break
			}
		}
	}
	// Backtrack from (n, m) through the saved frontiers.
	var rev []diffOp
	x, y := n, m
	for d := len(trace) - 1; d > 0; d-- {
		v := trace[d]
		k := x - y
		var prevK int
		if k == -d || k != d && v[maxD+k-1] < v[maxD+k+1] {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := v[maxD+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			rev = append(rev, diffOp{equal, offset + x, offset + y})
		}
		if x == prevX {
			y--
			rev = append(rev, diffOp{insert, offset + x, offset + y})
		} else {
			x--
			rev = append(rev, diffOp{remove, offset + x, offset + y})
		}
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		rev = append(rev, diffOp{equal, offset + x, offset + y})
	}
	ops := make([]diffOp, len(rev))
	for i, op := range rev {
		ops[len(rev)-1-i] = op
	}
	return ops
}
