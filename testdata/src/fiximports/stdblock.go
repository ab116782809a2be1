package fiximports

import (
	"unicode"
	"unicode/utf8"
)

func stdBlock(resp Response, s string) bool {
	if resp.ErrCode == 42001 { // want `errcode 42001 compared as a magic number: .*`
		return utf8.ValidString(s)
	}
	return unicode.IsUpper(rune(s[0]))
}
