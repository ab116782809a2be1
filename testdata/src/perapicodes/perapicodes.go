package perapicodes // want package:"exposes carriers"

// This fixture proves that real per-API values are not taken for
// misspellings: a value the catalog lists as known (PAYMENT_IN_PROCESS), and
// values that differ from a documented one by a short word or by more than a
// slip (INVALID_APP is not INVALID_API, PROCESS_FAILED is not PROCESS_FAIL),
// while real slips are reported.

type Result struct {
	ResultCode   string `json:"resultCode"`
	ResultStatus string `json:"resultStatus"`
}

func handle(res Result) bool {
	switch res.ResultCode {
	case "PAYMENT_IN_PROCESS":
		return false
	case "INVALID_APP", "PROCESS_FAILED", "ACCESS_DENIED_BY_RISK", "PARAM_ILLEGAL_AMOUNT":
		return false
	case "EXPIRED_ACCESS_TOKN": // want `resultCode "EXPIRED_ACCESS_TOKN" can never match: likely a misspelling of EXPIRED_ACCESS_TOKEN \(miniprogram.ExpiredAccessToken\)`
		return true
	case "unknown_exception": // want `resultCode "unknown_exception" can never match: values are case-sensitive, the documented value is UNKNOWN_EXCEPTION \(miniprogram.UnknownException\)`
		return true
	}
	return false
}
