package carrierembedded // want package:"exposes carriers"

// This fixture proves that a field promoted from an embedded
// struct is a carrier, whether the struct is embedded by value or by
// pointer, and through several levels.

type CommonError struct {
	ErrCode int64  `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

type Result struct {
	ResultStatus string `json:"resultStatus"`
}

type ByValue struct {
	CommonError
	OpenID string `json:"openid"`
}

type ByPointer struct {
	*CommonError
	Result
}

type Deep struct {
	ByPointer
}

func handle(v ByValue, p *ByPointer, d Deep) bool {
	if v.ErrCode == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return true
	}
	if p.ErrCode == 40001 { // want `errcode 40001 compared as a magic number: .*\(wechat.InvalidCredential\)`
		return true
	}
	if p.ResultStatus == "U" { // want `resultStatus "U" compared as a magic string: unknown outcome \(miniprogram.StatusUnknown\)`
		return true
	}
	if d.CommonError.ErrCode == 40013 { // want `errcode 40013 compared as a magic number: .*`
		return true
	}
	return d.ErrCode == 42002 // want `errcode 42002 compared as a magic number: refresh_token expired \(wechat.RefreshTokenExpired\)`
}
