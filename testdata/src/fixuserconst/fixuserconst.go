package fixuserconst // want package:"exposes carriers"

// This fixture proves that a fix prefers the user's own constant with the
// literal's value, in the function or the package, when it is visible at the
// literal and its type fits the compared expression; and that constants of
// another kind or an incompatible type, shadowed ones and ones declared after
// the literal are passed over.

type Code int

type Other int

type Response struct {
	ErrCode Code `json:"errcode"`
}

type Result struct {
	ResultCode string `json:"resultCode"`
}

const tokenExpired = 42001

const invalidCredential Code = 40001

const busy Other = -1

const denied = 64 // another kind: never a fix for a string

const (
	greeting = "ACCESS_DENIED?"
	limited  = "REQUEST_TRAFFIC_EXCEED_LIMIT"
)

func handle(resp Response, res Result) bool {
	if resp.ErrCode == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return true
	}
	if resp.ErrCode == 40001 { // want `errcode 40001 compared as a magic number: .*\(wechat.InvalidCredential\)`
		return true
	}
	if resp.ErrCode == -1 { // want `errcode -1 compared as a magic number: .*\(wechat.SystemBusy\)`
		return true
	}
	if res.ResultCode == "ACCESS_DENIED" { // want `resultCode "ACCESS_DENIED" compared as a magic string: .*\(miniprogram.AccessDenied\)`
		return true
	}
	return res.ResultCode == "REQUEST_TRAFFIC_EXCEED_LIMIT" // want `resultCode "REQUEST_TRAFFIC_EXCEED_LIMIT" compared as a magic string: .*`
}

func local(resp Response) bool {
	const refreshExpired = 42002
	if resp.ErrCode == 42002 { // want `errcode 42002 compared as a magic number: .*\(wechat.RefreshTokenExpired\)`
		return true
	}
	tokenExpired := false
	if resp.ErrCode == 42001 { // want `errcode 42001 compared as a magic number: .*`
		tokenExpired = true
	}
	if resp.ErrCode == 42003 { // want `errcode 42003 compared as a magic number: .*\(wechat.OAuthCodeExpired\)`
		return true
	}
	const oauthExpired = 42003
	return tokenExpired || resp.ErrCode == oauthExpired
}
