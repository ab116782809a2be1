package silentwechatpaysdk // want package:"exposes carriers"

// This fixture proves what the WeChat Pay carriers leave alone: the SDK's
// own constants, success, spellings of current pages that are values of
// their own, gopay's Code (0 or the HTTP status), other fields of the SDK
// types, and a json "code" field of any other type.

import (
	"github.com/go-pay/gopay/wechat"
	v3 "github.com/go-pay/gopay/wechat/v3"
	"github.com/wechatpay-apiv3/wechatpay-go/core"
	"github.com/wechatpay-apiv3/wechatpay-go/services/payments"
	"github.com/wechatpay-apiv3/wechatpay-go/services/refunddomestic"
)

type notifyAnswer struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func named(r *refunddomestic.Refund) bool {
	return *r.Status == refunddomestic.STATUS_PROCESSING || *r.Status == refunddomestic.STATUS_SUCCESS
}

func success(tx *payments.Transaction) bool {
	return *tx.TradeState == "SUCCESS"
}

func spellings(err error) bool {
	return core.IsAPIError(err, "ORDER_NOT_EXIST") || core.IsAPIError(err, "NO_AUTH") || core.IsAPIError(err, "RESOURCE_NOT_EXISTS")
}

func variable(err error, code string) bool {
	return core.IsAPIError(err, code)
}

func httpStatus(rsp *v3.QueryOrderRsp) bool {
	return rsp.Code == 404 || rsp.Code == 0
}

func otherFields(tx *payments.Transaction, e *core.APIError) bool {
	return *tx.OutTradeNo == "USERPAYING" || e.Message == "SYSTEMERROR"
}

func answer(a notifyAnswer) bool {
	return a.Code == "SYSTEMERROR" || a.Code == "FAIL"
}

// gopay's v2 types: success, another field, and the underscore spelling of
// a payment-code err_code (a spelling of its own, as ORDER_NOT_EXIST is).
func gopayV2(q *wechat.QueryOrderResponse, r *wechat.QueryRefundResponse, n *wechat.RefundNotify, m *wechat.MicropayResponse) bool {
	return q.TradeState == "SUCCESS" || q.OutTradeNo == "USERPAYING" || r.RefundCount == "PROCESSING" ||
		n.RefundStatus == "SUCCESS" || n.OutRefundNo == "REFUNDCLOSE" || m.ErrCode == "AUTH_CODE_EXPIRE"
}
