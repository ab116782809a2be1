package retryperapi // want package:"exposes carriers"

import "errors"

// A status takes its retry class from the codes documented with it; a code
// whose status differs between APIs (ORDER_NOT_EXIST: U for pay, F for
// inquiry) counts for none.

type Reply struct {
	Code   string `json:"zCode"`
	Status string `json:"zStatus"`
}

func call() Reply { return Reply{} }

// F is the status of RISK_REJECT ("Do not retry") for every API, and of no
// other code: F takes its class, "never".
func retriesF() error {
	for i := 0; i < 3; i++ {
		if r := call(); r.Status == "F" { // want `zStatus F \(failure\) retried: the API documents not retrying`
			continue
		}
		return nil
	}
	return nil
}

// U is the status of BUSY for every API: retry class "retry". Were
// ORDER_NOT_EXIST's pay status taken for all its APIs, U would be mixed.
func Unknown(r Reply) error {
	if r.Status == "U" { // want `zStatus U \(unknown\) handled as a final failure`
		return errors.New("failed")
	}
	return nil
}

// ORDER_NOT_EXIST has no status and no retry class: neither check judges it.
func orderNotExist(r Reply) error {
	for i := 0; i < 3; i++ {
		if r = call(); r.Code == "ORDER_NOT_EXIST" {
			continue
		}
	}
	if r.Code == "ORDER_NOT_EXIST" {
		return errors.New("no order")
	}
	return nil
}
