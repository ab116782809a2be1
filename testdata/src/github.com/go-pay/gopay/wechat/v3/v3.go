// Package wechat is a stub of gopay's WeChat Pay v3 client types, for the fixtures.
package wechat

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
