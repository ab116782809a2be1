package regress_testconst

// A constant declared in a _test.go file is no replacement for a literal
// in the package's other files: they are built without it. Under go vet
// (which analyzes the test variant) the fix used it, and -fix broke the
// package's build (found by the benchmark's fault tests).
// analyzer/regress_test.go checks the fixes of both build variants through
// the checker API: analysistest objects to the facts of the generated test
// main package.

type Response struct {
	ErrCode int `json:"errcode"`
}

func expired(resp *Response) bool {
	return resp.ErrCode == 42001
}
