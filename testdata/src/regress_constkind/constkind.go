package regress_constkind // want package:"exposes carriers"

import "github.com/errcodevet/errcodevet/wechat"

// A constant of another kind than the code's never fits: neither a string
// constant for an integer errcode nor an integer one for a string
// resultCode (constant.Compare reports values of different kinds equal).
// The fixes used them, and did not compile (found by FuzzComparisons).

const apiName = "token"

type Response struct {
	ErrCode int `json:"errcode"`
}

type Result struct {
	ResultCode string `json:"resultCode"`
}

func handle(resp *Response, res Result) string {
	if resp.ErrCode == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return apiName
	}
	if res.ResultCode == "ACCESS_DENIED" { // want `resultCode "ACCESS_DENIED" compared as a magic string: access is denied \(miniprogram.AccessDenied\)`
		return "denied"
	}
	if resp.ErrCode == wechat.SystemBusy {
		return "busy"
	}
	return ""
}
