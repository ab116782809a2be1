package fiximports // want package:"exposes carriers"

// This fixture proves where a fix adds the import of the constants package:
// after the package clause (and its comment) in a file with no imports,
// after a single unparenthesized import, in a group of its own after
// standard library imports, after an import's trailing comment, on a line of
// its own in a one-line block, and in the same group after other imports.

type Response struct {
	ErrCode int `json:"errcode"`
}
