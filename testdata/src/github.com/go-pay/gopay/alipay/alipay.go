// Package alipay declares, by hand, the part of github.com/go-pay/gopay/alipay
// that errcodevet recognizes: the error part of every response, the error
// a failed call returns, and the calls the fixtures make.
package alipay

import (
	"context"
	"errors"

	"github.com/go-pay/gopay"
)

type ErrorResponse struct {
	Code    string `json:"code"`
	Msg     string `json:"msg"`
	SubCode string `json:"sub_code,omitempty"`
	SubMsg  string `json:"sub_msg,omitempty"`
}

type BizErr struct {
	Code    string `json:"code"`
	Msg     string `json:"msg"`
	SubCode string `json:"sub_code"`
	SubMsg  string `json:"sub_msg"`
}

func (e *BizErr) Error() string { return e.Code + " " + e.SubMsg }

func IsBizError(err error) (*BizErr, bool) {
	var b *BizErr
	ok := errors.As(err, &b)
	return b, ok
}

type Client struct{}

type TradePay struct {
	ErrorResponse
	TradeNo string `json:"trade_no,omitempty"`
}

type TradePayResponse struct {
	Response *TradePay `json:"alipay_trade_pay_response"`
}

func (a *Client) TradePay(ctx context.Context, bm gopay.BodyMap) (*TradePayResponse, error) {
	return &TradePayResponse{Response: new(TradePay)}, nil
}

type TradeQuery struct {
	ErrorResponse
	TradeStatus string `json:"trade_status,omitempty"`
}

type TradeQueryResponse struct {
	Response *TradeQuery `json:"alipay_trade_query_response"`
}

func (a *Client) TradeQuery(ctx context.Context, bm gopay.BodyMap) (*TradeQueryResponse, error) {
	return &TradeQueryResponse{Response: new(TradeQuery)}, nil
}

type TradeRefund struct {
	ErrorResponse
	FundChange string `json:"fund_change,omitempty"`
}

type TradeRefundResponse struct {
	Response *TradeRefund `json:"alipay_trade_refund_response"`
}

func (a *Client) TradeRefund(ctx context.Context, bm gopay.BodyMap) (*TradeRefundResponse, error) {
	return &TradeRefundResponse{Response: new(TradeRefund)}, nil
}
