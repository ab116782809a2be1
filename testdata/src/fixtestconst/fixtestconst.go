package fixtestconst // want package:"exposes carriers"

// This fixture proves that a fix outside a _test.go file never uses a
// constant declared in one (the package builds without it), while a fix in
// a test file may. It runs with -include-tests.

type Response struct {
	ErrCode int `json:"errcode"`
}

func handle(resp Response) bool {
	return resp.ErrCode == 42001 // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
}
