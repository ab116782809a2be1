package mpapitables // want package:"exposes carriers"

import (
	"errors"

	"github.com/errcodevet/errcodevet/miniprogram"
)

// This fixture proves the Mini Program OpenAPI codes of the APIs' Result
// sections (catalog/sources/miniprogram-*.tsv): each is explained with its
// page's text and fixed with its constant, the status A has a constant, and
// the retry checks use their classes. PAYMENT_IN_PROCESS is known but no page
// read gives its text: it stays silent.

type Result struct {
	ResultCode   string `json:"resultCode"`
	ResultStatus string `json:"resultStatus"`
}

func call() Result { return Result{} }

var errFailed = errors.New("payment failed")

func inquire(res Result) (bool, error) {
	switch res.ResultCode {
	case "ORDER_NOT_EXIST": // want `resultCode "ORDER_NOT_EXIST" compared as a magic string: the order does not exist \(miniprogram.OrderNotExist\)`
		return false, errFailed
	case "REPEAT_REQ_INCONSISTENT": // want `resultCode "REPEAT_REQ_INCONSISTENT" compared as a magic string: duplicate request with inconsistent data \(miniprogram.RepeatReqInconsistent\)`
		return false, errFailed
	case "PAYMENT_IN_PROCESS":
		return false, nil
	}
	if res.ResultStatus == "A" { // want `resultStatus "A" compared as a magic string: accepted \(miniprogram.StatusAccepted\)`
		return false, nil
	}
	return res.ResultStatus == miniprogram.StatusSuccess, nil
}

// ORDER_STATUS_INVALID ("Invalid order status") cannot succeed again: the
// order must change first.
func refundRetriesFinal() error {
	for range 3 {
		if res := call(); res.ResultCode == miniprogram.OrderStatusInvalid { // want `resultCode ORDER_STATUS_INVALID \(invalid order status\) retried: the API documents not retrying`
			continue
		}
		return nil
	}
	return errFailed
}

// REFUND_NOT_ALLOWED's page says nothing about retrying: no verdict.
func refundRetriesUnstated() error {
	for range 3 {
		if res := call(); res.ResultCode == miniprogram.RefundNotAllowed {
			continue
		}
		return nil
	}
	return errFailed
}
