package silentwechatpay

// This fixture proves that WeChat Pay responses are left alone: their
// result_code and err_code are XML fields with codes of their own
// ("SUCCESS", "FAIL", "ORDERPAID"), whatever the Go field names.

type UnifiedOrderResponse struct {
	ReturnCode string `xml:"return_code"`
	ReturnMsg  string `xml:"return_msg"`
	ResultCode string `xml:"result_code"`
	ErrCode    string `xml:"err_code"`
	ErrCodeDes string `xml:"err_code_des"`
}

func handle(resp UnifiedOrderResponse) bool {
	if resp.ReturnCode != "SUCCESS" {
		return false
	}
	if resp.ResultCode == "FAIL" && resp.ErrCode == "ORDERPAID" {
		return true
	}
	switch resp.ErrCode {
	case "SYSTEMERROR", "PARAM_ERROR", "ACCESS_DENIED":
		return false
	}
	return resp.ResultCode == "SUCCESS"
}
