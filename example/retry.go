package example

import (
	"context"
	"errors"
	"log"
	"time"

	"github.com/errcodevet/errcodevet/miniprogram"
)

// settle charges an order, retrying while the outcome is unknown.
func settle(ctx context.Context, pay func(context.Context) PayResponse) error {
	for attempt := 0; attempt < 5; attempt++ {
		resp := pay(ctx)
		switch resp.Result.ResultStatus {
		case miniprogram.StatusSuccess:
			return nil
		case miniprogram.StatusUnknown: // left alone: it waits and calls again
			time.Sleep(time.Second << attempt)
			continue
		}
		if resp.Result.ResultCode == miniprogram.ProcessFail { // retry-final: PROCESS_FAIL says "Do not retry"
			log.Printf("payment failed, trying again")
			continue
		}
		return errors.New(resp.Result.ResultMessage)
	}
	return errors.New("payment outcome still unknown")
}

// refund fails a refund on any status but success: U included.
func refund(resp PayResponse) error {
	if resp.Result.ResultStatus != miniprogram.StatusSuccess { // retry-unknown: U is not handled before
		return errors.New("refund failed")
	}
	return nil
}

// ErrCapturePending tells Capture's callers that the outcome is unknown:
// they query the payment later instead of failing the order.
var ErrCapturePending = errors.New("capture outcome unknown")

// Capture hands an unknown outcome to its caller intact: left alone.
func Capture(resp PayResponse) error {
	switch resp.Result.ResultStatus {
	case miniprogram.StatusSuccess:
		return nil
	case miniprogram.StatusUnknown: // left alone: the caller can test ErrCapturePending
		return ErrCapturePending
	}
	return errors.New(resp.Result.ResultMessage)
}
