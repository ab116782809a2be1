package analyzer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/internal/configfile"
)

// A constants: error in a configuration file is located at its family's
// line and column, as every other setting's error is; a client-packages:
// error that only the catalog can tell (a family that shares no carrier)
// at its item.
func TestConstantsErrorLocated(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(dir, configfile.Name)
	for _, tc := range []struct{ file, want string }{
		{"checks: [magic-code]\nconstants:\n  wechat: m/wechatcodes\n  nope: m/x\n", `:4:3: constants of unknown family "nope" (known: `},
		{"constants:\n  wechat: \"m/bad path\"\n", `:2:3: constants of family wechat: `},
		{"client-packages:\n  - wecom=m/wecom/...\n  - alipay=m/pay\n", `:3:5: client packages of family "alipay", which shares no carrier with another family (families that do: wechat, wecom)`},
		{"client-packages: [wecom]\n", `:1:19: client package "wecom" is not of the form family=import/path or family=import/path/...`},
		{"client-packages: [\"wecom=m/bad path/...\"]\n", `:1:19: client package "wecom=m/bad path/...": malformed import path`},
	} {
		if err := os.WriteFile(config, []byte(tc.file), 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, err := Config{}.In(dir)
		if err == nil || !strings.HasPrefix(err.Error(), config+tc.want) {
			t.Errorf("%q: %v, want it to start %s%s", tc.file, err, config, tc.want)
		}
	}
}
