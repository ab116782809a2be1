// Package app is the module .ci/golangci.sh runs the custom golangci-lint on.
package app

type Response struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// TokenExpired has a finding: 42001 is wechat.AccessTokenExpired.
func TokenExpired(resp *Response) bool {
	return resp.ErrCode == 42001
}

// Busy has one too, silenced for golangci-lint.
func Busy(resp *Response) bool {
	return resp.ErrCode == -1 //nolint:errcodevet // silenced on purpose
}
