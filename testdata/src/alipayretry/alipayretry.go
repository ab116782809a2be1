package alipayretry // want package:"exposes carriers"

// This fixture proves that classic Alipay's unknown outcomes flow through
// the retry checks: 10003 (payment in process) and WAIT_BUYER_PAY handled
// as final failures are retry-unknown findings, and so is a branch on
// smartwalle's IsSuccess (true for 10003 too) of a TradePay answer, unless
// the function tells 10003 apart; a query's answer, which never holds
// 10003, is left alone.

import (
	"context"
	"errors"

	"github.com/smartwalle/alipay/v3"
)

func markPaid(orderNo string) {}

func payPaid(c *alipay.Client, orderNo string) error {
	rsp, err := c.TradePay(context.Background(), alipay.TradePay{OutTradeNo: orderNo})
	if err != nil {
		return err
	}
	if rsp.IsSuccess() { // want `IsSuccess is true for 10003 \(表示订单创建成功，支付处理中\) too: the branch it guards handles an unknown outcome as a success; tell 10003 apart and query the order`
		markPaid(orderNo)
		return nil
	}
	return errors.New("payment failed")
}

func payCodePaid(c *alipay.Client, orderNo string) error {
	rsp, err := c.TradePay(context.Background(), alipay.TradePay{OutTradeNo: orderNo})
	if err != nil {
		return err
	}
	if rsp.Code.IsFailure() { // want `IsFailure is false for 10003 .*: what it lets through handles an unknown outcome as a success; tell 10003 apart and query the order`
		return errors.New("payment failed")
	}
	markPaid(orderNo)
	return nil
}

// payTold tells 10003 apart before it trusts IsSuccess: left alone.
func payTold(c *alipay.Client, orderNo string) error {
	rsp, err := c.TradePay(context.Background(), alipay.TradePay{OutTradeNo: orderNo})
	if err != nil {
		return err
	}
	if rsp.Code == alipay.CodeOrderSuccessPayInProcess {
		return nil // the caller queries
	}
	if rsp.IsSuccess() {
		markPaid(orderNo)
	}
	return nil
}

// payLogged only shows what TradePay answered, as a test does: left alone.
func payLogged(c *alipay.Client, orderNo string) {
	rsp, err := c.TradePay(context.Background(), alipay.TradePay{OutTradeNo: orderNo})
	if err != nil || rsp.IsFailure() {
		return
	}
	if rsp.IsSuccess() {
		println("paid?", rsp.TradeNo)
	}
}

// queried: a query's answer never holds 10003, so IsSuccess is exact there.
func queried(c *alipay.Client, orderNo string) bool {
	q, err := c.TradeQuery(context.Background(), alipay.TradeQuery{OutTradeNo: orderNo})
	if err != nil {
		return false
	}
	if q.IsSuccess() {
		return q.TradeStatus == alipay.TradeStatusSuccess
	}
	return false
}

func payInProcessFails(c *alipay.Client, orderNo string) error {
	rsp, err := c.TradePay(context.Background(), alipay.TradePay{OutTradeNo: orderNo})
	if err != nil {
		return err
	}
	if rsp.Code == alipay.CodeOrderSuccessPayInProcess { // want `code 10003 \(表示订单创建成功，支付处理中\) handled as a final failure: the API documents trying again later`
		return errors.New("payment failed")
	}
	return nil
}

func waitFails(c *alipay.Client, orderNo string) error {
	q, err := c.TradeQuery(context.Background(), alipay.TradeQuery{OutTradeNo: orderNo})
	if err != nil {
		return err
	}
	switch q.TradeStatus {
	case alipay.TradeStatusWaitBuyerPay: // want `trade_status WAIT_BUYER_PAY \(交易创建，等待买家付款\) handled as a final failure: the API documents retrying or querying the result`
		return errors.New("not paid")
	}
	return nil
}
