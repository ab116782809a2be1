package fixbuildtags // want package:"exposes carriers"

// This fixture proves that a fix in a file every build compiles does not
// use a constant of a file some builds leave out (by its name's _linux
// suffix or a //go:build line): the fixed code would not build there. A file
// with the same constraint may use it.

type Response struct {
	ErrCode int `json:"errcode"`
}

func everywhere(resp Response) bool {
	return resp.ErrCode == 42001 || resp.ErrCode == -1 // want `errcode 42001 compared as a magic number` `errcode -1 compared as a magic number`
}
