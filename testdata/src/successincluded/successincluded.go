package successincluded // want package:"exposes carriers"

// This fixture proves that -include-success reports success values compared
// as literals, with fixes that use wechat.Success, miniprogram.StatusSuccess
// and miniprogram.Success.

type Response struct {
	ErrCode int `json:"errcode"`
}

type Result struct {
	ResultCode   string `json:"resultCode"`
	ResultStatus string `json:"resultStatus"`
}

func handle(resp Response, res Result) bool {
	if resp.ErrCode != 0 { // want `errcode 0 compared as a magic number: request successful \(wechat.Success\)`
		return false
	}
	switch res.ResultStatus {
	case "S": // want `resultStatus "S" compared as a magic string: success \(miniprogram.StatusSuccess\)`
		return res.ResultCode == "SUCCESS" // want `resultCode "SUCCESS" compared as a magic string: success \(miniprogram.Success\)`
	}
	return false
}
