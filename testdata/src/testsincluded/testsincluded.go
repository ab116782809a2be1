package testsincluded // want package:"exposes carriers"

// This fixture proves that -include-tests checks _test.go files, in the
// package's own tests and in its external test package (testsskipped has
// the same files, checked by default).

type Response struct {
	ErrCode int `json:"errcode"`
}

func Expired(resp Response) bool {
	return resp.ErrCode == 42001 // want `errcode 42001 compared as a magic number: .*`
}
