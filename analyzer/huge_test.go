package analyzer_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/analyzer"
)

// hugeFile returns a file of n functions (13 lines each) dense with what
// costs errcodevet work: carriers, locals, a directive and findings with
// fixes in each function, and a chain of n carrier-returning functions
// (each calls the previous one). Each function gives two findings; the
// directive suppresses a third.
func hugeFile(n int) string {
	var b strings.Builder
	b.WriteString("package huge\n\ntype Response struct {\n\tErrCode int `json:\"errcode\"`\n}\n\n")
	b.WriteString("func code0(r *Response) int { return r.ErrCode }\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `func code%[1]d(r *Response) int { return code%[2]d(r) }

func f%[1]d(r *Response, m map[string]any) bool {
	a := code%[1]d(r)
	b := a
	//errcodevet:ignore magic-code known value in a huge file
	if b == 42001 {
		return true
	}
	if r.ErrCode == 40001 || m["errcode"].(float64) == -1 {
		return false
	}
	return r.ErrCode == 0
}

`, i, i-1)
	}
	return b.String()
}

// loadSource type-checks a one-file package.
func loadSource(tb testing.TB, src string) *packages.Package {
	tb.Helper()
	imp, err := fuzzImporter()
	if err != nil {
		tb.Fatal(err)
	}
	pkg := typeCheck(imp, "huge.go", []byte(src))
	if pkg == nil {
		tb.Fatal("huge file does not type-check")
	}
	return pkg
}

// analyzeHuge runs the analyzer over a package through the checker and
// returns the number of diagnostics and of fixes.
func analyzeHuge(tb testing.TB, pkg *packages.Package) (diags, fixes int) {
	tb.Helper()
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, []*packages.Package{pkg}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	for act := range graph.All() {
		if act.Err != nil {
			tb.Fatal(act.Err)
		}
		for _, d := range act.Diagnostics {
			diags++
			fixes += len(d.SuggestedFixes)
		}
	}
	return diags, fixes
}

// BenchmarkHugeFile analyzes files of 15k to 120k lines (type-checked
// beforehand: the analysis alone is timed): the time per line (ns/line)
// stays flat if the cost is linear. It is a benchmark, not a timed test:
// run it with
//
//	go test ./analyzer -run '^$' -bench HugeFile
func BenchmarkHugeFile(b *testing.B) {
	for _, n := range []int{1000, 2000, 4000, 8000} {
		src := hugeFile(n)
		lines := strings.Count(src, "\n")
		pkg := loadSource(b, src)
		b.Run(fmt.Sprintf("lines=%d", lines), func(b *testing.B) {
			for b.Loop() {
				if diags, _ := analyzeHuge(b, pkg); diags != 2*n {
					b.Fatalf("%d diagnostics, want %d", diags, 2*n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(lines), "ns/line")
		})
	}
}

// TestHugeFile checks the huge file's findings: every one found, each with
// its fix, and the directive's suppressed.
func TestHugeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages")
	}
	const n = 4000 // 60k lines
	diags, fixes := analyzeHuge(t, loadSource(t, hugeFile(n)))
	if diags != 2*n || fixes != 2*n {
		t.Errorf("got %d diagnostics with %d fixes, want %d with %d", diags, fixes, 2*n, 2*n)
	}
}
