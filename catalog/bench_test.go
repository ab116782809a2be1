package catalog_test

import (
	"testing"

	"github.com/errcodevet/errcodevet/catalog"
)

// BenchmarkLoad measures what the first catalog load costs a process: the
// analyzer pays it once per process, and under go vet -vettool every
// analyzed package is a process of its own. Load shares its result within
// a process, so this builds the built-in catalog afresh with LoadParsed.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := catalog.LoadParsed(); err != nil {
			b.Fatal(err)
		}
	}
}
