package carrierpointer // want package:"exposes carriers"

// This fixture proves that a pointer to a carrier, dereferenced,
// is a carrier, as are fields reached through pointers to structs.

type Response struct {
	ErrCode *int    `json:"errcode"`
	ErrMsg  *string `json:"errmsg"`
}

type Result struct {
	ResultStatus *string `json:"resultStatus"`
}

func handle(resp *Response, res **Result) bool {
	if resp.ErrCode != nil && *resp.ErrCode == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return true
	}
	if (*resp.ErrCode) != 40001 { // want `errcode 40001 compared as a magic number: incorrect AppSecret or invalid access_token \(wechat.InvalidCredential\)`
		return false
	}
	return *(*res).ResultStatus == "U" // want `resultStatus "U" compared as a magic string: unknown outcome \(miniprogram.StatusUnknown\)`
}

func viaLocalPointer(resp *Response) bool {
	p := resp.ErrCode
	return *p == 45009 // want `errcode 45009 compared as a magic number: .*`
}
