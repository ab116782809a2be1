// Package sourceimport turns a vendor's error-code documentation, copied
// as text into catalog/sources, into a catalog file: it parses the page or
// table (Parse), derives each code's Go name and retry class from the
// vendor's text (DeriveName, DeriveRetry), and applies the review file's
// corrections, names, aliases and sources (ReadReview, Import).
//
// It is the first step of "go generate ./catalog" (internal/cmd/gencatalog)
// and of "errcodevet catalog import". It sits below the generator and the
// command and above package catalog, whose File it produces; nothing it
// does runs inside the analyzer. Its name says what it imports: not Go
// packages, as go/importer does.
package sourceimport
