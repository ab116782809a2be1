package directive

// Doc is the users' documentation of the directives, in Markdown: the one
// text that docs/checks.md ("Suppressing a finding"), "errcodevet explain
// directive" and the SARIF rule of directive findings render.
const Doc = `Write a directive in a comment at the end of the finding's line, or on a line
of its own just above it:

` + "```go" + `
if resp.ErrCode == 42001 { //errcodevet:ignore magic-code mirrors the vendor's sample
` + "```" + `

` + "```go" + `
//errcodevet:ignore magic-code,string-code mirrors the vendor's sample
if resp.ErrCode == 42001 || res.ResultCode == "ACCESS_DENIED" {
` + "```" + `

The directive names one or more check IDs, separated by commas, then the
reason, which is required: a suppression nobody can explain is a finding of
its own, and suppresses nothing (the finding it names is reported too).
To suppress a check in a whole file (code that mirrors a vendor's sample,
say), write ` + "`//errcodevet:file-ignore CHECK[,CHECK...] reason`" + `
anywhere in the file, as staticcheck's ` + "`//lint:file-ignore`" + `.

errcodevet reports, with the category ` + "`directive`" + ` (which ` + "`-checks`" + ` runs only when
it lists ` + "`directive`" + ` or is left at all):

- a directive that names no check or gives no reason;
- a directive that names an unknown check, and an unknown
  ` + "`//errcodevet:`" + ` verb;
- a directive that suppresses nothing, so that suppressions do not outlive
  the code they were written for. A directive naming a check that is turned
  off with ` + "`-checks`" + ` is left alone.
`
