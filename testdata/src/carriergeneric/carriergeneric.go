package carriergeneric // want package:"exposes carriers"

// This fixture proves that a field of a generic struct instance
// is a carrier, by its tag in the generic declaration.

type Envelope[T any] struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
	Data    T      `json:"data"`
}

type Page[T any] struct {
	Envelope[[]T]
	Next string
}

type Reply[S ~string] struct {
	ResultCode S `json:"resultCode"`
}

type token struct{ AccessToken string }

func handle(e Envelope[token], p *Page[int], r Reply[string]) bool {
	if e.ErrCode == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return true
	}
	if p.ErrCode == 40001 { // want `errcode 40001 compared as a magic number: .*\(wechat.InvalidCredential\)`
		return true
	}
	return r.ResultCode == "ACCESS_DENIED" // want `resultCode "ACCESS_DENIED" compared as a magic string: .*\(miniprogram.AccessDenied\)`
}
