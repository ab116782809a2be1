package app // want package:"exposes carriers"

// This fixture proves that no fix writes a constant whose name says
// nothing but the number: not the catalog's own (Code7), not an alias the
// constants package keeps, not one the user declares. The finding stays.

import (
	"fixnumberonly/codes"
	"fixnumberonly/mine"
)

type Reply struct {
	Status int `json:"status_code"`
}

type Response struct {
	ErrCode int `json:"errcode"`
}

const Code42001 = 42001 // the user's own, named after the number

const E40001 = 40001

func handle(r Reply, resp Response) bool {
	if r.Status == 7 { // want `status_code 7 compared as a magic number: seven happened`
		return true
	}
	if r.Status == 8 { // want `status_code 8 compared as a magic number: eight happened \(codes.Eight\)`
		return true
	}
	if resp.ErrCode == 40003 { // want `errcode 40003 compared as a magic number: .* \(wechat.InvalidOpenID\)`
		return true
	}
	if resp.ErrCode == 40013 { // want `errcode 40013 compared as a magic number: .* \(wechat.InvalidAppID\)`
		return true
	}
	if resp.ErrCode == 40001 { // want `errcode 40001 compared as a magic number: .* \(wechat.InvalidCredential\)`
		return true
	}
	return resp.ErrCode == 42001 // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
}

var _ = codes.Code7 + mine.Code40003
