package sarif

import "testing"

func TestUTF16Len(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"\treturn ", 8},
		{"日本", 2},     // 6 bytes, 2 units
		{"😀", 2},      // 4 bytes, a surrogate pair
		{"a\xffb", 3}, // an invalid byte counts as one unit
		{"é", 1},
	} {
		if got := utf16Len([]byte(tc.s)); got != tc.want {
			t.Errorf("utf16Len(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}
