package dynamicany // want package:"exposes carriers"

// This fixture proves that a carrier of interface type that only
// encoding/json filled (m["errcode"] of a map[string]any, a field of type
// any) is reported when it is compared with a value of a type it can never
// hold: encoding/json decodes a number into an interface as float64, so
// the int 42001 never equals it. The fix converts to the type it holds.

import (
	"encoding/json"
	"io"
)

func unmarshaled(body []byte) bool {
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return false
	}
	return m["errcode"] == 42001 // want `errcode 42001 can never match: encoding/json decodes a number into an interface as float64, and this compares an int; compare with float64\(wechat.AccessTokenExpired\)`
}

// The same comparison reversed, with !=, and as switch cases.
func equivalent(body []byte) string {
	m := map[string]any{}
	_ = json.Unmarshal(body, &m)
	if -1 != m["errcode"] { // want `errcode -1 can never match: .* an int; compare with float64\(wechat.SystemBusy\)`
		return "busy"
	}
	switch m["errcode"] {
	case 40001: // want `errcode 40001 can never match: .*; compare with float64\(wechat.InvalidCredential\)`
		return "credential"
	case 0: // want `errcode 0 can never match: .*; compare with float64\(0\)`
		return "ok"
	case 12345: // want `errcode 12345 can never match: .*; compare with float64\(12345\)`
		return "undocumented"
	}
	return ""
}

// A named constant or a variable of an integer type is never equal either.
func named(body []byte, want int64) bool {
	const expired = 42001
	m := make(map[string]interface{})
	json.Unmarshal(body, &m)
	return m["errcode"] == expired || m["errcode"] == want // want `errcode expired can never match: .*; compare with float64\(expired\)` `errcode want can never match: .* an int64; compare with float64\(want\)`
}

type response struct {
	ErrCode any    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// A field of type any, through a decoder, a pointer, and an alias of a
// part of the decoded value.
func fields(r io.Reader, body []byte) bool {
	var resp response
	if err := json.NewDecoder(r).Decode(&resp); err != nil {
		return false
	}
	p := &response{}
	if err := json.Unmarshal(body, p); err != nil {
		return false
	}
	var outer map[string]any
	json.Unmarshal(body, &outer)
	inner := outer["data"].(map[string]any)
	return resp.ErrCode == 45009 || p.ErrCode == 40013 || inner["errcode"] == 40164 // want `errcode 45009 can never match: .*` `errcode 40013 can never match: .*` `errcode 40164 can never match: .*`
}

type result struct {
	ResultCode   any `json:"resultCode"`
	ResultStatus any `json:"resultStatus"`
}

type status string

// A string code compared through the interface with a non-string: an int
// has no fix, a named string type converts to string. A string is compared
// as one, and checked as one.
func strings(body []byte) bool {
	var res result
	json.Unmarshal(body, &res)
	return res.ResultCode == 1 || // want `resultCode 1 can never match: encoding/json decodes a string into an interface as string, and this compares an int`
		res.ResultStatus == status("U") || // want `resultStatus status\("U"\) can never match: .* a status; compare with string\(status\("U"\)\)`
		res.ResultCode == "ACCES_DENIED" || // want `resultCode "ACCES_DENIED" can never match: likely a misspelling of ACCESS_DENIED \(miniprogram.AccessDenied\)`
		res.ResultCode == "PROCESS_FAIL" // want `resultCode "PROCESS_FAIL" compared as a magic string: .*`
}

// With UseNumber a number is a json.Number: an int still never equals it,
// but float64 would be as wrong, so there is no fix. A decoder from
// elsewhere may or may not use numbers: no fix either.
func useNumber(r io.Reader, dec *json.Decoder) bool {
	d := json.NewDecoder(r)
	d.UseNumber()
	var m map[string]any
	d.Decode(&m)
	var n map[string]any
	dec.Decode(&n)
	return m["errcode"] == 42001 || n["errcode"] == 42001 // want `errcode 42001 can never match: a json.Decoder with UseNumber decodes a number into an interface as json.Number, and this compares an int$` `errcode 42001 can never match: encoding/json decodes a number into an interface as float64 \(json.Number with UseNumber\), and this compares an int$`
}

// float64 shadowed at the comparison: no fix.
func shadowed(body []byte) bool {
	float64 := 1
	_ = float64
	var m map[string]any
	json.Unmarshal(body, &m)
	return m["errcode"] == 42001 // want `errcode 42001 can never match: .* an int$`
}
