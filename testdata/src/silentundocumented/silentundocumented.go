package silentundocumented // want package:"exposes carriers"

// This fixture proves that values the catalog does not document are left
// alone: WeChat has many more errcodes than its common table, and Mini
// Program APIs many more resultCodes; only a value that looks like a slip of
// a documented one is reported (see perapicodes).

type Response struct {
	ErrCode int `json:"errcode"`
}

type Result struct {
	ResultCode string `json:"resultCode"`
}

func handle(resp Response, res Result) bool {
	if resp.ErrCode == 12345 || resp.ErrCode == 40000 || resp.ErrCode == 99999 || resp.ErrCode == -2 {
		return true
	}
	switch res.ResultCode {
	case "RISK_REJECT", "ORDER_IS_CLOSED", "CURRENCY_NOT_SUPPORT":
		return true
	}
	return false
}
