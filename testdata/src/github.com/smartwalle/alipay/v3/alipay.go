// Package alipay declares, by hand, the part of github.com/smartwalle/alipay/v3
// that errcodevet recognizes: the response code type with its constants,
// the error every response embeds, the trade status type, and the calls
// the fixtures make.
package alipay

import "context"

type Code string

// IsSuccess is true for 10003 too, as the SDK's is: a payment in process
// is not a failure to it.
func (c Code) IsSuccess() bool { return c == CodeSuccess || c == CodeOrderSuccessPayInProcess }

func (c Code) IsFailure() bool { return !c.IsSuccess() }

const (
	CodeSuccess                  Code = "10000"
	CodeOrderSuccessPayInProcess Code = "10003"
	CodeUnknowError              Code = "20000"
	CodeBusinessFailed           Code = "40004"
)

type Error struct {
	Code    Code   `json:"code"`
	Msg     string `json:"msg"`
	SubCode string `json:"sub_code"`
	SubMsg  string `json:"sub_msg"`
}

func (e Error) Error() string   { return string(e.Code) + " - " + e.SubMsg }
func (e Error) IsSuccess() bool { return e.Code.IsSuccess() }
func (e Error) IsFailure() bool { return e.Code.IsFailure() }

type TradeStatus string

const (
	TradeStatusWaitBuyerPay TradeStatus = "WAIT_BUYER_PAY"
	TradeStatusClosed       TradeStatus = "TRADE_CLOSED"
	TradeStatusSuccess      TradeStatus = "TRADE_SUCCESS"
	TradeStatusFinished     TradeStatus = "TRADE_FINISHED"
)

type Client struct{}

type TradePay struct{ OutTradeNo, AuthCode string }

type TradePayRsp struct {
	Error
	TradeNo string `json:"trade_no"`
}

func (c *Client) TradePay(ctx context.Context, param TradePay) (*TradePayRsp, error) {
	return new(TradePayRsp), nil
}

type TradeQuery struct{ OutTradeNo string }

type TradeQueryRsp struct {
	Error
	TradeStatus TradeStatus `json:"trade_status"`
}

func (c *Client) TradeQuery(ctx context.Context, param TradeQuery) (*TradeQueryRsp, error) {
	return new(TradeQueryRsp), nil
}

type TradeRefund struct {
	OutTradeNo   string `json:"out_trade_no"`
	RefundAmount string `json:"refund_amount"`
	OutRequestNo string `json:"out_request_no"`
}

type TradeRefundRsp struct {
	Error
	FundChange string `json:"fund_change"`
}

func (c *Client) TradeRefund(ctx context.Context, param TradeRefund) (*TradeRefundRsp, error) {
	return new(TradeRefundRsp), nil
}
