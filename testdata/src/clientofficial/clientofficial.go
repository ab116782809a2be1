package clientofficial // want package:"exposes carriers"

// This fixture proves that a hand-written client with no evidence of its
// API keeps the Official Account's meanings, as before WeCom shared the
// errcode field: 40001 is an invalid credential here, not a secret.

type reply struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func renew(r reply) bool {
	return r.ErrCode == 40001 || r.ErrCode == 42001 // want `errcode 40001 compared as a magic number: incorrect AppSecret or invalid access_token \(wechat.InvalidCredential\)` `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
}

func missing(r reply) bool {
	return r.ErrCode == 60011 // not an Official Account code: nothing to say
}
