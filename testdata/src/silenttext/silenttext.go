package silenttext // want package:"exposes carriers"

// This fixture proves that messages are left alone: errmsg and
// resultMessage are text, compared as text, whatever they say.

type Response struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

type Result struct {
	ResultCode    string `json:"resultCode"`
	ResultMessage string `json:"resultMessage"`
}

func handle(resp Response, res Result) bool {
	if resp.ErrMsg == "ok" || resp.ErrMsg == "42001" {
		return true
	}
	return res.ResultMessage == "Success" || res.ResultMessage == "ACCESS_DENIED" || res.ResultMessage == "U"
}
