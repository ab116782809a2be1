package fix

import (
	"bytes"
	"cmp"
	"errors"
	"slices"
)

// An Edit replaces the bytes [Start, End) of a file by Text.
type Edit struct {
	Start, End int
	Text       string
}

// errEdits is Apply's error: its callers know what it means for them (the
// fixes overlap, or the file changed since it was analyzed).
var errEdits = errors.New("edits overlap or lie outside the file")

// Apply returns src with edits applied, in order of position; insertions
// at one offset go in the order given. Edits that overlap or lie outside
// src are an error.
func Apply(src []byte, edits []Edit) ([]byte, error) {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b Edit) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.Start < last || e.Start > e.End || e.End > len(src) {
			return nil, errEdits
		}
		out.Write(src[last:e.Start])
		out.WriteString(e.Text)
		last = e.End
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}
