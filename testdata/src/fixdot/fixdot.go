package fixdot // want package:"exposes carriers"

// This fixture proves that a fix writes the bare constant name when the
// family's constants package is dot-imported, and imports the package by
// name where a local declaration hides the dot-imported constant.

import . "github.com/errcodevet/errcodevet/wechat"

type Response struct {
	ErrCode int `json:"errcode"`
}

func handle(resp Response) bool {
	if resp.ErrCode == SystemBusy {
		return false
	}
	return resp.ErrCode == 42001 // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
}

func hidden(resp Response) bool {
	InvalidCredential := resp.ErrCode > 0
	return InvalidCredential && resp.ErrCode == 40001 // want `errcode 40001 compared as a magic number: .*\(wechat.InvalidCredential\)`
}
