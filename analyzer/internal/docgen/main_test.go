package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/analyzer"
)

const checksMD = "../../../docs/checks.md"

// TestUpToDate fails when docs/checks.md differs from what the checks'
// metadata generates.
func TestUpToDate(t *testing.T) {
	want, err := render()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(checksMD)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("docs/checks.md is out of date: run go generate ./analyzer")
	}
}

// TestAnchors proves that every address the analyzer reports (each check's
// URL, and the directive findings' URL) names a heading of docs/checks.md,
// as GitHub derives anchors from headings.
func TestAnchors(t *testing.T) {
	doc, err := render()
	if err != nil {
		t.Fatal(err)
	}
	anchors := make(map[string]bool)
	for _, m := range regexp.MustCompile(`(?m)^#+ (.+)$`).FindAllStringSubmatch(string(doc), -1) {
		anchors[githubAnchor(m[1])] = true
	}
	urls := []string{analyzer.DocsURL + "#suppressing-a-finding", analyzer.DocsURL + "#configuration"}
	for _, c := range analyzer.Checks() {
		urls = append(urls, c.URL())
	}
	for _, u := range urls {
		page, anchor, ok := strings.Cut(u, "#")
		if !ok || page != analyzer.DocsURL || !anchors[anchor] {
			t.Errorf("%s: no such heading in docs/checks.md (have %v)", u, anchors)
		}
	}
}

// githubAnchor is the anchor GitHub gives a Markdown heading: lower case,
// punctuation other than hyphens dropped, spaces as hyphens.
func githubAnchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}
