// Package cgofile proves that a file with import "C", which drivers show as
// cmd/cgo rewrote it (marked generated, with //line directives back to this
// file), is checked, its findings placed in this file, with no fix: a fix's
// edits would land in cmd/cgo's output. A file that is generated itself
// stays unchecked (generated.go).
package cgofile

// static int busy(void) { return -1; }
import "C"

// A constant of this file is no use to a fix in a file that builds
// without cgo (plain.go).
const expiredCode = 42001

type Response struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func Expired(r *Response) bool {
	return r.ErrCode == 42001 // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
}

// After a call cmd/cgo rewrites, on the same line: the column still maps.
func Busy(r *Response) bool {
	return int(C.busy()) < 0 && r.ErrCode == -1 // want `errcode -1 compared as a magic number: system is busy \(wechat.SystemBusy\)`
}
