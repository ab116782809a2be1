package silentalipay

// This fixture proves that classic Alipay responses are left alone: their
// code field (json "code") holds "10000" for success and "40001" for a
// missing parameter, which are not WeChat errcodes, and their sub_code
// holds codes of their own.

type Response struct {
	Code    string `json:"code"`
	Msg     string `json:"msg"`
	SubCode string `json:"sub_code"`
	SubMsg  string `json:"sub_msg"`
}

type NumericResponse struct {
	Code int `json:"code"`
}

func handle(resp Response, n NumericResponse) bool {
	if resp.Code == "10000" {
		return true
	}
	if resp.Code == "40001" || resp.Code == "40004" {
		return resp.SubCode == "ACQ.TRADE_NOT_EXIST" || resp.SubCode == "ACCESS_DENIED"
	}
	return n.Code == 40001 || n.Code == 42001
}
