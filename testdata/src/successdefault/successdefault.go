package successdefault // want package:"exposes carriers"

// This fixture proves that success values compared as literals are left
// alone by default: errcode 0, resultStatus "S", resultCode "SUCCESS"
// (successincluded reports them under -include-success).

type Response struct {
	ErrCode int `json:"errcode"`
}

type Result struct {
	ResultCode   string `json:"resultCode"`
	ResultStatus string `json:"resultStatus"`
}

func handle(resp Response, res Result) bool {
	if resp.ErrCode != 0 {
		return false
	}
	switch res.ResultStatus {
	case "S":
		return res.ResultCode == "SUCCESS"
	}
	return false
}
