package checkid

import (
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestMessage(t *testing.T) {
	for _, tc := range []struct {
		d    analysis.Diagnostic
		want string
	}{
		{analysis.Diagnostic{Category: "magic-code", Message: "errcode 42001 compared as a magic number"}, "errcode 42001 compared as a magic number (magic-code)"},
		{analysis.Diagnostic{Message: "no category"}, "no category"},
	} {
		if got := Message(tc.d); got != tc.want {
			t.Errorf("Message(%+v) = %q, want %q", tc.d, got, tc.want)
		}
	}
}

func TestInMessages(t *testing.T) {
	inner := &analysis.Analyzer{Name: "x", Doc: "x", Run: func(p *analysis.Pass) (any, error) {
		p.Report(analysis.Diagnostic{Category: "string-code", Message: "m"})
		return nil, nil
	}}
	var got []string
	a := InMessages(inner)
	if a.Name != inner.Name || a == inner {
		t.Fatalf("InMessages returned %+v", a)
	}
	if _, err := a.Run(&analysis.Pass{Report: func(d analysis.Diagnostic) { got = append(got, d.Message) }}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != "m (string-code)" {
		t.Errorf("reported %q, want [m (string-code)]", got)
	}
}
