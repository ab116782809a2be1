package main

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// applyUnified applies a unified diff of one file to old, checking every
// hunk header against the lines of the hunk and the old text. It is an
// independent reader of what unifiedDiff writes.
func applyUnified(t *testing.T, diff, old string) string {
	t.Helper()
	lines := strings.SplitAfter(diff, "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		t.Fatalf("no file header:\n%s", diff)
	}
	a := splitLines(old)
	var out []string
	next := 0  // next line of a to copy
	delta := 0 // new-side line numbers minus old-side ones so far
	i := 2
	for i < len(lines) && lines[i] != "" {
		var oldStart, oldLen, newStart, newLen int
		h := lines[i]
		if _, err := fmt.Sscanf(h, "@@ -%s +%s @@", new(string), new(string)); err != nil {
			t.Fatalf("bad hunk header %q", h)
		}
		fields := strings.Fields(h)
		oldStart, oldLen = hunkSide(t, fields[1][1:])
		newStart, newLen = hunkSide(t, fields[2][1:])
		// An empty side names the line before the hunk.
		first := oldStart - 1
		if oldLen == 0 {
			first = oldStart
		}
		if want := first + delta + 1; newLen > 0 && newStart != want || newLen == 0 && newStart != want-1 {
			t.Fatalf("hunk %q: new side starts at %d, want %d", strings.TrimSpace(h), newStart, want)
		}
		out = append(out, a[next:first]...)
		next = first
		i++
		var gotOld, gotNew int
		for i < len(lines) && lines[i] != "" && !strings.HasPrefix(lines[i], "@@") {
			l := lines[i]
			i++
			body := l[1:]
			if i < len(lines) && strings.HasPrefix(lines[i], `\ No newline`) {
				body = strings.TrimSuffix(body, "\n")
				i++
			}
			switch l[0] {
			case ' ':
				if a[next] != body {
					t.Fatalf("context %q does not match line %d %q", body, next+1, a[next])
				}
				out = append(out, body)
				next++
				gotOld++
				gotNew++
			case '-':
				if a[next] != body {
					t.Fatalf("removed %q does not match line %d %q", body, next+1, a[next])
				}
				next++
				gotOld++
			case '+':
				out = append(out, body)
				gotNew++
			default:
				t.Fatalf("bad hunk line %q", l)
			}
		}
		if gotOld != oldLen || gotNew != newLen {
			t.Fatalf("hunk %q has %d old and %d new lines", strings.TrimSpace(h), gotOld, gotNew)
		}
		delta += newLen - oldLen
	}
	out = append(out, a[next:]...)
	return strings.Join(out, "")
}

func hunkSide(t *testing.T, s string) (start, n int) {
	t.Helper()
	startText, nText, ok := strings.Cut(s, ",")
	start, err := strconv.Atoi(startText)
	if err != nil {
		t.Fatalf("bad hunk range %q", s)
	}
	n = 1
	if ok {
		if n, err = strconv.Atoi(nText); err != nil {
			t.Fatalf("bad hunk range %q", s)
		}
	}
	return start, n
}

func TestUnifiedDiffHeaders(t *testing.T) {
	// The case go fix got wrong: an import block grows by two lines, so
	// every later hunk's new side starts two lines further down.
	var old strings.Builder
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&old, "line %d\n", i)
	}
	newText := strings.Replace(old.String(), "line 3\n", "line 3\nadded a\nadded b\n", 1)
	newText = strings.Replace(newText, "line 25\n", "line 25 changed\n", 1)
	d := unifiedDiff("f.go", old.String(), newText)
	if !strings.Contains(d, "@@ -22,7 +24,7 @@\n") {
		t.Errorf("second hunk's header is not -22,7 +24,7:\n%s", d)
	}
	if got := applyUnified(t, d, old.String()); got != newText {
		t.Errorf("the diff does not turn old into new:\n%s", d)
	}
}

func TestUnifiedDiffRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 500 {
		var a []string
		for range r.IntN(30) {
			a = append(a, fmt.Sprintf("l%d\n", r.IntN(8)))
		}
		b := append([]string(nil), a...)
		for range r.IntN(6) {
			switch i := r.IntN(len(b) + 1); r.IntN(3) {
			case 0:
				b = append(b[:i], append([]string{fmt.Sprintf("n%d\n", r.IntN(8))}, b[i:]...)...)
			case 1:
				if i < len(b) {
					b = append(b[:i], b[i+1:]...)
				}
			case 2:
				if i < len(b) {
					b[i] = fmt.Sprintf("c%d\n", r.IntN(8))
				}
			}
		}
		old, newText := strings.Join(a, ""), strings.Join(b, "")
		if n%7 == 0 {
			newText = strings.TrimSuffix(newText, "\n") // no final newline
		}
		d := unifiedDiff("f", old, newText)
		if (d == "") != (old == newText) {
			t.Fatalf("diff of %q and %q is %q", old, newText, d)
		}
		if d == "" {
			continue
		}
		if got := applyUnified(t, d, old); got != newText {
			t.Fatalf("diff\n%s\nturns %q into %q, want %q", d, old, got, newText)
		}
	}
}
