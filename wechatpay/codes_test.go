package wechatpay_test

import (
	"testing"

	"github.com/errcodevet/errcodevet/wechatpay"
)

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		code  string
		name  string
		retry wechatpay.Retry
	}{
		{"USERPAYING", "UserPaying", wechatpay.RetryLater},
		{"SYSTEMERROR", "SystemError", wechatpay.RetryLater},
		{"SYSTEM_ERROR", "SystemErrorV3", wechatpay.RetryLater}, // a spelling of its own, not a misspelling
		{"BANKERROR", "BankError", wechatpay.RetryLater},
		{"FREQUENCY_LIMITED", "FrequencyLimited", wechatpay.RetryWithLessTraffic},
		{"NOTENOUGH", "NotEnough", wechatpay.RetryNever},
		{"ORDERPAID", "OrderPaid", wechatpay.RetryNever}, // API v2
	} {
		got, ok := wechatpay.Lookup(tc.code)
		if !ok || got.Name != tc.name || got.Retry != tc.retry || got.Message == "" {
			t.Errorf("Lookup(%s) = %+v, %v; want name %s, retry %v and a message", tc.code, got, ok, tc.name, tc.retry)
		}
	}
	if _, ok := wechatpay.Lookup("systemerror"); ok {
		t.Error("Lookup(systemerror) found a code: values are case-sensitive")
	}
	for _, tc := range []struct {
		status string
		retry  wechatpay.Retry
	}{
		{"USERPAYING", wechatpay.RetryLater},
		{"PROCESSING", wechatpay.RetryLater},
		{"SUCCESS", wechatpay.RetryUnstated},
	} {
		if got, ok := wechatpay.LookupStatus(tc.status); !ok || got.Retry != tc.retry {
			t.Errorf("LookupStatus(%s) = %+v, %v; want retry %v", tc.status, got, ok, tc.retry)
		}
	}
	if !wechatpay.Retryable(wechatpay.SystemError) || wechatpay.Retryable(wechatpay.OrderClosed) {
		t.Error("Retryable: SYSTEMERROR is retried and ORDER_CLOSED is not")
	}
}
