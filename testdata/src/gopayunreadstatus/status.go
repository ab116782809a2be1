package gopayunreadstatus // want package:"exposes carriers"

// This fixture proves the unread status of gopay's v3 answers: gopay
// returns every answer but the expected 200 or 204 with a nil error, so an answer whose body is read
// (or which is discarded) after testing only err takes SYSTEM_ERROR and
// USERPAYING for success; and what is left alone: Code or Error read, the
// answer handed on, a variable assigned twice, err not tested.

import (
	"context"
	"errors"
	"fmt"

	"github.com/go-pay/gopay"
	v3 "github.com/go-pay/gopay/wechat/v3"
)

func Refund(ctx context.Context, c *v3.ClientV3, bm gopay.BodyMap) (string, error) { // want Refund:"returns wechatpay status"
	rsp, err := c.V3Refund(ctx, bm) // want `V3Refund's answer read without testing its Code: gopay returns every answer but the expected 200 or 204 \(SYSTEM_ERROR, 202 USERPAYING, a refusal\) with a nil error and the HTTP status in its Code; test Code before reading Response`
	if err != nil {
		return "", err
	}
	return rsp.Response.Status, nil
}

func RefundDiscarded(ctx context.Context, c *v3.ClientV3, bm gopay.BodyMap) error {
	_, err := c.V3Refund(ctx, bm) // want `V3Refund's answer discarded after testing only its error`
	if err != nil {
		return fmt.Errorf("refund: %w", err)
	}
	return nil
}

// Code tested: left alone.
func RefundChecked(ctx context.Context, c *v3.ClientV3, bm gopay.BodyMap) (string, error) { // want RefundChecked:"returns wechatpay status"
	rsp, err := c.V3Refund(ctx, bm)
	if err != nil {
		return "", err
	}
	if rsp.Code != 0 {
		return "", errors.New(rsp.ErrResponse.Code)
	}
	return rsp.Response.Status, nil
}

// The answer handed to the caller, who can test it.
func RefundHanded(ctx context.Context, c *v3.ClientV3, bm gopay.BodyMap) (*v3.RefundRsp, error) {
	rsp, err := c.V3Refund(ctx, bm)
	if err != nil {
		return nil, err
	}
	fmt.Println(rsp.Response.OutRefundNo)
	return rsp, nil
}

func check(rsp *v3.RefundRsp) error {
	if rsp.Code != 0 {
		return errors.New("refused")
	}
	return nil
}

// Passed to a function that tests it.
func RefundHelper(ctx context.Context, c *v3.ClientV3, bm gopay.BodyMap) (string, error) { // want RefundHelper:"returns wechatpay status"
	rsp, err := c.V3Refund(ctx, bm)
	if err != nil {
		return "", err
	}
	if err := check(rsp); err != nil {
		return "", err
	}
	return rsp.Response.Status, nil
}

// Assigned twice: which answer a read belongs to is not judged.
func RefundTwice(ctx context.Context, c *v3.ClientV3, bm gopay.BodyMap) string { // want RefundTwice:"returns wechatpay status"
	rsp, err := c.V3Refund(ctx, bm)
	if err != nil {
		rsp, err = c.V3Refund(ctx, bm)
	}
	_ = err
	return rsp.Response.Status
}

// err not tested: nothing says the author meant to see failures.
func RefundFireAndForget(ctx context.Context, c *v3.ClientV3, bm gopay.BodyMap) {
	_, _ = c.V3Refund(ctx, bm)
}
