package alipayrefundno // want package:"exposes carriers"

// This fixture proves the renewed refund request number of classic
// Alipay: alipay.trade.refund takes a new out_request_no for a new
// (partial) refund of the trade, so a retry that makes the number anew on
// each attempt refunds again when an attempt's outcome was unknown; with
// gopay's BodyMap and smartwalle's TradeRefund. Left alone: the number made
// once, before the loop.

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/go-pay/gopay"
	"github.com/go-pay/gopay/alipay"
	alipay3 "github.com/smartwalle/alipay/v3"
)

var errRefund = errors.New("refund not accepted")

func GopayRefund(ctx context.Context, c *alipay.Client, order string) error {
	for i := 0; i < 3; i++ {
		bm := make(gopay.BodyMap).Set("out_trade_no", order).Set("refund_amount", "1.00").
			Set("out_request_no", fmt.Sprintf("%s-%d", order, time.Now().UnixNano()))
		if _, err := c.TradeRefund(ctx, bm); err != nil { // want `refund retried under a new out_request_no on each attempt`
			continue
		}
		return nil
	}
	return errRefund
}

func SmartwalleRefund(ctx context.Context, c *alipay3.Client, order string) error {
	for attempt := 0; attempt < 3; attempt++ {
		p := alipay3.TradeRefund{OutTradeNo: order, RefundAmount: "1.00", OutRequestNo: fmt.Sprintf("%s-%d", order, attempt)}
		if _, err := c.TradeRefund(ctx, p); err == nil { // want `refund retried under a new out_request_no on each attempt`
			return nil
		}
	}
	return errRefund
}

// The request number made once, before the loop: each attempt asks for
// the same refund.
func SmartwalleRefundOnce(ctx context.Context, c *alipay3.Client, order string) error {
	no := fmt.Sprintf("%s-%d", order, time.Now().UnixNano())
	for attempt := 0; attempt < 3; attempt++ {
		p := alipay3.TradeRefund{OutTradeNo: order, RefundAmount: "1.00", OutRequestNo: no}
		if _, err := c.TradeRefund(ctx, p); err == nil {
			return nil
		}
	}
	return errRefund
}
