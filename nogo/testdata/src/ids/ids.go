package ids // want package:"exposes carriers"

type Response struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

type Result struct {
	ResultStatus string `json:"resultStatus"`
}

func handle(resp *Response, res Result) {
	if resp.ErrCode == 42001 { // want `^errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\) \(magic-code\)$`
	}
	switch res.ResultStatus {
	case "X": // want `^resultStatus "X" can never match: the known values are S, F, U, A \(unknown-code\)$`
	}
}
