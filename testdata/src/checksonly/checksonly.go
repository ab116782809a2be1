package checksonly // want package:"exposes carriers"

// This fixture proves that -checks=magic-code runs only magic-code: the
// string-code and unknown-code findings of the same function are not
// reported.

type Response struct {
	ErrCode int `json:"errcode"`
}

type Result struct {
	ResultCode   string `json:"resultCode"`
	ResultStatus string `json:"resultStatus"`
}

func handle(resp Response, res Result) bool {
	if res.ResultCode == "ACCESS_DENIED" || res.ResultCode == "ACCES_DENIED" || res.ResultStatus == "X" {
		return false
	}
	return resp.ErrCode == 42001 // want `errcode 42001 compared as a magic number: .*`
}
