package carrierswitch // want package:"exposes carriers"

// This fixture proves that switch cases compared against a carrier
// are checked, including cases with several values and a tag declared in the
// switch's init statement, and that tagless switches are checked as
// comparisons.

type Response struct {
	ErrCode int `json:"errcode"`
}

type Result struct {
	ResultCode   string `json:"resultCode"`
	ResultStatus string `json:"resultStatus"`
}

func handle(resp Response, res Result) string {
	switch resp.ErrCode {
	case 0:
		return "ok"
	case 42001, 40001: // want `errcode 42001 compared as a magic number: .*` `errcode 40001 compared as a magic number: .*`
		return "token"
	case 12345:
		return "undocumented"
	}
	switch s := res.ResultStatus; s {
	case "S":
	case "F": // want `resultStatus "F" compared as a magic string: failure \(miniprogram.StatusFailure\)`
	case "U": // want `resultStatus "U" compared as a magic string: unknown outcome \(miniprogram.StatusUnknown\)`
	}
	switch {
	case res.ResultCode == "ACCESS_DENIED": // want `resultCode "ACCESS_DENIED" compared as a magic string: .*`
		return "denied"
	}
	return ""
}
