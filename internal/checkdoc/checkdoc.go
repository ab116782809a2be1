// Package checkdoc renders the documentation of errcodevet's checks, the
// one renderer behind docs/checks.md, "errcodevet explain CHECK" and the
// rules of a SARIF log, so that they say the same: a check's section in
// Markdown, and the plain text a terminal shows of any of it.
package checkdoc

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/errcodevet/errcodevet/analyzer"
)

// Markdown returns a check's section of docs/checks.md: its ID as a
// heading (the anchor of its URL), what it reports, its documentation, and
// each of its examples with the finding it gives.
func Markdown(c analyzer.Check) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", c.ID)
	fmt.Fprintf(&b, "Reports: %s.\n\n", c.Title)
	fmt.Fprintf(&b, "%s\n\n", strings.TrimSpace(c.Doc))
	example(&b, c.Bad, c.Want, c.Good)
	for _, ex := range c.More {
		fmt.Fprintf(&b, "### %s: %s\n\n", c.ID, ex.Title)
		example(&b, ex.Bad, ex.Want, ex.Good)
	}
	return b.String()
}

func example(b *strings.Builder, bad, want, good string) {
	fmt.Fprintf(b, "Bad:\n\n```go\n%s\n```\n\n", strings.TrimSpace(bad))
	fmt.Fprintf(b, "errcodevet reports:\n\n```text\n%s\n```\n\n", want)
	fmt.Fprintf(b, "Good:\n\n```go\n%s\n```\n\n", strings.TrimSpace(good))
}

var (
	link   = regexp.MustCompile(`\[([^\]]+)\]\(([^)\s]+)\)`)
	code   = regexp.MustCompile("`([^`]+)`")
	strong = regexp.MustCompile(`\*\*([^*]+)\*\*`)
)

// Text returns Markdown as plain text for a terminal, for the Markdown
// the check docs use: headings become their text, fenced code blocks are
// indented by a tab without their fences, and inline code, bold and links
// lose their marks (a link keeps its address in parentheses). Everything
// else, paragraphs and lists, reads the same in both.
func Text(markdown string) string {
	var b strings.Builder
	fenced := false
	for _, line := range strings.SplitAfter(markdown, "\n") {
		trimmed := strings.TrimRight(line, "\n")
		if strings.HasPrefix(trimmed, "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			if trimmed != "" {
				b.WriteString("\t")
			}
			b.WriteString(line)
			continue
		}
		if h := strings.TrimLeft(line, "#"); h != line && strings.HasPrefix(h, " ") {
			line = h[1:]
		}
		line = link.ReplaceAllString(line, "$1 ($2)")
		line = code.ReplaceAllString(line, "$1")
		line = strong.ReplaceAllString(line, "$1")
		b.WriteString(line)
	}
	return b.String()
}
