package alipaysdk // want package:"exposes carriers"

// This fixture proves that smartwalle/alipay's Code type, Error.SubCode
// and TradeStatus carry classic Alipay's codes and trade statuses, and
// that a fix writes the SDK's own constant where it has one.

import (
	"context"

	"github.com/smartwalle/alipay/v3"
)

func pay(c *alipay.Client, orderNo string) (string, error) {
	rsp, err := c.TradePay(context.Background(), alipay.TradePay{OutTradeNo: orderNo})
	if err != nil {
		return "", err
	}
	if rsp.Code == "10003" { // want `code "10003" compared as a magic string: 表示订单创建成功，支付处理中 \(alipay.CodeOrderSuccessPayInProcess\)`
		return "query", nil
	}
	if rsp.SubCode == "ACQ.TRADE_HAS_SUCCESS" { // want `code "ACQ.TRADE_HAS_SUCCESS" compared as a magic string: the payment is done successfully \(alipay.ACQTradeHasSuccess\)`
		return "paid", nil
	}
	if rsp.Code == "10000" {
		return "paid", nil // success values are left alone by default
	}
	return "", rsp.Error
}

func status(c *alipay.Client, orderNo string) string {
	q, err := c.TradeQuery(context.Background(), alipay.TradeQuery{OutTradeNo: orderNo})
	if err != nil {
		return ""
	}
	switch q.TradeStatus {
	case "WAIT_BUYER_PAY": // want `trade_status "WAIT_BUYER_PAY" compared as a magic string: 交易创建，等待买家付款 \(alipay.TradeStatusWaitBuyerPay\)`
		return "pending"
	case "TRADE_CLOSD": // want `trade_status "TRADE_CLOSD" can never match: likely a misspelling of TRADE_CLOSED \(alipay.TradeStatusClosed\)`
		return "closed"
	}
	return string(q.TradeStatus)
}

// Lower-case dotted sub-codes are spelled word by word too: "unknown" is
// the likely slip for the vendor's own "unknow".
func subCodes(e alipay.Error) string {
	switch e.SubCode {
	case "isp.unknown-error": // want `code "isp.unknown-error" can never match: likely a misspelling of isp.unknow-error \(alipay.ISPUnknowError\)`
		return "busy"
	case "aop.invalid-auth-tokn": // want `code "aop.invalid-auth-tokn" can never match: likely a misspelling of aop.invalid-auth-token \(alipay.AOPInvalidAuthToken\)`
		return "token"
	case "isp.unknow_error", "isv.unknow-error": // separators and short words differ: other codes, not slips
		return "other"
	}
	return ""
}
