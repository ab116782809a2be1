package user

import (
	"fixuserpkg/codes"
	"github.com/errcodevet/errcodevet/wechat"
)

func both(resp Response) bool {
	return resp.ErrCode == codes.Busy || resp.ErrCode == wechat.InvalidCredential || resp.ErrCode == 42001 // want `errcode 42001 compared as a magic number: .*\(wechat.AccessTokenExpired\)`
}
