package alipaybizerr // want package:"exposes carriers"

// This fixture proves that gopay's alipay.IsBizError, an errors.As of its
// own (ok is true exactly when err is a *BizErr), guards a comparison as
// errors.As does: ok && be.SubCode == "ACQ.SYSTEM_ERROR" selects what the
// comparison alone selects, and handing err on hands the outcome on. The
// ok of another call, or an ok reassigned, guards nothing that can be
// judged.

import (
	"context"
	"errors"
	"fmt"

	"github.com/go-pay/gopay"
	"github.com/go-pay/gopay/alipay"
)

func payIf(c *alipay.Client, bm gopay.BodyMap) error {
	_, err := c.TradePay(context.Background(), bm)
	if be, ok := alipay.IsBizError(err); ok && be.SubCode == "ACQ.SYSTEM_ERROR" { // want `code ACQ.SYSTEM_ERROR \(system error, such as system time out\) handled as a final failure: the API documents trying again later`
		return fmt.Errorf("pay failed: %v", err)
	}
	return err
}

func payNested(c *alipay.Client, bm gopay.BodyMap) error {
	_, err := c.TradePay(context.Background(), bm)
	if be, ok := alipay.IsBizError(err); ok {
		if be.SubCode == "ACQ.SYSTEM_ERROR" { // want `code ACQ.SYSTEM_ERROR \(system error, such as system time out\) handled as a final failure: the API documents trying again later`
			return fmt.Errorf("pay failed: %v", err)
		}
	}
	return err
}

// Handing err on, wrapped with %w, leaves the outcome to the caller.
func payHandsOn(c *alipay.Client, bm gopay.BodyMap) error {
	_, err := c.TradePay(context.Background(), bm)
	if be, ok := alipay.IsBizError(err); ok && be.SubCode == "ACQ.SYSTEM_ERROR" {
		return fmt.Errorf("pay: %w", err)
	}
	return err
}

func cached(err error) (*alipay.BizErr, bool) { return nil, false }

// The ok of a function that is not an errors.As says something else.
func payOtherOK(c *alipay.Client, bm gopay.BodyMap) error {
	_, err := c.TradePay(context.Background(), bm)
	if be, ok := cached(err); ok && be.SubCode == "ACQ.SYSTEM_ERROR" {
		return errors.New("pay failed")
	}
	return err
}

// An ok assigned again no longer says only that be holds the value.
func payOKReassigned(c *alipay.Client, bm gopay.BodyMap, retried bool) error {
	_, err := c.TradePay(context.Background(), bm)
	be, ok := alipay.IsBizError(err)
	ok = ok && retried
	if ok && be.SubCode == "ACQ.SYSTEM_ERROR" {
		return errors.New("pay failed")
	}
	return err
}
