package user // want package:"exposes carriers"

// This fixture proves that a fix uses a constant of the user's own package
// that the file imports, and prefers the family's constant when the file
// imports both.

import "fixuserpkg/codes"

type Response struct {
	ErrCode int `json:"errcode"`
}

func handle(resp Response) bool {
	return resp.ErrCode == codes.Busy || resp.ErrCode == 42001 // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
}
