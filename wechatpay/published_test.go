package wechatpay_test

import (
	"testing"

	"github.com/errcodevet/errcodevet/wechatpay"
)

// published lists every constant the package has published, with the
// value it was published with. A published name is never removed, renamed
// or given to another code (catalog/sources/README.md): removing or
// renaming a constant makes this file fail to compile, and giving it
// another value fails TestPublishedConstants. Append the constants of new
// codes and statuses; never delete a line.
var published = []struct {
	name      string
	got, want string
}{
	{"UserPaying", wechatpay.UserPaying, "USERPAYING"},
	{"TradeError", wechatpay.TradeError, "TRADE_ERROR"},
	{"SystemError", wechatpay.SystemError, "SYSTEMERROR"},
	{"SignError", wechatpay.SignError, "SIGN_ERROR"},
	{"RuleLimit", wechatpay.RuleLimit, "RULELIMIT"},
	{"ParamError", wechatpay.ParamError, "PARAM_ERROR"},
	{"OutTradeNoUsed", wechatpay.OutTradeNoUsed, "OUT_TRADE_NO_USED"},
	{"OrderNotExist", wechatpay.OrderNotExist, "ORDERNOTEXIST"},
	{"OrderClosed", wechatpay.OrderClosed, "ORDER_CLOSED"},
	{"OpenIDMismatch", wechatpay.OpenIDMismatch, "OPENID_MISMATCH"},
	{"NotEnough", wechatpay.NotEnough, "NOTENOUGH"},
	{"NoAuth", wechatpay.NoAuth, "NOAUTH"},
	{"MchNotExists", wechatpay.MchNotExists, "MCH_NOT_EXISTS"},
	{"InvalidTransactionID", wechatpay.InvalidTransactionID, "INVALID_TRANSACTIONID"},
	{"InvalidRequest", wechatpay.InvalidRequest, "INVALID_REQUEST"},
	{"FrequencyLimited", wechatpay.FrequencyLimited, "FREQUENCY_LIMITED"},
	{"BankError", wechatpay.BankError, "BANKERROR"},
	{"AppIDMchIDNotMatch", wechatpay.AppIDMchIDNotMatch, "APPID_MCHID_NOT_MATCH"},
	{"AccountError", wechatpay.AccountError, "ACCOUNTERROR"},
	{"OrderPaid", wechatpay.OrderPaid, "ORDERPAID"},
	{"OrderClosedV2", wechatpay.OrderClosedV2, "ORDERCLOSED"},
	{"AppIDNotExist", wechatpay.AppIDNotExist, "APPID_NOT_EXIST"},
	{"MchIDNotExist", wechatpay.MchIDNotExist, "MCHID_NOT_EXIST"},
	{"LackParams", wechatpay.LackParams, "LACK_PARAMS"},
	{"SignErrorV2", wechatpay.SignErrorV2, "SIGNERROR"},
	{"XMLFormatError", wechatpay.XMLFormatError, "XML_FORMAT_ERROR"},
	{"RequirePostMethod", wechatpay.RequirePostMethod, "REQUIRE_POST_METHOD"},
	{"PostDataEmpty", wechatpay.PostDataEmpty, "POST_DATA_EMPTY"},
	{"NotUTF8", wechatpay.NotUTF8, "NOT_UTF8"},
	{"TradeStateError", wechatpay.TradeStateError, "TRADE_STATE_ERROR"},
	{"BizerrNeedRetry", wechatpay.BizerrNeedRetry, "BIZERR_NEED_RETRY"},
	{"TradeOverdue", wechatpay.TradeOverdue, "TRADE_OVERDUE"},
	{"Error", wechatpay.Error, "ERROR"},
	{"UserAccountAbnormal", wechatpay.UserAccountAbnormal, "USER_ACCOUNT_ABNORMAL"},
	{"InvalidReqTooMuch", wechatpay.InvalidReqTooMuch, "INVALID_REQ_TOO_MUCH"},
	{"RefundNotExist", wechatpay.RefundNotExist, "REFUNDNOTEXIST"},
	{"SystemErrorV3", wechatpay.SystemErrorV3, "SYSTEM_ERROR"},
	{"StateSuccess", wechatpay.StateSuccess, "SUCCESS"},
	{"StateRefund", wechatpay.StateRefund, "REFUND"},
	{"StateNotPay", wechatpay.StateNotPay, "NOTPAY"},
	{"StateClosed", wechatpay.StateClosed, "CLOSED"},
	{"StateRevoked", wechatpay.StateRevoked, "REVOKED"},
	{"StateUserPaying", wechatpay.StateUserPaying, "USERPAYING"},
	{"StatePayError", wechatpay.StatePayError, "PAYERROR"},
	{"StateProcessing", wechatpay.StateProcessing, "PROCESSING"},
	{"StateAbnormal", wechatpay.StateAbnormal, "ABNORMAL"},
	{"AuthCodeExpire", wechatpay.AuthCodeExpire, "AUTHCODEEXPIRE"},
	{"AuthCodeError", wechatpay.AuthCodeError, "AUTH_CODE_ERROR"},
	{"AuthCodeInvalid", wechatpay.AuthCodeInvalid, "AUTH_CODE_INVALID"},
	{"BuyerMismatch", wechatpay.BuyerMismatch, "BUYER_MISMATCH"},
	{"NotSupportCard", wechatpay.NotSupportCard, "NOTSUPORTCARD"},
	{"OrderReversed", wechatpay.OrderReversed, "ORDERREVERSED"},
	{"StateAccept", wechatpay.StateAccept, "ACCEPT"},
	{"StateRefundClose", wechatpay.StateRefundClose, "REFUNDCLOSE"},
	{"StateChange", wechatpay.StateChange, "CHANGE"},
	{"NotEnoughV3", wechatpay.NotEnoughV3, "NOT_ENOUGH"},
}

func TestPublishedConstants(t *testing.T) {
	names := make(map[string]bool)
	for _, c := range published {
		if c.got != c.want {
			t.Errorf("%s = %q, published as %q", c.name, c.got, c.want)
		}
		if names[c.name] {
			t.Errorf("%s is listed twice", c.name)
		}
		names[c.name] = true
	}
}
