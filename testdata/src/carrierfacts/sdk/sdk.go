package sdk // want package:"exposes carriers"

// This fixture is a vendor SDK: its carrier-returning functions are known to
// the packages that import it only through facts, result by result.

import "errors"

type CommonError struct {
	ErrCode int64  `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func (e *CommonError) Code() int64 { return e.ErrCode } // want Code:"returns wechat code"

func (e *CommonError) Message() string { return e.ErrMsg }

type Envelope[T any] struct {
	CommonError
	Data T `json:"data"`
}

func CodeOf[T any](e *Envelope[T]) int64 { return e.Code() } // want CodeOf:"returns wechat code"

type Result struct {
	ResultStatus string `json:"resultStatus"`
}

func (r Result) Status() string { return r.ResultStatus } // want Status:"returns miniprogram status"

// Check returns the code with an error: its first result carries.
func (e *CommonError) Check() (int64, error) { // want Check:"returns wechat code"
	if e == nil {
		return 0, errors.New("no answer")
	}
	return e.ErrCode, nil
}

// Pay returns a payment ID, then the status.
func Pay(r Result) (string, string, error) { // want Pay:"returns miniprogram status as result 2"
	return "pay-1", r.ResultStatus, nil
}
