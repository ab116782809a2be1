package basic // want package:"exposes carriers"

type Response struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

type Result struct {
	ResultCode   string `json:"resultCode"`
	ResultStatus string `json:"resultStatus"`
}

func handle(resp *Response, res Result) {
	if resp.ErrCode == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
	}
	if -1 != resp.ErrCode { // want `errcode -1 compared as a magic number: system is busy \(wechat.SystemBusy\)`
	}
	if resp.ErrCode == 0 || resp.ErrCode == 12345 || resp.ErrCode > 42001 {
	}
	switch res.ResultStatus {
	case "U": // want `resultStatus "U" compared as a magic string: unknown outcome \(miniprogram.StatusUnknown\)`
	case "S":
	case "X": // want `resultStatus "X" can never match: the known values are S, F, U, A`
	}
	if res.ResultCode == "param_illegal" { // want `resultCode "param_illegal" can never match: values are case-sensitive, the documented value is PARAM_ILLEGAL \(miniprogram.ParamIllegal\)`
	}
}
