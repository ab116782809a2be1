package main

import (
	"strings"
	"testing"
)

// TestSetConstants proves that init adds the constants setting to a
// configuration file, leaving the rest of its text as it was, and refuses
// a setting it cannot extend line by line.
func TestSetConstants(t *testing.T) {
	set := map[string]string{"wechat": "example.com/m/internal/wechatcodes", "miniprogram": "example.com/m/internal/miniprogramcodes"}
	added := "# The constants packages errcodevet's fixes import, written by errcodevet init.\nconstants:\n" +
		"  miniprogram: example.com/m/internal/miniprogramcodes\n  wechat: example.com/m/internal/wechatcodes\n"
	for _, tc := range []struct{ name, in, want, err string }{
		{"no file", "", added, ""},
		{"other settings", "checks: [magic-code]  # only this\n", "checks: [magic-code]  # only this\n\n" + added, ""},
		{"no final newline", "include-tests: true", "include-tests: true\n\n" + added, ""},
		{"a block", "constants:\n    acme: example.com/m/acmecodes   # ours\ninclude-tests: true\n",
			"constants:\n    acme: example.com/m/acmecodes   # ours\n    miniprogram: example.com/m/internal/miniprogramcodes\n" +
				"    wechat: example.com/m/internal/wechatcodes\ninclude-tests: true\n", ""},
		{"an empty setting", "constants:\nchecks: [magic-code]\n",
			"constants:\n  miniprogram: example.com/m/internal/miniprogramcodes\n  wechat: example.com/m/internal/wechatcodes\nchecks: [magic-code]\n", ""},
		{"flow style", "constants: {acme: example.com/m/acmecodes}\n", "", "1:1: the constants setting is not written as a block"},
	} {
		got, err := setConstants([]byte(tc.in), set)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: err %v, want %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil || string(got) != tc.want {
			t.Errorf("%s: got (err %v)\n%s\nwant\n%s", tc.name, err, got, tc.want)
		}
	}
}
