package user // want package:"exposes carriers"

// This fixture proves that calls of carrier-returning functions of other
// packages are carriers, through facts: directly, through a package that
// only wraps them, through a generic function, and result by result (the
// payment ID Pay returns beside the status is no carrier).

import (
	"carrierfacts/sdk"
	"carrierfacts/wrap"
)

func handle(e *sdk.CommonError, env *sdk.Envelope[string], r sdk.Result) bool {
	if e.Code() == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return true
	}
	if wrap.Code(e) == 40001 { // want `errcode 40001 compared as a magic number: .*\(wechat.InvalidCredential\)`
		return true
	}
	if sdk.CodeOf(env) == 42002 { // want `errcode 42002 compared as a magic number: .*\(wechat.RefreshTokenExpired\)`
		return true
	}
	if code, err := wrap.Query(e); err == nil && code == 40001 { // want `errcode 40001 compared as a magic number: .*\(wechat.InvalidCredential\)`
		return true
	}
	if id, status, err := sdk.Pay(r); err == nil && status == "U" && id != "U" { // want `resultStatus "U" compared as a magic string: unknown outcome \(miniprogram.StatusUnknown\)`
		return true
	}
	if e.Message() == "ok" {
		return false
	}
	return r.Status() == "U" // want `resultStatus "U" compared as a magic string: unknown outcome \(miniprogram.StatusUnknown\)`
}
