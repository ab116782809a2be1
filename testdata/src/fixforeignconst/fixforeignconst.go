package fixforeignconst // want package:"exposes carriers"

// This fixture proves that a fix never borrows the constant of a library
// outside the user's code that merely shares the value (other.DefaultPort,
// unicode.UpperCase): it imports the family's constants package instead.
// It runs with -include-success.

import (
	"unicode"

	"example.com/other"
)

type Response struct {
	ErrCode int `json:"errcode"`
}

func handle(resp Response, r rune) bool {
	if unicode.To(unicode.UpperCase, r) == r {
		return false
	}
	if resp.ErrCode == 0 { // want `errcode 0 compared as a magic number: request successful \(wechat.Success\)`
		return true
	}
	return resp.ErrCode == 42001 && other.DefaultPort > 0 // want `errcode 42001 compared as a magic number: .*\(wechat.AccessTokenExpired\)`
}
