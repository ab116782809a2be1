package lsp

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/errcodevet/errcodevet/analyzer"
)

// TestRelatedInformation checks that a finding's related information (the
// statement that gives up) reaches the editor as relatedInformation.
func TestRelatedInformation(t *testing.T) {
	c := startServer(t, Options{Analyzer: newAnalyzer(t, analyzer.Config{Checks: []string{"retry-unknown"}})})
	c.initialize(nil)
	text := "package pay\n\nimport \"errors\"\n\ntype Result struct{ ResultStatus string `json:\"resultStatus\"` }\n\n" +
		"func Settle(res Result) error {\n\tif res.ResultStatus == \"U\" {\n\t\treturn errors.New(\"payment failed\")\n\t}\n\treturn nil\n}\n"
	path := filepath.Join(t.TempDir(), "pay.go")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	uri := c.open(path, text)
	diags := c.nextFor(uri, 1)
	if len(diags) != 1 || diags[0].Code != "retry-unknown" {
		t.Fatalf("diagnostics %+v", diags)
	}
	rel := diags[0].RelatedInformation
	start := positionOf(t, text, "return errors.New")
	end := position{Line: start.Line, Character: start.Character + uint32(len(`return errors.New("payment failed")`))}
	if len(rel) != 1 || rel[0].Location.URI != uri || rel[0].Location.Range != (lspRange{Start: start, End: end}) ||
		rel[0].Message != "gives up here: returns an error made from text alone" {
		t.Errorf("relatedInformation %+v, want one at %v-%v", rel, start, end)
	}
}
