// Package wechat is a stub of gopay's WeChat Pay v2 (XML) types, for the fixtures.
package wechat

// MicropayResponse is the answer of payment-code pay.
type MicropayResponse struct {
	ReturnCode string `xml:"return_code,omitempty" json:"return_code,omitempty"`
	ResultCode string `xml:"result_code,omitempty" json:"result_code,omitempty"`
	ErrCode    string `xml:"err_code,omitempty" json:"err_code,omitempty"`
	ErrCodeDes string `xml:"err_code_des,omitempty" json:"err_code_des,omitempty"`
}
