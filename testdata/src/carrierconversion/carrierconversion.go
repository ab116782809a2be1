package carrierconversion // want package:"exposes carriers"

// This fixture proves that a numeric conversion of an integer
// carrier, and a string conversion of a string carrier, are carriers, and
// that conversions that change the value's class are not.

type Response struct {
	ErrCode int32 `json:"errcode"`
}

type Status string

type Result struct {
	ResultStatus Status `json:"resultStatus"`
}

func handle(resp Response, res Result) bool {
	if int64(resp.ErrCode) == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return true
	}
	if float64(resp.ErrCode) == 40001 { // want `errcode 40001 compared as a magic number: .*\(wechat.InvalidCredential\)`
		return true
	}
	if string(res.ResultStatus) == "U" { // want `resultStatus "U" compared as a magic string: unknown outcome \(miniprogram.StatusUnknown\)`
		return true
	}
	if res.ResultStatus == "F" { // want `resultStatus "F" compared as a magic string: failure \(miniprogram.StatusFailure\)`
		return true
	}
	// A conversion from a number to a string makes a rune of it: not a code.
	return string(rune(resp.ErrCode)) == "U"
}
