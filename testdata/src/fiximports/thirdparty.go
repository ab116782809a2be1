package fiximports

import (
	"unicode/utf8"

	"example.com/other"
)

func thirdParty(resp Response, s string) bool {
	return utf8.ValidString(s) && other.None == 0 && resp.ErrCode == 42001 // want `errcode 42001 compared as a magic number: .*`
}
