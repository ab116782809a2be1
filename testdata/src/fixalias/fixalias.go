package fixalias // want package:"exposes carriers"

// This fixture proves that a fix writes the name the file imports the
// family's constants package under.

import (
	"unicode/utf8"

	wx "github.com/errcodevet/errcodevet/wechat"
)

type Response struct {
	ErrCode int `json:"errcode"`
}

func handle(resp Response) int {
	if resp.ErrCode == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return utf8.RuneCountInString(wx.Message(resp.ErrCode))
	}
	return 0
}
