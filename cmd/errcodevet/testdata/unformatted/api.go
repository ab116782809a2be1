package api

import (
	"errors"
)

// Not gofmt-clean: unaligned fields, tags and map values, spaces for tabs,
// no spaces around operators, a comment without a space.
type Response struct {
	ErrCode int `json:"errcode"`
	ErrMsg string `json:"errmsg"`
}

type Result struct {
	ResultCode string `json:"resultCode"`
}

var names = map[int]string{
	1: "one",
	100:   "hundred",
}

const (
	a = 1
	bb    = 2
)

func Check(r *Response, res Result) error {
    if r.ErrCode==42001 {//expired
		return errors.New("expired")
	}
	x:=len(names)+a+bb
	if res.ResultCode ==  "ACCES_DENIED" || x<0 {
		return errors.New("denied")
	}
	return nil
}
