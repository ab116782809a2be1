package fix_test

import (
	"testing"

	"github.com/errcodevet/errcodevet/internal/fix"
)

func TestApply(t *testing.T) {
	src := []byte("if code == 42001 {")
	for _, c := range []struct {
		edits []fix.Edit
		want  string // "" for an error
	}{
		{nil, "if code == 42001 {"},
		{[]fix.Edit{{11, 16, "wechat.AccessTokenExpired"}}, "if code == wechat.AccessTokenExpired {"},
		{[]fix.Edit{{11, 16, "B"}, {0, 0, "A "}, {3, 3, "("}, {3, 3, ")"}}, "A if ()code == B {"}, // any order; insertions at one offset in order given
		{[]fix.Edit{{11, 16, "x"}, {12, 13, "y"}}, ""},                                            // overlap
		{[]fix.Edit{{17, 19, "x"}}, ""},                                                           // past the end
		{[]fix.Edit{{5, 4, "x"}}, ""},                                                             // backwards
	} {
		got, err := fix.Apply(src, c.edits)
		if c.want == "" {
			if err == nil {
				t.Errorf("Apply(%v) = %q, want an error", c.edits, got)
			}
			continue
		}
		if err != nil || string(got) != c.want {
			t.Errorf("Apply(%v) = %q, %v; want %q", c.edits, got, err, c.want)
		}
	}
}
