package catalog_test

import (
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
)

func TestPackageName(t *testing.T) {
	for path, want := range map[string]string{
		"github.com/errcodevet/errcodevet/wechat": "wechat",
		"example.com/sdk/errcodes/v2":             "errcodes",
		"example.com/go-codes":                    "gocodes",
		"example.com/codes.v1":                    "codesv1",
		"example.com/123":                         "codes",
	} {
		if got := catalog.PackageName(path); got != want {
			t.Errorf("PackageName(%q) = %q, want %q", path, got, want)
		}
	}
}
