package fixblank // want package:"exposes carriers"

// This fixture proves that a blank import of the constants package is not
// taken for a name: the fix imports the package again, by name.

import (
	_ "github.com/errcodevet/errcodevet/wechat"
)

type Response struct {
	ErrCode int `json:"errcode"`
}

func handle(resp Response) bool {
	return resp.ErrCode == 42001 // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
}
