package fiximports

import (
	"unicode/utf8" // for ValidString
)

func comment(resp Response, s string) bool {
	return utf8.ValidString(s) && resp.ErrCode == 42001 // want `errcode 42001 compared as a magic number: .*`
}
