package spell

import "testing"

func TestSuggest(t *testing.T) {
	codes := []string{"ACCESS_DENIED", "ACQ.SYSTEM_ERROR", "isp.unknow-error", "aop.unknow-error", "aop.invalid-auth-token", "INVALID_API"}
	for _, tc := range []struct {
		lit  string
		want string
		kind Kind
	}{
		{"ACCES_DENIED", "ACCESS_DENIED", Misspelling},
		{"access_denied", "ACCESS_DENIED", Case},
		{"ACQ.SYSTEM_EROR", "ACQ.SYSTEM_ERROR", Misspelling},
		{"ISP.UNKNOW-ERROR", "isp.unknow-error", Case},
		{"isp.unknown-error", "isp.unknow-error", Misspelling}, // lower-case codes are compared word by word too
		{"isp.unknow-eror", "isp.unknow-error", Misspelling},
		{"aop.invalid-auth-tokn", "aop.invalid-auth-token", Misspelling},
		{"isp.unknow-error", "", None},   // the code itself
		{"isp.unknow_error", "", None},   // another separator: not a slip inside a word
		{"isv.unknow-error", "", None},   // another short word: another code
		{"ACQ_SYSTEM_ERROR", "", None},   // separators differ
		{"ACK.SYSTEM_ERROR", "", None},   // a short word differs
		{"INVALID_APP", "", None},        // a short word differs
		{"aop.invalid-auth", "", None},   // fewer words
		{"isp.unknowxx-error", "", None}, // two slips in a seven-letter word
	} {
		got, kind := Suggest(tc.lit, codes)
		if got != tc.want || kind != tc.kind {
			t.Errorf("Suggest(%q) = %q, %v; want %q, %v", tc.lit, got, kind, tc.want, tc.kind)
		}
	}
}
