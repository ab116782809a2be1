package carrierjson // want package:"exposes carriers"

// This fixture proves that a field is a carrier by its json tag name
// alone, whatever its Go name and tag options, on either side of == and !=.

type Response struct {
	Code int    `json:"errcode,omitempty"`
	Msg  string `json:"errmsg"`
}

type Result struct {
	Code    string `json:"resultCode"`
	Status  string `json:"resultStatus,omitempty"`
	Message string `json:"resultMessage"`
}

func wechatCodes(resp Response) bool {
	if resp.Code == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return true
	}
	if 40013 == resp.Code { // want `errcode 40013 compared as a magic number: invalid AppID \(wechat.InvalidAppID\)`
		return true
	}
	return resp.Code != -1 // want `errcode -1 compared as a magic number: system is busy \(wechat.SystemBusy\)`
}

func miniProgramCodes(res *Result) bool {
	if res.Code != "ACCESS_DENIED" { // want `resultCode "ACCESS_DENIED" compared as a magic string: access is denied \(miniprogram.AccessDenied\)`
		return false
	}
	return "F" == res.Status // want `resultStatus "F" compared as a magic string: failure \(miniprogram.StatusFailure\)`
}
