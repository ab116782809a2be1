// Package wechat is a stub of gopay's WeChat Pay v2 (XML) types, for the fixtures.
package wechat

import (
	"context"

	"github.com/go-pay/gopay"
)

// MicropayResponse is the answer of payment-code pay.
type MicropayResponse struct {
	ReturnCode string `xml:"return_code,omitempty" json:"return_code,omitempty"`
	ResultCode string `xml:"result_code,omitempty" json:"result_code,omitempty"`
	ErrCode    string `xml:"err_code,omitempty" json:"err_code,omitempty"`
	ErrCodeDes string `xml:"err_code_des,omitempty" json:"err_code_des,omitempty"`
}

// QueryOrderResponse is the answer of the order query.
type QueryOrderResponse struct {
	ReturnCode string `xml:"return_code,omitempty" json:"return_code,omitempty"`
	ResultCode string `xml:"result_code,omitempty" json:"result_code,omitempty"`
	ErrCode    string `xml:"err_code,omitempty" json:"err_code,omitempty"`
	TradeState string `xml:"trade_state,omitempty" json:"trade_state,omitempty"`
	OutTradeNo string `xml:"out_trade_no,omitempty" json:"out_trade_no,omitempty"`
}

// QueryRefundResponse is the answer of the refund query: refund_status_$n
// for the first three refunds.
type QueryRefundResponse struct {
	ReturnCode    string `xml:"return_code,omitempty" json:"return_code,omitempty"`
	ResultCode    string `xml:"result_code,omitempty" json:"result_code,omitempty"`
	ErrCode       string `xml:"err_code,omitempty" json:"err_code,omitempty"`
	RefundStatus0 string `xml:"refund_status_0,omitempty" json:"refund_status_0,omitempty"`
	RefundStatus1 string `xml:"refund_status_1,omitempty" json:"refund_status_1,omitempty"`
	RefundStatus2 string `xml:"refund_status_2,omitempty" json:"refund_status_2,omitempty"`
	RefundCount   string `xml:"refund_count,omitempty" json:"refund_count,omitempty"`
}

// RefundNotify is a decrypted refund notification.
type RefundNotify struct {
	OutRefundNo  string `xml:"out_refund_no,omitempty" json:"out_refund_no,omitempty"`
	RefundStatus string `xml:"refund_status,omitempty" json:"refund_status,omitempty"`
}

// RefundResponse is the answer of a refund.
type RefundResponse struct {
	ReturnCode string `xml:"return_code,omitempty" json:"return_code,omitempty"`
	ResultCode string `xml:"result_code,omitempty" json:"result_code,omitempty"`
	ErrCode    string `xml:"err_code,omitempty" json:"err_code,omitempty"`
}

// Client is gopay's WeChat Pay v2 client.
type Client struct{}

// Refund asks for a refund.
func (w *Client) Refund(ctx context.Context, bm gopay.BodyMap) (*RefundResponse, gopay.BodyMap, error) {
	return nil, nil, nil
}
