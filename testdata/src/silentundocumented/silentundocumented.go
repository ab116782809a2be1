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
	// Real codes of payment APIs whose pages no table here holds; the last
	// two are a word away from PAYMENT_AMOUNT_EXCEED_LIMIT and
	// MERCHANT_BALANCE_NOT_ENOUGH, which are documented.
	case "ORDER_IS_CLOSED", "USER_KYC_NOT_QUALIFIED", "PAYMENT_COUNT_EXCEED_LIMIT", "USER_BALANCE_NOT_ENOUGH":
		return true
	}
	return false
}
