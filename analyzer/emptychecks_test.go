package analyzer

import (
	"strings"
	"testing"
)

// -checks= is an error, not silently every check; -checks=all is every
// check.
func TestEmptyChecksFlag(t *testing.T) {
	a, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"", " ", ","} {
		if err := a.Flags.Set("checks", v); err == nil || !strings.Contains(err.Error(), "an empty list: name the checks to run, or all") {
			t.Errorf("-checks=%q: %v, want an error", v, err)
		}
	}
	if err := a.Flags.Set("checks", "all"); err != nil {
		t.Errorf("-checks=all: %v", err)
	}
}
