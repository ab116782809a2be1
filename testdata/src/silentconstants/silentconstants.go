package silentconstants // want package:"exposes carriers"

// This fixture proves that comparisons that already use named constants are
// left alone: the family's constants, under any import name, and the user's
// own, typed or untyped.

import (
	"github.com/errcodevet/errcodevet/miniprogram"
	wx "github.com/errcodevet/errcodevet/wechat"
)

type Code int

const (
	tokenExpired           = 42001
	invalidCredential Code = 40001
	statusUnknown          = "U"
)

type Response struct {
	ErrCode Code `json:"errcode"`
}

type Result struct {
	ResultCode   string `json:"resultCode"`
	ResultStatus string `json:"resultStatus"`
}

func handle(resp Response, res Result) bool {
	switch resp.ErrCode {
	case wx.AccessTokenExpired, wx.SystemBusy, invalidCredential:
		return true
	}
	if resp.ErrCode == tokenExpired || res.ResultStatus == statusUnknown {
		return true
	}
	return res.ResultCode == miniprogram.AccessDenied || res.ResultStatus != miniprogram.StatusFailure
}
