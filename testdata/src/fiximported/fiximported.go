package fiximported // want package:"exposes carriers"

// This fixture proves that a fix reuses the family's constants package when
// the file already imports it, adding no import.

import (
	"github.com/errcodevet/errcodevet/miniprogram"
	"github.com/errcodevet/errcodevet/wechat"
)

type Response struct {
	ErrCode int `json:"errcode"`
}

type Result struct {
	ResultStatus string `json:"resultStatus"`
}

func handle(resp Response, res Result) bool {
	if resp.ErrCode == wechat.SystemBusy || res.ResultStatus == miniprogram.StatusFailure {
		return false
	}
	if res.ResultStatus == "U" { // want `resultStatus "U" compared as a magic string: unknown outcome \(miniprogram.StatusUnknown\)`
		return true
	}
	return resp.ErrCode == 42001 // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
}
