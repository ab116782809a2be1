package pay

import "errors"

type Result struct {
	ResultStatus string `json:"resultStatus"`
}

func Settle(res Result) error {
	if res.ResultStatus == "U" {
		return errors.New("payment failed")
	}
	return nil
}
