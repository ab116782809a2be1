package cgofile // want package:"exposes carriers"

func plain(r *Response) bool {
	return r.ErrCode == 42001 || // want `errcode 42001 compared as a magic number: .*\(wechat.AccessTokenExpired\)`
		r.ErrCode == 40001 // want `errcode 40001 compared as a magic number: .*\(wechat.InvalidCredential\)`
}
