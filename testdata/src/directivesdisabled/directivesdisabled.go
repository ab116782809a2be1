package directivesdisabled // want package:"exposes carriers"

// This fixture proves that a directive for a check that is turned off is
// not reported as unused (the check may be on in another configuration),
// while directives for checks that are on still are. It runs with
// -checks=string-code.

type Response struct {
	ErrCode int `json:"errcode"`
}

type Result struct {
	ResultCode string `json:"resultCode"`
}

func handle(resp Response, res Result) bool {
	//errcodevet:ignore magic-code the vendor's sample
	if resp.ErrCode == 42001 {
		return true
	}
	//errcodevet:ignore string-code stale // want `errcodevet:ignore directive for string-code suppresses nothing`
	return res.ResultCode == "SOMETHING_ELSE"
}
