// Package core is a stub of the official WeChat Pay SDK's core package,
// written for the fixtures: only the shapes errcodevet reads.
package core

import "net/http"

// APIError is the error the SDK returns for a non-2xx answer.
type APIError struct {
	StatusCode int
	Header     http.Header
	Body       string
	Code       string      `json:"code"`
	Message    string      `json:"message"`
	Detail     interface{} `json:"detail,omitempty"`
}

func (e *APIError) Error() string { return e.Code + ": " + e.Message }

// IsAPIError reports whether err is an *APIError with the given code.
func IsAPIError(err error, code string) bool {
	if e, ok := err.(*APIError); ok {
		return e.Code == code
	}
	return false
}

// APIResult is the HTTP exchange behind an answer.
type APIResult struct {
	Response *http.Response
}

// String returns a pointer to s, for the requests' optional fields.
func String(s string) *string { return &s }
