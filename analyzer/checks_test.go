package analyzer_test

import (
	"flag"
	"go/parser"
	"go/token"
	"strings"
	"testing"
	"unicode"

	"github.com/errcodevet/errcodevet/analyzer"
)

// TestCheckExamples runs every check's documented examples, driven only by
// analyzer.Checks: Bad must give exactly one finding, with the check's ID
// as category and Want as message, and Good none.
func TestCheckExamples(t *testing.T) {
	for _, c := range analyzer.Checks() {
		t.Run(c.ID, func(t *testing.T) {
			a := newAnalyzer(t, analyzer.Config{})
			got := analyze(t, a, map[string]string{"example.go": c.Bad})
			if len(got) != 1 || got[0].Category != c.ID || got[0].Message != c.Want {
				t.Errorf("Bad gives:\n%swant one [%s] %s", joinFindings(got), c.ID, c.Want)
			}
			if got := analyze(t, a, map[string]string{"example.go": c.Good}); len(got) > 0 {
				t.Errorf("Good gives:\n%swant none", joinFindings(got))
			}
			for _, ex := range c.More {
				got := analyze(t, a, map[string]string{"example.go": ex.Bad})
				if len(got) != 1 || got[0].Category != c.ID || got[0].Message != ex.Want {
					t.Errorf("%s: Bad gives:\n%swant one [%s] %s", ex.Title, joinFindings(got), c.ID, ex.Want)
				}
				if got := analyze(t, a, map[string]string{"example.go": ex.Good}); len(got) > 0 {
					t.Errorf("%s: Good gives:\n%swant none", ex.Title, joinFindings(got))
				}
			}
		})
	}
}

// TestCheckMetadata proves that every check is fully described, in the
// style of the x/tools passes: unique lower-case IDs, lower-case titles and
// messages without a final period, Go examples of package example, and a
// URL into docs/checks.md.
func TestCheckMetadata(t *testing.T) {
	seen := make(map[string]bool)
	for _, c := range analyzer.Checks() {
		if c.ID == "" || strings.ToLower(c.ID) != c.ID || strings.ContainsAny(c.ID, " ,_") || seen[c.ID] {
			t.Errorf("check ID %q: want a unique lower-case, hyphenated name", c.ID)
		}
		seen[c.ID] = true
		if c.ID == "directive" {
			t.Errorf("check ID %q is the category of directive findings", c.ID)
		}
		for what, text := range map[string]string{"Title": c.Title, "Want": c.Want} {
			if text == "" || unicode.IsUpper(rune(text[0])) || strings.HasSuffix(text, ".") {
				t.Errorf("%s.%s = %q: want lower case without a final period", c.ID, what, text)
			}
		}
		if strings.TrimSpace(c.Doc) == "" {
			t.Errorf("%s has no Doc", c.ID)
		}
		examples := map[string]string{"Bad": c.Bad, "Good": c.Good}
		for _, ex := range c.More {
			examples[ex.Title+": Bad"], examples[ex.Title+": Good"] = ex.Bad, ex.Good
			if ex.Title == "" || unicode.IsUpper(rune(ex.Title[0])) || strings.HasSuffix(ex.Want, ".") || unicode.IsUpper(rune(ex.Want[0])) {
				t.Errorf("%s example %q: want a lower-case title and message without a final period", c.ID, ex.Title)
			}
		}
		for what, src := range examples {
			f, err := parser.ParseFile(token.NewFileSet(), c.ID+".go", src, 0)
			if err != nil {
				t.Errorf("%s.%s does not parse: %v", c.ID, what, err)
			} else if f.Name.Name != "example" {
				t.Errorf("%s.%s is package %s, want example", c.ID, what, f.Name.Name)
			}
		}
		if s := c.Severity.String(); c.Severity != analyzer.Warning && c.Severity != analyzer.Error || s != "warning" && s != "error" {
			t.Errorf("%s has severity %d (%s), want Warning or Error", c.ID, c.Severity, s)
		}
		if want := analyzer.DocsURL + "#" + c.ID; c.URL() != want {
			t.Errorf("%s.URL() = %s, want %s", c.ID, c.URL(), want)
		}
	}
}

// TestPackageDocListsFlags proves that the package documentation (doc.go)
// describes every flag of the analyzer.
func TestPackageDocListsFlags(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	doc := f.Doc.Text()
	a := newAnalyzer(t, analyzer.Config{})
	n := 0
	a.Flags.VisitAll(func(fl *flag.Flag) {
		n++
		if !strings.Contains(doc, "\t-"+fl.Name) {
			t.Errorf("doc.go does not describe -%s", fl.Name)
		}
	})
	if n == 0 {
		t.Fatal("the analyzer has no flags")
	}
	for _, c := range analyzer.Checks() {
		if !strings.Contains(doc, "  - "+c.ID+": ") {
			t.Errorf("doc.go does not list check %s", c.ID)
		}
	}
}

// TestAnalyzerDoc proves that the analyzer's Doc is the "Analyzer
// errcodevet" section of the package documentation (doc.go), as in the
// x/tools passes: go doc and the drivers' help say the same.
func TestAnalyzerDoc(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(f.Doc.Text(), "\n# Analyzer errcodevet\n\nerrcodevet: ")
	if !ok {
		t.Fatal("doc.go has no section # Analyzer errcodevet starting errcodevet: ")
	}
	section, _, _ = strings.Cut(section, "\n# ")
	doc := analyzer.Analyzer.Doc
	if doc != strings.TrimSpace(section) {
		t.Errorf("Analyzer.Doc is\n%s\nwant doc.go's section\n%s", doc, section)
	}
	if summary, _, _ := strings.Cut(doc, "\n"); summary != "check comparisons of WeChat and Mini Program result codes" {
		t.Errorf("Analyzer.Doc's first line is %q", summary)
	}
	for _, c := range analyzer.Checks() {
		if !strings.Contains(doc, c.ID) {
			t.Errorf("Analyzer.Doc does not name %s", c.ID)
		}
	}
}
