package carrierfunc // want package:"exposes carriers"

// This fixture proves that a call of a function or method of the same
// package that returns a carrier is a carrier, including through a chain of
// such functions, also when it answers 0 (no code) on some path, and that a
// function that may return another value is not.

type CommonError struct {
	ErrCode int64  `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func (e *CommonError) Code() int64 { return e.ErrCode } // want Code:"returns wechat code"

func codeOf(e *CommonError) int64 { // want codeOf:"returns wechat code"
	if e == nil {
		return (*CommonError).Code(&CommonError{})
	}
	return e.Code()
}

func maybe(e *CommonError) int64 { // want maybe:"returns wechat code"
	if e == nil {
		return 0
	}
	return e.ErrCode
}

func orHTTPStatus(e *CommonError) int64 {
	if e == nil {
		return 500
	}
	return e.ErrCode
}

type Result struct {
	ResultStatus string `json:"resultStatus"`
}

func (r Result) Status() string { return r.ResultStatus } // want Status:"returns miniprogram status"

func statusOf(r *Result) string { // want statusOf:"returns miniprogram status"
	if r == nil {
		return ""
	}
	return r.ResultStatus
}

func pending(r *Result) bool {
	switch statusOf(r) {
	case "U": // want `resultStatus "U" compared as a magic string: unknown outcome \(miniprogram.StatusUnknown\)`
		return true
	}
	return false
}

func handle(e *CommonError, r Result) bool {
	if e.Code() == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return true
	}
	if codeOf(e) != 40001 { // want `errcode 40001 compared as a magic number: .*\(wechat.InvalidCredential\)`
		return true
	}
	if maybe(e) == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return true
	}
	if orHTTPStatus(e) == 42001 {
		return true
	}
	return r.Status() == "U" // want `resultStatus "U" compared as a magic string: unknown outcome \(miniprogram.StatusUnknown\)`
}
