package directives // want package:"exposes carriers"

// This fixture proves that //errcodevet:ignore suppresses the findings of the
// checks it names on its own line or, on a line of its own, on the next line;
// that directives naming an unknown check or verb, and directives that
// suppress nothing, are reported (category directive); and that the check
// and the reason may be separated by tabs. A directive without a reason has
// its expectation on the line above (want +1): on its own line, the
// expectation would be taken for the reason. Malformed directives suppress
// nothing, and each problem is reported once.

type Response struct {
	ErrCode int `json:"errcode"`
}

type Result struct {
	ResultCode string `json:"resultCode"`
}

func handle(resp Response, res Result) bool {
	if resp.ErrCode == 42001 { //errcodevet:ignore magic-code the vendor's sample compares the number
		return true
	}
	//errcodevet:ignore magic-code the next line is the vendor's sample
	if resp.ErrCode == 40001 {
		return true
	}
	//errcodevet:ignore	magic-code	separated by tabs
	if resp.ErrCode == 40013 {
		return true
	}
	//errcodevet:ignore magic-code,string-code one directive for both checks
	if resp.ErrCode == 42002 || res.ResultCode == "ACCESS_DENIED" {
		return true
	}
	//errcodevet:ignore string-code names another check // want `errcodevet:ignore directive for string-code suppresses nothing`
	if resp.ErrCode == 42003 { // want `errcode 42003 compared as a magic number: .*`
		return true
	}
	//errcodevet:ignore magic-cod a misspelt check // want `errcodevet:ignore directive names unknown check magic-cod \(did you mean magic-code\?\)`
	if resp.ErrCode == -1 { // want `errcode -1 compared as a magic number: .*`
		return true
	}
	//errcodevet:ignor magic-code a misspelt verb // want `unknown errcodevet directive errcodevet:ignor: want errcodevet:ignore or errcodevet:file-ignore CHECK reason`
	//errcodevet:ignore magic-code nothing on the next line // want `errcodevet:ignore directive for magic-code suppresses nothing`

	// want +1 `errcodevet:ignore directive needs a reason after the check`
	//errcodevet:ignore magic-code
	if resp.ErrCode == 40014 { // want `errcode 40014 compared as a magic number: invalid access_token .*`
		return true
	}
	// want +1 `errcodevet:ignore directive names no check: want errcodevet:ignore CHECK reason`
	//errcodevet:ignore
	if resp.ErrCode == 42007 { // want `errcode 42007 compared as a magic number: .*`
		return true
	}
	// want +1 `errcodevet:ignore directive names unknown check magic-cod \(did you mean magic-code\?\)` `errcodevet:ignore directive needs a reason after the check`
	//errcodevet:ignore magic-cod
	return resp.ErrCode == 45009 // want `errcode 45009 compared as a magic number: .*`
}
