package example

import "errors"

// pay handles the result of a Mini Program payment.
func pay(resp PayResponse, notify PayNotification) error {
	switch resp.Result.ResultStatus {
	case "S":
		return nil
	case "U": // string-code; retry-unknown: the error gives up on an unknown outcome
		return errors.New("payment failed")
	case "X": // unknown-code: not a resultStatus
		return errors.New("never happens")
	}
	if resp.Result.ResultCode == "ACCES_DENIED" { // unknown-code: a misspelling
		return errors.New("denied")
	}
	if resp.Result.ResultCode == "param_illegal" { // unknown-code: values are case-sensitive
		return errors.New("bad request")
	}
	if resp.Result.ResultCode == "REQUEST_TRAFFIC_EXCEED_LIMIT" { // string-code
		return errors.New("slow down")
	}
	if resp.Result.ResultCode == "PAYMENT_IN_PROCESS" { // a known per-API code: left alone
		return errors.New("in process")
	}
	if notify.ResultCode == "FAIL" { // WeChat Pay's result_code: left alone
		return errors.New("failed")
	}
	return nil
}
