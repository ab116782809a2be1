package alipay_test

import (
	"testing"

	"github.com/errcodevet/errcodevet/alipay"
)

// Code is a named string type, as SDKs declare for code fields
// (smartwalle/alipay's Code).
type Code string

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		code Code
		want alipay.Info
	}{
		{"10003", alipay.Info{
			Value: "10003", Name: "PaymentInProcess", Message: "表示订单创建成功，支付处理中",
			Action: "errcodevet's summary: the order exists and the payment is still in process: query it (alipay.trade.query) until it is paid or the wait times out, then cancel it (alipay.trade.cancel). It is neither paid nor failed yet.",
			Retry:  alipay.RetryLater,
		}},
		{"isp.unknow-error", alipay.Info{Value: "isp.unknow-error", Name: "ISPUnknowError", Message: "服务暂不可用(业务系统不可用)", Action: "稍后重试", Retry: alipay.RetryLater}},
		{"ACQ.SYSTEM_ERROR", alipay.Info{
			Value: "ACQ.SYSTEM_ERROR", Name: "ACQSystemError", Message: "System error, such as system time out.",
			Action: "Call the inquiry API ASAP, and proceed accordingly with the order’s status.", Retry: alipay.RetryLater,
		}},
		{"20001", alipay.Info{Value: "20001", Name: "InsufficientAuthorization", Message: "授权权限不足", Retry: alipay.RetryAfterTokenRenewal}},
	} {
		got, ok := alipay.Lookup(tc.code)
		if !ok || got != tc.want {
			t.Errorf("Lookup(%q) = %+v, %v\nwant %+v, true", tc.code, got, ok, tc.want)
		}
	}
	if _, ok := alipay.Lookup("ACQ.SYSTEM_EROR"); ok {
		t.Error("Lookup found a misspelled code")
	}
}

func TestStatuses(t *testing.T) {
	wait, ok := alipay.LookupStatus(alipay.TradeWaitBuyerPay)
	if !ok || !wait.Retry.Retryable() || wait.Message != "交易创建，等待买家付款" {
		t.Errorf("WAIT_BUYER_PAY = %+v, %v; want a retryable status", wait, ok)
	}
	if closed, _ := alipay.LookupStatus("TRADE_CLOSED"); closed.Retry.Retryable() {
		t.Errorf("TRADE_CLOSED is retryable: %+v", closed)
	}
	if alipay.Retryable(alipay.Success) || !alipay.Retryable(Code(alipay.PaymentInProcess)) {
		t.Error("Retryable: 10000 must not be, 10003 must be")
	}
}
