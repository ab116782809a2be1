package wechatpayrefundno // want package:"exposes carriers"

// This fixture proves the renewed refund number: a refund that a retry
// creates again under an out_refund_no made anew on each attempt (the
// clock, a random source, a generated id, the loop's counter, directly or
// through a function of the package, also one that builds the request)
// is a second refund when an attempt's outcome was unknown; and the
// look-alikes left alone: a number made before the loop, a loop over
// refunds to make, a new number only after a final failure, a clock read
// at day granularity.

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"strconv"
	"time"

	"github.com/cenkalti/backoff/v4"
	"github.com/errcodevet/errcodevet/wechatpay"
	"github.com/go-pay/gopay"
	"github.com/go-pay/gopay/wechat"
	v3 "github.com/go-pay/gopay/wechat/v3"
	"github.com/go-pay/util"
	"github.com/google/uuid"
	"github.com/wechatpay-apiv3/wechatpay-go/core"
	"github.com/wechatpay-apiv3/wechatpay-go/services/refunddomestic"
)

var errRefund = errors.New("refund not accepted")

func RefundClock(ctx context.Context, svc *refunddomestic.RefundsApiService, order string) error { // want RefundClock:"retries"
	for i := 0; i < 3; i++ {
		no := fmt.Sprintf("R%s%d", order, time.Now().UnixNano())
		_, _, err := svc.Create(ctx, refunddomestic.CreateRequest{OutTradeNo: core.String(order), OutRefundNo: core.String(no)}) // want `refund retried under a new out_refund_no on each attempt: a new refund number makes each retry a new refund`
		if err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errRefund
}

func RefundUUID(ctx context.Context, svc *refunddomestic.RefundsApiService, order string) error { // want RefundUUID:"retries"
	for attempt := 0; attempt < 3; attempt++ {
		req := refunddomestic.CreateRequest{OutTradeNo: core.String(order)}
		req.OutRefundNo = core.String(uuid.NewString())
		if _, _, err := svc.Create(ctx, req); err != nil { // want `refund retried under a new out_refund_no`
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return errRefund
}

func newRefundNo(order string) string {
	suffix := mrand.IntN(1000000)
	return order + "-" + strconv.Itoa(suffix)
}

// Through a function of the package.
func RefundHelper(ctx context.Context, c *v3.ClientV3, order string) error { // want RefundHelper:"retries"
	for {
		bm := make(gopay.BodyMap)
		bm.Set("out_trade_no", order).Set("out_refund_no", newRefundNo(order))
		rsp, err := c.V3Refund(ctx, bm) // want `refund retried under a new out_refund_no`
		if err == nil && rsp.Code == 0 {
			return nil
		}
		time.Sleep(time.Second)
	}
}

// The loop's counter in the number.
func RefundCounter(ctx context.Context, c *wechat.Client, order string) error {
	for i := 0; i < 3; i++ {
		_, _, err := c.Refund(ctx, gopay.BodyMap{"out_trade_no": order, "out_refund_no": order + "-" + strconv.Itoa(i)}) // want `refund retried under a new out_refund_no`
		if err != nil {
			continue
		}
		return nil
	}
	return errRefund
}

// gopay's own helper, as its README fills the number; inside a retry
// library's operation.
func RefundBackoff(ctx context.Context, c *v3.ClientV3, order string) error { // want RefundBackoff:"retries"
	return backoff.Retry(func() error {
		bm := make(gopay.BodyMap).Set("out_trade_no", order).Set("out_refund_no", util.RandomString(32))
		_, err := c.V3Refund(ctx, bm) // want `refund retried under a new out_refund_no`
		return err
	}, backoff.NewExponentialBackOff())
}

// The same operation held in a variable first: the same verdict.
func RefundBackoffVar(ctx context.Context, c *v3.ClientV3, order string) error { // want RefundBackoffVar:"retries"
	op := func() error {
		bm := make(gopay.BodyMap).Set("out_trade_no", order).Set("out_refund_no", util.RandomString(32))
		_, err := c.V3Refund(ctx, bm) // want `refund retried under a new out_refund_no`
		return err
	}
	return backoff.Retry(op, backoff.NewExponentialBackOff())
}

// A function literal held in a variable and called once: no retry.
func RefundOnceVar(ctx context.Context, c *v3.ClientV3, order string) error {
	op := func() error {
		bm := make(gopay.BodyMap).Set("out_trade_no", order).Set("out_refund_no", util.RandomString(32))
		_, err := c.V3Refund(ctx, bm)
		return err
	}
	return op()
}

// crypto/rand fills the bytes of the number.
func RefundCryptoRand(ctx context.Context, svc *refunddomestic.RefundsApiService, order string) error {
	for i := 0; i < 3; i++ {
		b := make([]byte, 8)
		rand.Read(b)
		no := hex.EncodeToString(b)
		_, _, err := svc.Create(ctx, refunddomestic.CreateRequest{OutRefundNo: &no}) // want `refund retried under a new out_refund_no`
		if err != nil {
			continue
		}
		break
	}
	return nil
}

// The number made once, before the loop: left alone.
func RefundOnce(ctx context.Context, svc *refunddomestic.RefundsApiService, order string) error { // want RefundOnce:"retries"
	no := fmt.Sprintf("R%s%d", order, time.Now().UnixNano())
	for i := 0; i < 3; i++ {
		_, _, err := svc.Create(ctx, refunddomestic.CreateRequest{OutRefundNo: core.String(no)})
		if err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errRefund
}

// A loop over refunds to make: each item its own refund, a new number each.
func RefundAll(ctx context.Context, svc *refunddomestic.RefundsApiService, orders []string) []error {
	var errs []error
	for i := 0; i < len(orders); i++ {
		_, _, err := svc.Create(ctx, refunddomestic.CreateRequest{OutRefundNo: core.String(uuid.NewString())})
		if err != nil {
			errs = append(errs, err)
			continue
		}
	}
	for _, order := range orders {
		no := order + strconv.FormatInt(time.Now().UnixNano(), 10)
		if _, _, err := svc.Create(ctx, refunddomestic.CreateRequest{OutRefundNo: &no}); err == nil {
			continue
		}
	}
	return errs
}

// A new number only after a final failure: the refund was refused, so a
// new refund is right.
func RefundRenewOnRefusal(ctx context.Context, svc *refunddomestic.RefundsApiService, order string) error {
	no := order + "-1"
	for i := 0; i < 3; i++ {
		_, _, err := svc.Create(ctx, refunddomestic.CreateRequest{OutRefundNo: core.String(no)})
		if err == nil {
			return nil
		}
		if core.IsAPIError(err, wechatpay.ParamError) {
			no = uuid.NewString()
		}
	}
	return errRefund
}

// The date alone: the same number for every attempt of a day.
func RefundDaily(ctx context.Context, svc *refunddomestic.RefundsApiService, order string) error {
	for i := 0; i < 3; i++ {
		no := order + time.Now().Format("20060102")
		_, _, err := svc.Create(ctx, refunddomestic.CreateRequest{OutRefundNo: core.String(no)})
		if err == nil {
			return nil
		}
	}
	return errRefund
}

// One attempt: no loop retries it.
func RefundSingle(ctx context.Context, c *v3.ClientV3, order string) error {
	_, err := c.V3Refund(ctx, make(gopay.BodyMap).Set("out_refund_no", uuid.NewString()))
	return err
}

// A failure test with more to it: err != nil && attempt < 3 goes round,
// a success returns. The clock read to the second.
func RefundStamp(ctx context.Context, svc *refunddomestic.RefundsApiService, order string) (*refunddomestic.Refund, error) {
	for attempt := 1; ; attempt++ {
		no := order + time.Now().Format("20060102150405")
		resp, _, err := svc.Create(ctx, refunddomestic.CreateRequest{OutRefundNo: core.String(no)}) // want `refund retried under a new out_refund_no`
		if err != nil && attempt < 3 {
			continue
		}
		return resp, err
	}
}

// A function of the package builds the request from the number it is
// given: the number is the argument's.
func refundRequest(order, no string) refunddomestic.CreateRequest {
	return refunddomestic.CreateRequest{OutTradeNo: core.String(order), OutRefundNo: core.String(no)}
}

func RefundBuilt(ctx context.Context, svc *refunddomestic.RefundsApiService, order string) error {
	for i := 0; i < 3; i++ {
		no := fmt.Sprintf("R%d", time.Now().UnixNano())
		if _, _, err := svc.Create(ctx, refundRequest(order, no)); err != nil { // want `refund retried under a new out_refund_no`
			continue
		}
		return nil
	}
	return errRefund
}

// The built request held in a variable first: the same verdict.
func RefundBuiltVar(ctx context.Context, svc *refunddomestic.RefundsApiService, order string) error {
	for i := 0; i < 3; i++ {
		req := refundRequest(order, uuid.NewString())
		if _, _, err := svc.Create(ctx, req); err == nil { // want `refund retried under a new out_refund_no`
			return nil
		}
	}
	return errRefund
}

// The builder given a number made once, before the loop: left alone.
func RefundBuiltOnce(ctx context.Context, svc *refunddomestic.RefundsApiService, order string) error {
	no := fmt.Sprintf("R%d", time.Now().UnixNano())
	for i := 0; i < 3; i++ {
		if _, _, err := svc.Create(ctx, refundRequest(order+strconv.Itoa(i), no)); err != nil {
			continue
		}
		return nil
	}
	return errRefund
}

// The loop goes round on an error and on an answer other than success by
// reaching its end, and leaves on success.
func RefundUntilAccepted(ctx context.Context, c *v3.ClientV3, order string) error {
	for i := 0; i < 3; i++ {
		bm := make(gopay.BodyMap).Set("out_trade_no", order).Set("out_refund_no", util.RandomString(32))
		rsp, err := c.V3Refund(ctx, bm) // want `refund retried under a new out_refund_no`
		if err != nil {
			continue
		}
		if rsp.Code == 0 {
			return nil
		}
	}
	return errRefund
}

// The same loop over refunds to make, one each: nothing leaves on
// success, each round is a refund of its own.
func RefundEach(ctx context.Context, c *v3.ClientV3, orders []string) int {
	done := 0
	for i := 0; i < len(orders); i++ {
		bm := make(gopay.BodyMap).Set("out_trade_no", orders[i]).Set("out_refund_no", util.RandomString(32))
		rsp, err := c.V3Refund(ctx, bm)
		if err != nil {
			continue
		}
		if rsp.Code == 0 {
			done++
		}
	}
	return done
}

// A helper of the package fills the number from crypto/rand, its results
// assigned: each call is a new number.
func randomNo() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func RefundRandomHelper(ctx context.Context, svc *refunddomestic.RefundsApiService, order string) error { // want RefundRandomHelper:"retries"
	return backoff.Retry(func() error {
		_, _, err := svc.Create(ctx, refunddomestic.CreateRequest{OutTradeNo: core.String(order), OutRefundNo: core.String(randomNo())}) // want `refund retried under a new out_refund_no`
		return err
	}, backoff.NewExponentialBackOff())
}

// A helper of the package builds gopay's BodyMap from the number it is
// given.
func refundBody(order, no string) gopay.BodyMap {
	bm := make(gopay.BodyMap)
	bm.Set("out_trade_no", order)
	bm.Set("out_refund_no", no)
	return bm
}

func RefundBodyBuilt(ctx context.Context, c *wechat.Client, order string) error {
	for i := 0; i < 3; i++ {
		if _, _, err := c.Refund(ctx, refundBody(order, order+"-"+strconv.Itoa(i))); err == nil { // want `refund retried under a new out_refund_no`
			return nil
		}
	}
	return errRefund
}

// The same builder given the order's own number: left alone.
func RefundBodyOnce(ctx context.Context, c *wechat.Client, order string) error {
	for i := 0; i < 3; i++ {
		if _, _, err := c.Refund(ctx, refundBody(order+strconv.Itoa(i), order)); err == nil {
			return nil
		}
	}
	return errRefund
}
