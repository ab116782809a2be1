// Package wechat is a stub of gopay's WeChat Pay v3 client types, for the fixtures.
package wechat

import (
	"context"

	"github.com/go-pay/gopay"
)

// ErrResponse is the error body of a non-2xx answer.
type ErrResponse struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// QueryOrder is an order as the query API answers it.
type QueryOrder struct {
	OutTradeNo string `json:"out_trade_no"`
	TradeState string `json:"trade_state"`
}

// QueryOrderRsp is gopay's answer: Code is 0 or the HTTP status.
type QueryOrderRsp struct {
	Code        int         `json:"-"`
	Response    *QueryOrder `json:"response,omitempty"`
	ErrResponse ErrResponse `json:"err_response,omitempty"`
	Error       string      `json:"-"`
}

// RefundQueryResponse is a refund as the refund query answers it.
type RefundQueryResponse struct {
	OutRefundNo string `json:"out_refund_no"`
	Status      string `json:"status"`
}

// SubOrders is one order of a combined order.
type SubOrders struct {
	Mchid      string `json:"mchid"`
	TradeState string `json:"trade_state"`
}

// ClientV3 is gopay's WeChat Pay v3 client.
type ClientV3 struct{}

// RefundOrderResponse is a refund as the refund API answers it.
type RefundOrderResponse struct {
	OutRefundNo string `json:"out_refund_no"`
	Status      string `json:"status"`
}

// RefundRsp is gopay's answer to a refund: Code is 0 or the HTTP status.
type RefundRsp struct {
	Code        int                  `json:"-"`
	Response    *RefundOrderResponse `json:"response,omitempty"`
	ErrResponse ErrResponse          `json:"err_response,omitempty"`
}

// V3Refund asks for a refund.
func (c *ClientV3) V3Refund(ctx context.Context, bm gopay.BodyMap) (*RefundRsp, error) { return nil, nil }
