package analyzer

var unknownCode = &Check{
	ID:    "unknown-code",
	Title: "value that a code or status can never equal",
	Doc: `Reports a string literal compared against a carrier that can never hold
it: a resultStatus letter that is not documented (` + "`\"X\"`" + `), a value that
differs from a documented one only in case (` + "`\"param_illegal\"`" + `), or a likely
misspelling of one (` + "`\"ACCES_DENIED\"`" + `). The comparison is always false (or
always true with ` + "`!=`" + `): the branch it guards never runs.

A misspelling is a slip inside a long word: one edit (an insertion,
deletion, substitution or swap of neighbours) in a word of four letters or
more, two in a word of eight or more, at most two in all, with the same
words otherwise. A different short word (` + "`INVALID_APP`" + ` against ` + "`INVALID_API`" + `) is
another code, not a typo, and two equally close candidates are left alone.
Values a catalog lists as known are never reported: add the per-API codes
your APIs return to a catalog file (` + "`known:`" + `) if one is taken for a typo.
Nor is the empty string, which is what a missing field decodes to.

The message names the value probably meant; the fix writes its constant.
Unlike the other fixes this one changes behaviour, on purpose: the
comparison starts to match what it was written to match.

It also reports a comparison through an interface that can never be
true because of the value's type. ` + "`m[\"errcode\"] == 42001`" + `, where ` + "`m`" + ` is a
` + "`map[string]any`" + `, is true only if the map holds the int 42001; what
encoding/json decodes into an interface is a float64 for a number (a
` + "`json.Number`" + ` with ` + "`UseNumber`" + `) and a string for a string, so the branch
never runs in production, while a test that builds the map by hand
passes. The same holds for a field of type ` + "`any`" + ` tagged ` + "`json:\"errcode\"`" + `,
for named constants and variables of an integer type, and for string
codes compared through an interface with a value that is not a ` + "`string`" + `.
The fix converts the value to the type the interface holds:
` + "`float64(wechat.AccessTokenExpired)`" + `, which equals the decoded 42001 exactly, or
` + "`string(v)`" + ` for a named string type. With ` + "`UseNumber`" + `, or a decoder that
may use it, the finding has no fix: float64 would be as wrong.

The type of what the interface holds is taken from the flow of the
function, and only when the evidence is complete; otherwise nothing is
reported, since a map built by hand may hold an int. The carrier must be
a path (map indexes, fields, type assertions) into a local variable that
is declared empty (` + "`var m map[string]any`" + `, ` + "`T{}`" + `, ` + "`make`" + `, ` + "`new`" + `) or as
such a path into another one, is filled by ` + "`json.Unmarshal(data, &m)`" + ` or a
` + "`json.Decoder`" + `'s ` + "`Decode(&m)`" + `, and is written by nothing else: no
assignment to it or to an element or field in it, and neither it nor a
part that can hold the carrier is handed to a function (fmt, log and
` + "`json.Marshal`" + ` aside), stored, kept in a variable that is written, or
returned by a function literal (the function itself may return it). No type on the path may have an UnmarshalJSON or UnmarshalText
method. A decoder is known not to use numbers when it is made by
` + "`json.NewDecoder`" + ` in the function and only its methods are called, none of
them ` + "`UseNumber`" + `. Parameters, package-level variables, maps from other
decoders (YAML, for one, decodes integers as int) and type switches are
left alone; ` + "`m[\"errcode\"].(float64) == 42001`" + ` is a magic-code finding.`,
	Bad: `package example

type Result struct {
	ResultCode   string ` + "`json:\"resultCode\"`" + `
	ResultStatus string ` + "`json:\"resultStatus\"`" + `
}

func denied(res Result) bool {
	return res.ResultCode == "ACCES_DENIED"
}
`,
	Want: `resultCode "ACCES_DENIED" can never match: likely a misspelling of ACCESS_DENIED (miniprogram.AccessDenied)`,
	Good: `package example

import "github.com/errcodevet/errcodevet/miniprogram"

type Result struct {
	ResultCode   string ` + "`json:\"resultCode\"`" + `
	ResultStatus string ` + "`json:\"resultStatus\"`" + `
}

func denied(res Result) bool {
	return res.ResultCode == miniprogram.AccessDenied
}
`,
	More: []Example{{
		Title: "a type the interface never holds",
		Bad: `package example

import "encoding/json"

func tokenExpired(body []byte) bool {
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return false
	}
	return m["errcode"] == 42001
}
`,
		Want: "errcode 42001 can never match: encoding/json decodes a number into an interface as float64, and this compares an int; compare with float64(wechat.AccessTokenExpired)",
		Good: `package example

import (
	"encoding/json"

	"github.com/errcodevet/errcodevet/wechat"
)

func tokenExpired(body []byte) bool {
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return false
	}
	return m["errcode"] == float64(wechat.AccessTokenExpired)
}
`,
	}},
}
