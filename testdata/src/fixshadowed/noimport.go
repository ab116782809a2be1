package fixshadowed

// A file that does not import the constants package, in which a local
// named like it is in scope at the literal.

func local(resp Response) bool {
	wechat := "official account"
	_ = wechat
	return resp.ErrCode == 42003 // want `errcode 42003 compared as a magic number: .*\(wechat.OAuthCodeExpired\)`
}
