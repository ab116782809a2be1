package fiximports

import ("unicode/utf8")

func oneLine(resp Response, s string) bool {
	return utf8.ValidString(s) && resp.ErrCode == 42001 // want `errcode 42001 compared as a magic number: .*`
}
