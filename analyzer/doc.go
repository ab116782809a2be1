// Package analyzer defines errcodevet's analysis.Analyzer, which checks Go
// code that handles WeChat Official Account errcode values and Mini Program
// OpenAPI resultCode and resultStatus values.
//
// # Analyzer errcodevet
//
// errcodevet: check comparisons of WeChat and Mini Program result codes
//
// It reports literals compared against expressions that carry a documented
// code, and offers fixes that use the constants of the generated packages
// github.com/errcodevet/errcodevet/wechat and .../miniprogram. Which
// expressions carry a code is decided from types, never from names: struct
// fields whose json tag name is errcode, resultCode or resultStatus, the
// fields and named types a catalog file lists, values read from loosely
// decoded JSON maps under "errcode", local variables assigned only such
// values, and functions returning them, each result on its own (code, err
// := call() when every return of call gives its first result a code), across
// packages through facts; a zero constant (0, "") assigned or returned on
// some path is no code.
//
// The checks, each the Category of its findings and documented with a bad
// and a good example in docs/checks.md:
//
//   - magic-code: a documented integer code compared as a literal.
//   - string-code: a documented string code or status compared as a literal.
//   - unknown-code: a value that a code or status can never equal (a
//     misspelled string, an int compared with a decoded float64).
//   - retry-unknown: an unknown outcome handled as a final failure.
//   - retry-final: a final failure retried.
//
// # Flags
//
// [Analyzer] starts from the zero [Config]; drivers (go vet, golangci-lint,
// nogo) configure it through Analyzer.Flags, and [New] builds one from a
// Config. A bad value is an error naming the flag and the problem.
//
//	-checks=IDS
//		Comma-separated IDs of the checks to run, or "all". Default: all.
//		An unknown ID is an error.
//	-catalog=FILES
//		Comma-separated catalog files (YAML, see package catalog) that add
//		API families or extend the built-in ones with codes, known per-API
//		values and carriers. Default: none. A missing or malformed file is
//		an error with its file, line and column. Relative paths are resolved
//		against the directory the tool runs in, which under go vet is each
//		package's directory: there, give absolute paths
//		(-catalog=$PWD/codes.yaml).
//	-include-success
//		Also report success values compared as literals: errcode 0,
//		resultStatus "S", resultCode "SUCCESS". Default: false; comparing
//		with the success value is common and clear.
//	-include-tests
//		Also check _test.go files. Default: false; tests often compare with
//		the wire value on purpose.
//	-retry-funcs=FUNCS
//		Comma-separated functions that retry what they are given, as
//		import/path.Func or import/path.Type.Method, for the retry checks.
//		Default: none.
//	-give-up-funcs=FUNCS
//		Comma-separated functions that record a final outcome (mark an
//		order failed), as import/path.Func or import/path.Type.Method (an
//		interface's method too): retry-unknown reports a call of one in a
//		branch taken on an unknown outcome. Default: none. For both
//		settings, an entry that a package declaring or importing its
//		package shows to name nothing (a typo, a renamed method, a
//		package's name for its import path) fails that package's analysis
//		with an error naming the entry: it would turn findings off.
//	-client-packages=FAMILY=PATTERN,...
//		Packages that are a family's clients, as family=import/path or
//		family=import/path/... (it and the packages under it): where
//		families share a carrier (WeCom and the Official Account answer with
//		errcode), such a package holds the family's values. Default: none.
//	-config=FILE
//		The configuration file to read, or "none". Default: the
//		.errcodevet.yaml found walking up from each package's directory to
//		its module's root (never in GOROOT or the module cache). The file
//		holds the settings above under the same names (see package
//		internal/configfile), with paths relative to the file, so that
//		they work under go vet too; the settings given as flags (or
//		non-zero Config fields) override it. A malformed file is an error
//		with its file, line and column.
//
//	-constants=FAMILY=PATH,...
//		The constants package each named family's fixes import, in place
//		of the family's own (github.com/errcodevet/errcodevet/wechat, ...):
//		one that "errcodevet catalog gen" wrote into your module, so that
//		fixed code needs no new dependency. The package's name must be the
//		path's last element (catalog gen names it so). An unknown family or
//		a malformed path is an error. Default: the families' own packages.
//
// With singlechecker (cmd/errcodevet) the flags are written as shown; under
// go vet -vettool they are passed the same way (go vet forwards the flags
// the tool lists with -flags).
//
// # Suppressing a finding
//
// An //errcodevet:ignore or //errcodevet:file-ignore comment suppresses the
// findings of the checks it names, for a reason it gives. The rules, and
// the findings about directives themselves (category "directive"), are
// documented once, in docs/checks.md ("Suppressing a finding"), which
// "errcodevet explain directive" prints.
//
// Generated files are never checked, and fixes never edit them.
package analyzer

//go:generate go run ./internal/docgen -o ../docs/checks.md
