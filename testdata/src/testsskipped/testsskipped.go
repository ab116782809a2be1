package testsskipped // want package:"exposes carriers"

// This fixture proves that _test.go files are skipped by default, in the
// package's own tests and in its external test package; testsincluded
// checks the same files under -include-tests.

type Response struct {
	ErrCode int `json:"errcode"`
}

const tokenExpired = 42001

func Expired(resp Response) bool {
	return resp.ErrCode == tokenExpired
}
