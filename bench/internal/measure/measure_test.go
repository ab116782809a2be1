package measure

import (
	"slices"
	"testing"
)

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		xs   []float64
		want float64
	}{{nil, 0}, {[]float64{3}, 3}, {[]float64{5, 1, 3}, 3}, {[]float64{4, 1, 3, 2}, 2.5}} {
		if got := Median(tc.xs); got != tc.want {
			t.Errorf("Median(%v) = %v, want %v", tc.xs, got, tc.want)
		}
	}
}

func TestSplitList(t *testing.T) {
	if got, want := SplitList(" a, ,b,"), []string{"a", "b"}; !slices.Equal(got, want) {
		t.Errorf("SplitList = %q, want %q", got, want)
	}
}

func TestMiBText(t *testing.T) {
	if got := MiBText(0); got != "n/a" {
		t.Errorf("MiBText(0) = %q", got)
	}
	if got := MiBText(2048); got != "2 MiB" {
		t.Errorf("MiBText(2048) = %q", got)
	}
}
