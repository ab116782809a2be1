package app // want package:"exposes carriers"

// This fixture proves that with Config.Constants a fix imports the family's
// constants package generated into the user's module (here
// fixconstants/wechatcodes and fixconstants/mp-codes, which the test
// generates), and that the message names that constant.

import "fmt"

type Response struct {
	ErrCode int `json:"errcode"`
}

type Result struct {
	ResultStatus string `json:"resultStatus"`
}

func handle(resp Response, res Result) error {
	if res.ResultStatus == "U" { // want `resultStatus "U" compared as a magic string: unknown outcome \(mpcodes.StatusUnknown\)`
		return nil
	}
	if resp.ErrCode == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechatcodes.AccessTokenExpired\)`
		return fmt.Errorf("expired")
	}
	return nil
}
