package checkdoc_test

import (
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/internal/checkdoc"
	"github.com/errcodevet/errcodevet/internal/directive"
)

func TestText(t *testing.T) {
	md := "## magic-code\n\nReports `42001` and **gives up** ([docs](https://example.com/a#b)):\n\n" +
		"```go\nif x == 1 {\n\n}\n```\n\n- a `list` item\n"
	want := "magic-code\n\nReports 42001 and gives up (docs (https://example.com/a#b)):\n\n" +
		"\tif x == 1 {\n\n\t}\n\n- a list item\n"
	if got := checkdoc.Text(md); got != want {
		t.Errorf("Text:\n%s\nwant\n%s", got, want)
	}
}

// TestTextOfEveryDoc proves that the plain text of every check's section
// and of the directives' documentation keeps no Markdown mark outside the
// examples' code: the docs use only what Text renders.
func TestTextOfEveryDoc(t *testing.T) {
	docs := map[string]string{"directive": directive.Doc}
	for _, c := range analyzer.Checks() {
		docs[c.ID] = checkdoc.Markdown(c)
	}
	for id, md := range docs {
		for i, line := range strings.Split(checkdoc.Text(md), "\n") {
			if strings.HasPrefix(line, "\t") {
				continue // an example's code, Go as written
			}
			if strings.ContainsAny(line, "`") || strings.Contains(line, "**") || strings.HasPrefix(line, "#") || strings.Contains(line, "](") {
				t.Errorf("%s, line %d of its text keeps Markdown: %s", id, i+1, line)
			}
		}
	}
}

// TestMarkdownHasEveryExample proves that a check's section shows each of
// its examples with the finding it gives: the renderers that each had
// their own copy dropped unknown-code's second one.
func TestMarkdownHasEveryExample(t *testing.T) {
	for _, c := range analyzer.Checks() {
		md := checkdoc.Markdown(c)
		wants := []string{"## " + c.ID + "\n", c.Title, strings.TrimSpace(c.Bad), c.Want, strings.TrimSpace(c.Good)}
		for _, ex := range c.More {
			wants = append(wants, ex.Title, strings.TrimSpace(ex.Bad), ex.Want, strings.TrimSpace(ex.Good))
		}
		for _, w := range wants {
			if !strings.Contains(md, w) {
				t.Errorf("%s's section leaves out %q", c.ID, w)
			}
		}
	}
}
