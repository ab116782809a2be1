// Package example is a small program that calls the WeChat Official Account
// API and a Mini Program OpenAPI through a made-up SDK, written the way such
// code often is. It is a module of its own, as a user's would be, which
// requires the constants modules (replaced by this repository's copies), not
// the linter. Run errcodevet on it from the repository's root:
//
//	go build -o bin/errcodevet ./cmd/errcodevet
//	(cd example && ../bin/errcodevet ./...)
//
// Every finding is on purpose; the comments say which check reports it.
package example

// CommonError is how WeChat SDKs decode the errcode and errmsg fields that
// every WeChat response carries.
type CommonError struct {
	ErrCode int64  `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// Code returns the errcode; calls of it carry the code too.
func (e *CommonError) Code() int64 { return e.ErrCode }

// AccessTokenResponse is the reply of /cgi-bin/token.
type AccessTokenResponse struct {
	CommonError
	AccessToken string `json:"access_token"`
	ExpiresIn   int    `json:"expires_in"`
}

// Result is the result object of every Mini Program OpenAPI response.
type Result struct {
	ResultCode    string `json:"resultCode"`
	ResultStatus  string `json:"resultStatus"`
	ResultMessage string `json:"resultMessage"`
}

// PayResponse is the reply of /v1/payments/pay.
type PayResponse struct {
	Result    Result `json:"result"`
	PaymentID string `json:"paymentId"`
}

// PayNotification is a WeChat Pay notification: its result_code is another
// API's code ("SUCCESS", "FAIL"), which errcodevet leaves alone.
type PayNotification struct {
	ReturnCode string `xml:"return_code"`
	ResultCode string `xml:"result_code"`
}
