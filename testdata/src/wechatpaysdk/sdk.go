package wechatpaysdk // want package:"exposes carriers"

// This fixture proves the carriers of the WeChat Pay SDKs: the official
// SDK's APIError.Code (read directly, after errors.As, or through
// core.IsAPIError), its Transaction.TradeState and refund Status, and
// gopay's ErrResponse.Code, trade_state, refund status and v2 err_code.

import (
	"errors"

	"github.com/go-pay/gopay/wechat"
	v3 "github.com/go-pay/gopay/wechat/v3"
	"github.com/wechatpay-apiv3/wechatpay-go/core"
	"github.com/wechatpay-apiv3/wechatpay-go/services/payments"
	"github.com/wechatpay-apiv3/wechatpay-go/services/refunddomestic"
)

func orderMissing(err error) bool {
	return core.IsAPIError(err, "ORDERNOTEXIST") // want `code "ORDERNOTEXIST" compared as a magic string: 订单不存在 \(HTTP 404\) \(wechatpay.OrderNotExist\)`
}

func neverTrue(err error) bool {
	return core.IsAPIError(err, "") // want `code "" can never match a documented code: the call is true only for an error whose body has no code`
}

func misspelt(err error) bool {
	return core.IsAPIError(err, "SYSTEMEROR") // want `code "SYSTEMEROR" can never match: likely a misspelling of SYSTEMERROR \(wechatpay.SystemError\)`
}

func lowerCase(err error) bool {
	return core.IsAPIError(err, "systemerror") // want `code "systemerror" can never match: values are case-sensitive, the documented value is SYSTEMERROR`
}

func afterAs(err error) bool {
	var apiErr *core.APIError
	if errors.As(err, &apiErr) && apiErr.Code == "NOTENOUGH" { // want `code "NOTENOUGH" compared as a magic string: 余额不足 \(HTTP 403\) \(wechatpay.NotEnough\)`
		return true
	}
	return false
}

func paying(tx *payments.Transaction) bool {
	return *tx.TradeState == "USERPAYING" // want `status "USERPAYING" compared as a magic string: trade_state: 用户支付中（付款码支付） \(wechatpay.StateUserPaying\)`
}

func refundPending(r *refunddomestic.Refund) bool {
	return *r.Status == "PROCESSING" // want `status "PROCESSING" compared as a magic string: refund status: 退款处理中 \(refunddomestic.STATUS_PROCESSING\)`
}

func refundTypo(r *refunddomestic.Refund) bool {
	return *r.Status == "PROCESING" // want `status "PROCESING" can never match: likely a misspelling of PROCESSING \(refunddomestic.STATUS_PROCESSING\)`
}

func gopayV3(rsp *v3.QueryOrderRsp) string {
	if rsp.ErrResponse.Code == "ORDER_CLOSED" { // want `code "ORDER_CLOSED" compared as a magic string: 订单已关闭 \(HTTP 400\) \(wechatpay.OrderClosed\)`
		return "closed"
	}
	if rsp.Response.TradeState == "NOTPAY" { // want `status "NOTPAY" compared as a magic string`
		return "unpaid"
	}
	return ""
}

func gopayRefund(r *v3.RefundQueryResponse) bool {
	return r.Status == "ABNORMAL" // want `status "ABNORMAL" compared as a magic string: refund status: 退款异常 \(wechatpay.StateAbnormal\)`
}

func gopayV2(rsp *wechat.MicropayResponse) bool {
	return rsp.ErrCode == "ORDERPAID" // want `code "ORDERPAID" compared as a magic string: 商户订单已支付 \(wechatpay.OrderPaid\)`
}

func gopayV2Order(rsp *wechat.QueryOrderResponse) bool {
	return rsp.TradeState == "ACCEPT" // want `status "ACCEPT" compared as a magic string: trade_state: 已接收，等待扣款 \(wechatpay.StateAccept\)`
}

func gopayV2RefundClosed(rsp *wechat.QueryRefundResponse) bool {
	return rsp.RefundStatus0 == "REFUNDCLOSE" || rsp.RefundStatus1 == "CHANGE" // want `status "REFUNDCLOSE" compared as a magic string: refund_status \(API v2\): 退款关闭 \(wechatpay.StateRefundClose\)` `status "CHANGE" compared as a magic string`
}

func gopayV2RefundTypo(rsp *wechat.QueryRefundResponse) bool {
	return rsp.RefundStatus2 == "REFUND_CLOSE" // want `status "REFUND_CLOSE" can never match`
}

func gopayV2Notify(n *wechat.RefundNotify) bool {
	return n.RefundStatus == "CHANGE" // want `status "CHANGE" compared as a magic string`
}

func gopayCombined(o *v3.SubOrders) bool {
	return o.TradeState == "USERPAYING" // want `status "USERPAYING" compared as a magic string`
}

func gopayMicropay(rsp *wechat.MicropayResponse) bool {
	return rsp.ErrCode == "AUTHCODEEXPIRE" // want `code "AUTHCODEEXPIRE" compared as a magic string: 二维码已过期，请用户在微信上刷新后再试 \(wechatpay.AuthCodeExpire\)`
}

func gopayMicropayTypo(rsp *wechat.MicropayResponse) bool {
	return rsp.ErrCode == "AUTHCODEEXPRIE" // want `code "AUTHCODEEXPRIE" can never match`
}

// The spellings of current v3 pages read with their text: values of their
// own, each with its constant.
func currentSpellings(err error) bool {
	return core.IsAPIError(err, "SYSTEM_ERROR") || core.IsAPIError(err, "NOT_ENOUGH") // want `code "SYSTEM_ERROR" compared as a magic string: 系统异常 \(HTTP 500\) \(wechatpay.SystemErrorV3\)` `code "NOT_ENOUGH" compared as a magic string: 余额不足 \(wechatpay.NotEnoughV3\)`
}
