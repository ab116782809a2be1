package catalog

import (
	"strings"
	"testing"
)

// A file that is not a catalog (a configuration file may name any file) is
// said to be one without quoting it: its keys may be secrets.
func TestParseNotACatalog(t *testing.T) {
	for _, src := range []string{"AWS_SECRET_ACCESS_KEY: hunter2\n", "root:hash: x\ndaemon: y\n"} {
		_, err := Parse("f.yaml", []byte(src))
		if err == nil || err.Error() != `f.yaml:1:1: not a catalog file: a catalog is a YAML mapping with "family" or "extends"` {
			t.Errorf("Parse(%q): %v", src, err)
		}
		if err != nil && (strings.Contains(err.Error(), "hunter2") || strings.Contains(err.Error(), "SECRET") || strings.Contains(err.Error(), "hash")) {
			t.Errorf("Parse(%q) quotes the file: %v", src, err)
		}
	}
}
