package fixswitchdup // want package:"exposes carriers"

// This fixture proves that an unknown-code fix never gives a switch case a
// value another case has (Go rejects a duplicate case): the slip is still
// reported, with no fix or, when its clause lists other values, a fix that
// removes the dead value; of two slips meaning one value, only the first is
// fixed.

type Result struct {
	ResultCode   string `json:"resultCode"`
	ResultStatus string `json:"resultStatus"`
}

func status(res Result) string {
	switch res.ResultStatus {
	case "U": // want `resultStatus "U" compared as a magic string`
		return "unknown"
	case "u": // want `resultStatus "u" can never match: values are case-sensitive, the documented value is U \(miniprogram.StatusUnknown\); this switch already has a case for U \(line 16\)`
		return "never"
	}
	return ""
}

func listed(res Result) string {
	switch res.ResultStatus {
	case "S", "s": // want `resultStatus "s" can never match: .*; this switch already has a case for S \(line 26\)`
		return "success"
	case "u", "F": // want `resultStatus "u" can never match: values are case-sensitive, the documented value is U \(miniprogram.StatusUnknown\)$` `resultStatus "F" compared as a magic string`
		return "other"
	}
	return ""
}

func twoSlips(res Result) string {
	switch res.ResultCode {
	case "param_illegal": // want `resultCode "param_illegal" can never match: values are case-sensitive, the documented value is PARAM_ILLEGAL \(miniprogram.ParamIllegal\)$`
		return "first"
	case "PARAM_ILEGAL": // want `resultCode "PARAM_ILEGAL" can never match: likely a misspelling of PARAM_ILLEGAL \(miniprogram.ParamIllegal\); this switch already has a case for PARAM_ILLEGAL \(line 36\)`
		return "second"
	}
	return ""
}

func nested(res Result) string {
	switch res.ResultStatus {
	case "U": // want `resultStatus "U" compared as a magic string`
		switch res.ResultStatus { // another switch: U is not among its cases
		case "u": // want `resultStatus "u" can never match: values are case-sensitive, the documented value is U \(miniprogram.StatusUnknown\)$`
		}
	}
	return ""
}
