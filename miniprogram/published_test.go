package miniprogram_test

import (
	"testing"

	"github.com/errcodevet/errcodevet/miniprogram"
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
	{"ProcessFail", miniprogram.ProcessFail, "PROCESS_FAIL"},
	{"ParamIllegal", miniprogram.ParamIllegal, "PARAM_ILLEGAL"},
	{"InvalidAPI", miniprogram.InvalidAPI, "INVALID_API"},
	{"AccessDenied", miniprogram.AccessDenied, "ACCESS_DENIED"},
	{"RequestTrafficExceedLimit", miniprogram.RequestTrafficExceedLimit, "REQUEST_TRAFFIC_EXCEED_LIMIT"},
	{"ExpiredAccessToken", miniprogram.ExpiredAccessToken, "EXPIRED_ACCESS_TOKEN"},
	{"UnknownException", miniprogram.UnknownException, "UNKNOWN_EXCEPTION"},
	{"Success", miniprogram.Success, "SUCCESS"},
	{"StatusSuccess", miniprogram.StatusSuccess, "S"},
	{"StatusFailure", miniprogram.StatusFailure, "F"},
	{"StatusUnknown", miniprogram.StatusUnknown, "U"},
	{"Accept", miniprogram.Accept, "ACCEPT"},
	{"UserNotExist", miniprogram.UserNotExist, "USER_NOT_EXIST"},
	{"CurrencyNotSupport", miniprogram.CurrencyNotSupport, "CURRENCY_NOT_SUPPORT"},
	{"PaymentAmountExceedLimit", miniprogram.PaymentAmountExceedLimit, "PAYMENT_AMOUNT_EXCEED_LIMIT"},
	{"UserAmountExceedLimit", miniprogram.UserAmountExceedLimit, "USER_AMOUNT_EXCEED_LIMIT"},
	{"RepeatReqInconsistent", miniprogram.RepeatReqInconsistent, "REPEAT_REQ_INCONSISTENT"},
	{"AuthCodeAlreadyUsed", miniprogram.AuthCodeAlreadyUsed, "AUTH_CODE_ALREADY_USED"},
	{"PartnerStatusAbnormal", miniprogram.PartnerStatusAbnormal, "PARTNER_STATUS_ABNORMAL"},
	{"UserStatusAbnormal", miniprogram.UserStatusAbnormal, "USER_STATUS_ABNORMAL"},
	{"PartnerNotExist", miniprogram.PartnerNotExist, "PARTNER_NOT_EXIST"},
	{"InvalidAccessToken", miniprogram.InvalidAccessToken, "INVALID_ACCESS_TOKEN"},
	{"RiskReject", miniprogram.RiskReject, "RISK_REJECT"},
	{"OrderNotExist", miniprogram.OrderNotExist, "ORDER_NOT_EXIST"},
	{"NoInterfaceDef", miniprogram.NoInterfaceDef, "NO_INTERFACE_DEF"},
	{"MsgParseError", miniprogram.MsgParseError, "MSG_PARSE_ERROR"},
	{"FunctionNotMatch", miniprogram.FunctionNotMatch, "FUNCTION_NOT_MATCH"},
	{"InvalidClient", miniprogram.InvalidClient, "INVALID_CLIENT"},
	{"InvalidSignature", miniprogram.InvalidSignature, "INVALID_SIGNATURE"},
	{"InvalidClientStatus", miniprogram.InvalidClientStatus, "INVALID_CLIENT_STATUS"},
	{"CancelWindowExceed", miniprogram.CancelWindowExceed, "CANCEL_WINDOW_EXCEED"},
	{"KeyNotFound", miniprogram.KeyNotFound, "KEY_NOT_FOUND"},
	{"ClientInvalid", miniprogram.ClientInvalid, "CLIENT_INVALID"},
	{"MethodNotSupported", miniprogram.MethodNotSupported, "METHOD_NOT_SUPPORTED"},
	{"MerchantBalanceNotEnough", miniprogram.MerchantBalanceNotEnough, "MERCHANT_BALANCE_NOT_ENOUGH"},
	{"MultiRefundNotAllowed", miniprogram.MultiRefundNotAllowed, "MULTI_REFUND_NOT_ALLOWED"},
	{"RefundNotAllowed", miniprogram.RefundNotAllowed, "REFUND_NOT_ALLOWED"},
	{"OrderStatusInvalid", miniprogram.OrderStatusInvalid, "ORDER_STATUS_INVALID"},
	{"RefundWindowExceed", miniprogram.RefundWindowExceed, "REFUND_WINDOW_EXCEED"},
	{"RefundAmountExceed", miniprogram.RefundAmountExceed, "REFUND_AMOUNT_EXCEED"},
	{"RefundNotExist", miniprogram.RefundNotExist, "REFUND_NOT_EXIST"},
	{"OrderUnsupportedOperation", miniprogram.OrderUnsupportedOperation, "ORDER_UNSUPPORTED_OPERATION"},
	{"VoidBillNotExist", miniprogram.VoidBillNotExist, "VOID_BILL_NOT_EXIST"},
	{"InvalidAuthClient", miniprogram.InvalidAuthClient, "INVALID_AUTH_CLIENT"},
	{"ExpiredCode", miniprogram.ExpiredCode, "EXPIRED_CODE"},
	{"UsedRefreshToken", miniprogram.UsedRefreshToken, "USED_REFRESH_TOKEN"},
	{"StatusAccepted", miniprogram.StatusAccepted, "A"},
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
