package alipay_test

import (
	"testing"

	"github.com/errcodevet/errcodevet/alipay"
)

// published lists every constant the package has published, with the
// value it was published with. A published name is never removed, renamed
// or given to another code (catalog/sources/README.md): removing or
// renaming a constant makes this file fail to compile, and giving it
// another value fails TestPublishedConstants. Append the constants of new
// codes; never delete a line.
var published = []struct {
	name      string
	got, want string
}{
	{"Success", alipay.Success, "10000"},
	{"PaymentInProcess", alipay.PaymentInProcess, "10003"},
	{"ServiceUnavailable", alipay.ServiceUnavailable, "20000"},
	{"ISPUnknowError", alipay.ISPUnknowError, "isp.unknow-error"},
	{"AOPUnknowError", alipay.AOPUnknowError, "aop.unknow-error"},
	{"InsufficientAuthorization", alipay.InsufficientAuthorization, "20001"},
	{"AOPInvalidAuthToken", alipay.AOPInvalidAuthToken, "aop.invalid-auth-token"},
	{"AOPAuthTokenTimeOut", alipay.AOPAuthTokenTimeOut, "aop.auth-token-time-out"},
	{"AOPInvalidAppAuthToken", alipay.AOPInvalidAppAuthToken, "aop.invalid-app-auth-token"},
	{"AOPInvalidAppAuthTokenNoAPI", alipay.AOPInvalidAppAuthTokenNoAPI, "aop.invalid-app-auth-token-no-api"},
	{"AOPAppAuthTokenTimeOut", alipay.AOPAppAuthTokenTimeOut, "aop.app-auth-token-time-out"},
	{"AOPNoProductRegByPartner", alipay.AOPNoProductRegByPartner, "aop.no-product-reg-by-partner"},
	{"MissingParameter", alipay.MissingParameter, "40001"},
	{"ISVMissingMethod", alipay.ISVMissingMethod, "isv.missing-method"},
	{"ISVMissingSignature", alipay.ISVMissingSignature, "isv.missing-signature"},
	{"ISVMissingSignatureType", alipay.ISVMissingSignatureType, "isv.missing-signature-type"},
	{"ISVMissingSignatureKey", alipay.ISVMissingSignatureKey, "isv.missing-signature-key"},
	{"ISVMissingAppID", alipay.ISVMissingAppID, "isv.missing-app-id"},
	{"ISVMissingTimestamp", alipay.ISVMissingTimestamp, "isv.missing-timestamp"},
	{"ISVMissingVersion", alipay.ISVMissingVersion, "isv.missing-version"},
	{"InvalidParameter", alipay.InvalidParameter, "40002"},
	{"AbnormalCondition", alipay.AbnormalCondition, "40003"},
	{"BusinessFailed", alipay.BusinessFailed, "40004"},
	{"CallLimitExceeded", alipay.CallLimitExceeded, "40005"},
	{"PermissionDenied", alipay.PermissionDenied, "40006"},
	{"ACQSystemError", alipay.ACQSystemError, "ACQ.SYSTEM_ERROR"},
	{"ACQInvalidParameter", alipay.ACQInvalidParameter, "ACQ.INVALID_PARAMETER"},
	{"ACQAccessForbidden", alipay.ACQAccessForbidden, "ACQ.ACCESS_FORBIDDEN"},
	{"ACQExistForbiddenWord", alipay.ACQExistForbiddenWord, "ACQ.EXIST_FORBIDDEN_WORD"},
	{"ACQPartnerError", alipay.ACQPartnerError, "ACQ.PARTNER_ERROR"},
	{"ACQTotalFeeExceed", alipay.ACQTotalFeeExceed, "ACQ.TOTAL_FEE_EXCEED"},
	{"ACQContextInconsistent", alipay.ACQContextInconsistent, "ACQ.CONTEXT_INCONSISTENT"},
	{"ACQTradeHasSuccess", alipay.ACQTradeHasSuccess, "ACQ.TRADE_HAS_SUCCESS"},
	{"ACQTradeHasClose", alipay.ACQTradeHasClose, "ACQ.TRADE_HAS_CLOSE"},
	{"ACQBuyerSellerEqual", alipay.ACQBuyerSellerEqual, "ACQ.BUYER_SELLER_EQUAL"},
	{"ACQTradeBuyerNotMatch", alipay.ACQTradeBuyerNotMatch, "ACQ.TRADE_BUYER_NOT_MATCH"},
	{"ACQBuyerEnableStatusForbid", alipay.ACQBuyerEnableStatusForbid, "ACQ.BUYER_ENABLE_STATUS_FORBID"},
	{"ACQBuyerPaymentAmountDayLimitError", alipay.ACQBuyerPaymentAmountDayLimitError, "ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR"},
	{"ACQTradeNotExist", alipay.ACQTradeNotExist, "ACQ.TRADE_NOT_EXIST"},
	{"TradeWaitBuyerPay", alipay.TradeWaitBuyerPay, "WAIT_BUYER_PAY"},
	{"TradeClosed", alipay.TradeClosed, "TRADE_CLOSED"},
	{"TradeSuccess", alipay.TradeSuccess, "TRADE_SUCCESS"},
	{"TradeFinished", alipay.TradeFinished, "TRADE_FINISHED"},
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
