package wechatpayretry // want package:"exposes carriers"

// This fixture proves the retry checks over WeChat Pay: the unknown
// outcomes (SYSTEMERROR, BANKERROR, USERPAYING, refund PROCESSING) handled
// as final, through core.IsAPIError as through a comparison, and final
// codes retried; and what is left alone.

import (
	"errors"
	"fmt"
	"time"

	"github.com/errcodevet/errcodevet/wechatpay"
	"github.com/go-pay/gopay/wechat"
	"github.com/wechatpay-apiv3/wechatpay-go/core"
	"github.com/wechatpay-apiv3/wechatpay-go/services/payments"
	"github.com/wechatpay-apiv3/wechatpay-go/services/refunddomestic"
)

var ErrPending = errors.New("payment pending: query it")

func Prepay(call func() error) error {
	err := call()
	if core.IsAPIError(err, wechatpay.SystemError) { // want `code SYSTEMERROR \(系统错误 \(HTTP 500\)\) handled as a final failure: the API documents trying again later`
		return errors.New("payment failed")
	}
	return err
}

func PrepayOr(call func() error) error {
	err := call()
	if core.IsAPIError(err, wechatpay.SystemError) || core.IsAPIError(err, wechatpay.BankError) { // want `code SYSTEMERROR`
		return fmt.Errorf("payment failed: %v", err)
	}
	return err
}

// Handed to the caller intact: the caller can still test the code.
func PrepayIntact(call func() error) error {
	err := call()
	if core.IsAPIError(err, wechatpay.SystemError) {
		return err
	}
	return nil
}

// A sentinel the caller can test.
func PrepaySentinel(call func() error) error {
	if err := call(); core.IsAPIError(err, wechatpay.SystemError) {
		return ErrPending
	}
	return nil
}

// Retried.
func PrepayRetried(call func() error) error { // want PrepayRetried:"retries"
	for i := 0; i < 3; i++ {
		err := call()
		if core.IsAPIError(err, wechatpay.SystemError) {
			time.Sleep(time.Second)
			continue
		}
		return err
	}
	return ErrPending
}

func Paid(tx *payments.Transaction) error {
	if *tx.TradeState != wechatpay.StateSuccess { // want `status other than SUCCESS handled as a final failure without handling USERPAYING \(trade_state: 用户支付中（付款码支付）\) or PROCESSING \(refund status: 退款处理中\) first: the API documents retrying or querying the result`
		return errors.New("not paid")
	}
	return nil
}

// The same with a nil guard on the state: where it is nil there is no
// state to compare, so the body runs for every state but success.
func PaidGuarded(tx *payments.Transaction) error {
	if tx.TradeState != nil && *tx.TradeState != wechatpay.StateSuccess { // want `status other than SUCCESS handled as a final failure without handling USERPAYING`
		return errors.New("not paid")
	}
	return nil
}

// A guard of something else: the body runs only when that holds.
func PaidIfAmount(tx *payments.Transaction) error {
	if tx.OutTradeNo != nil && *tx.TradeState != wechatpay.StateSuccess {
		return errors.New("not paid")
	}
	return nil
}

// USERPAYING handled first: left alone.
func PaidPolled(tx *payments.Transaction) error {
	if *tx.TradeState == wechatpay.StateUserPaying {
		return ErrPending
	}
	if *tx.TradeState != wechatpay.StateSuccess {
		return errors.New("not paid")
	}
	return nil
}

func Refunded(r *refunddomestic.Refund) error {
	if *r.Status == refunddomestic.STATUS_PROCESSING { // want `status PROCESSING \(refund status: 退款处理中\) handled as a final failure: the API documents retrying or querying the result`
		return errors.New("refund failed")
	}
	return nil
}

func Charge(call func() error) error { // want Charge:"retries"
	for {
		err := call()
		if core.IsAPIError(err, wechatpay.NotEnough) { // want `code NOTENOUGH \(余额不足 \(HTTP 403\)\) retried: the API documents not retrying`
			time.Sleep(time.Second)
			continue
		}
		return err
	}
}

// Negated: the else is the unknown outcome.
func PrepayNegated(call func() error) error {
	err := call()
	if !core.IsAPIError(err, wechatpay.SystemError) {
		return err
	}
	return ErrPending
}

// API v2 through gopay's types: payment-code pay answered USERPAYING, a
// refund whose refund_status_0 is still PROCESSING, an order whose
// trade_state is not SUCCESS; and a final payment-code answer retried.
func MicropayV2(rsp *wechat.MicropayResponse) error {
	if rsp.ErrCode == wechatpay.UserPaying { // want `code USERPAYING \(用户支付中，需要输入密码 \(HTTP 202\)\) handled as a final failure`
		return errors.New("payment failed")
	}
	return nil
}

func RefundV2(rsp *wechat.QueryRefundResponse) error {
	if rsp.RefundStatus0 == wechatpay.StateProcessing { // want `status PROCESSING \(refund status: 退款处理中\) handled as a final failure`
		return errors.New("refund failed")
	}
	return nil
}

func PaidV2(rsp *wechat.QueryOrderResponse) error {
	if rsp.TradeState != wechatpay.StateSuccess { // want `status other than SUCCESS handled as a final failure without handling USERPAYING`
		return errors.New("not paid")
	}
	return nil
}

// USERPAYING polled first: left alone.
func PaidV2Polled(rsp *wechat.QueryOrderResponse) error {
	switch rsp.TradeState {
	case wechatpay.StateSuccess:
		return nil
	case wechatpay.StateUserPaying, wechatpay.StateNotPay, wechatpay.StateAccept:
		return ErrPending
	}
	return errors.New("not paid")
}

func MicropayCardV2(pay func() *wechat.MicropayResponse) error { // want MicropayCardV2:"retries"
	for i := 0; i < 3; i++ {
		rsp := pay()
		if rsp.ErrCode == wechatpay.AuthCodeExpire { // want `code AUTHCODEEXPIRE \(二维码已过期，请用户在微信上刷新后再试\) retried: the API documents not retrying`
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return ErrPending
}

// A refunddomestic.Status holds a refund's states only: the finding names
// PROCESSING, not the order's USERPAYING.
func RefundDone(r *refunddomestic.Refund) error {
	if *r.Status != refunddomestic.STATUS_SUCCESS { // want `status other than SUCCESS handled as a final failure without handling PROCESSING \(refund status: 退款处理中\) first: the API documents retrying or querying the result`
		return errors.New("refund failed")
	}
	return nil
}
