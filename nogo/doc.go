// Package nogo exports errcodevet's analyzer in the form Bazel's nogo
// expects: a package with an exported Analyzer variable.
//
// It differs from [github.com/errcodevet/errcodevet/analyzer.Analyzer] in one
// way: each finding's message ends with its check ID, "(magic-code)", as
// under go vet and golangci-lint. nogo prints only a diagnostic's message
// and the analyzer's name, and users need the ID to write an
// //errcodevet:ignore directive. Flags (nogo's analyzer_flags) and facts are
// the analyzer's own.
//
// In the nogo target of a BUILD file:
//
//	nogo(
//	    name = "nogo",
//	    config = "nogo.json",
//	    deps = ["@com_github_errcodevet_errcodevet//nogo"],
//	)
//
// docs/nogo.md has the whole setup, as CI runs it.
package nogo
