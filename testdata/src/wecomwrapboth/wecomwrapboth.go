package wecomwrapboth // want package:"exposes carriers" package:"client of wechat"

// This fixture proves that a package using a WeCom wrapper and calling the
// Official Account itself holds both families' evidence: a value the two
// tables explain differently (40001) gets neither meaning; one they explain
// alike (42001) is still reported.

import (
	"net/http"

	"wecomwrap"
)

const token = "https://api.weixin.qq.com/cgi-bin/token"

func classify(c *http.Client) string {
	r, _ := wecomwrap.Get(c, "/gettoken")
	switch r.ErrCode {
	case 40001:
		return "ambiguous"
	case 42001: // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return "renew"
	}
	return ""
}
