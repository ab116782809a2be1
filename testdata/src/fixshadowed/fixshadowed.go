package fixshadowed // want package:"exposes carriers"

// This fixture proves that a fix never writes a qualifier that a local
// declaration shadows at the literal: it imports the constants package again
// under a free name (wechatcodes, then wechatcodes2, ...), and uses the
// import's own name where nothing shadows it.

import "github.com/errcodevet/errcodevet/wechat"

type Response struct {
	ErrCode int `json:"errcode"`
}

func shadowed(resp Response) bool {
	wechat := resp
	return wechat.ErrCode == 42001 // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
}

func twice(resp Response) bool {
	wechat, wechatcodes := resp, resp
	return wechat.ErrCode == 40001 || wechatcodes.ErrCode == -1 // want `errcode 40001 compared as a magic number: .*` `errcode -1 compared as a magic number: .*`
}

func free(resp Response) bool {
	return resp.ErrCode == wechat.SystemBusy || resp.ErrCode == 42002 // want `errcode 42002 compared as a magic number: .*\(wechat.RefreshTokenExpired\)`
}
