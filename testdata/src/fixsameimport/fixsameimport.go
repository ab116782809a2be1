package fixsameimport // want package:"exposes carriers"

// This fixture proves that several fixes in one file that add imports, the
// same one or different ones, add each import once.

import (
	"unicode"
	"unicode/utf8"
)

type Response struct {
	ErrCode int `json:"errcode"`
}

type Result struct {
	ResultCode string `json:"resultCode"`
}

func handle(resp Response, res Result, s string) bool {
	switch {
	case resp.ErrCode == 42001: // want `errcode 42001 compared as a magic number: .*`
		return utf8.ValidString(s)
	case resp.ErrCode == 40001: // want `errcode 40001 compared as a magic number: .*`
		return unicode.IsUpper(rune(s[0]))
	case res.ResultCode == "ACCESS_DENIED": // want `resultCode "ACCESS_DENIED" compared as a magic string: .*`
		return true
	case resp.ErrCode == -1: // want `errcode -1 compared as a magic number: .*`
		return false
	}
	return false
}
