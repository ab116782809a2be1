package wechat_test

import (
	"math"
	"testing"

	"github.com/errcodevet/errcodevet/wechat"
)

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		code int64
		want wechat.Info
	}{
		{-1, wechat.Info{
			Value: -1, Name: "SystemBusy", Message: "System is busy. Try again later.",
			Action: "Try again later.", Retry: wechat.RetryLater,
		}},
		{0, wechat.Info{Value: 0, Name: "Success", Message: "Request successful", Retry: wechat.RetryUnstated}},
		{42001, wechat.Info{
			Value: 42001, Name: "AccessTokenExpired",
			Message: "access_token expired. Check the validity period of access_token. See Get access_token API in Basic Support for details.",
			Action:  "Check the validity period of access_token. See Get access_token API in Basic Support for details.",
			Retry:   wechat.RetryAfterTokenRenewal,
		}},
		{45009, wechat.Info{Value: 45009, Name: "APICallsExceedLimit", Message: "API calls exceed the limit", Retry: wechat.RetryWithLessTraffic}},
		{41001, wechat.Info{Value: 41001, Name: "MissingAccessToken", Message: "Parameter access_token is missing", Retry: wechat.RetryNever}},
		{9001036, wechat.Info{Value: 9001036, Name: "InvalidBeginValue", Message: "Invalid begin value", Retry: wechat.RetryNever}},
	} {
		got, ok := wechat.Lookup(tc.code)
		if !ok || got != tc.want {
			t.Errorf("Lookup(%d) = %+v, %v\nwant %+v, true", tc.code, got, ok, tc.want)
		}
	}
}

func TestLookupMisses(t *testing.T) {
	for _, tc := range []struct {
		name   string
		lookup func() (wechat.Info, bool)
	}{
		{"undocumented", func() (wechat.Info, bool) { return wechat.Lookup(12345) }},
		{"between two codes", func() (wechat.Info, bool) { return wechat.Lookup(40999) }},
		{"below the first", func() (wechat.Info, bool) { return wechat.Lookup(-2) }},
		{"above the last", func() (wechat.Info, bool) { return wechat.Lookup(9001037) }},
		// The largest uint64 converts to int64 -1, SystemBusy: it must not be found.
		{"uint64 that wraps to -1", func() (wechat.Info, bool) { return wechat.Lookup(uint64(math.MaxUint64)) }},
		{"uint32 beyond int32", func() (wechat.Info, bool) { return wechat.Lookup(uint32(math.MaxUint32)) }},
		{"fraction", func() (wechat.Info, bool) { return wechat.Lookup(42001.5) }},
		{"NaN", func() (wechat.Info, bool) { return wechat.Lookup(math.NaN()) }},
		{"infinity", func() (wechat.Info, bool) { return wechat.Lookup(math.Inf(-1)) }},
		{"float beyond int64", func() (wechat.Info, bool) { return wechat.Lookup(1e19) }},
	} {
		if info, ok := tc.lookup(); ok || info != (wechat.Info{}) {
			t.Errorf("Lookup of %s = %+v, %v; want zero Info, false", tc.name, info, ok)
		}
	}
}

func TestHelpers(t *testing.T) {
	for _, tc := range []struct {
		code      int
		message   string
		action    string
		retryable bool
	}{
		{wechat.SystemBusy, "System is busy. Try again later.", "Try again later.", true},
		{wechat.AccessTokenExpired, "access_token expired. Check the validity period of access_token. See Get access_token API in Basic Support for details.",
			"Check the validity period of access_token. See Get access_token API in Basic Support for details.", true},
		{wechat.APICallsExceedLimit, "API calls exceed the limit", "", true}, // a daily quota or a minute limit: later, with less traffic
		{wechat.InvalidIP, "invalid ip, not in whitelist", "", false},
		{wechat.APIFrequencyTooHigh, "API is called at a high frequency. Try again later.", "Try again later.", true},
		{wechat.InvalidAppID, "Invalid AppID. Check whether AppID is correct. Avoid unsupported characters and ensure case sensitivity.",
			"Check whether AppID is correct. Avoid unsupported characters and ensure case sensitivity.", false},
		{wechat.Success, "Request successful", "", false},
		{12345, "", "", false},
	} {
		if got := wechat.Message(tc.code); got != tc.message {
			t.Errorf("Message(%d) = %q, want %q", tc.code, got, tc.message)
		}
		if got := wechat.Action(tc.code); got != tc.action {
			t.Errorf("Action(%d) = %q, want %q", tc.code, got, tc.action)
		}
		if got := wechat.Retryable(tc.code); got != tc.retryable {
			t.Errorf("Retryable(%d) = %v, want %v", tc.code, got, tc.retryable)
		}
	}
}

func TestRetry(t *testing.T) {
	for _, tc := range []struct {
		r         wechat.Retry
		s         string
		retryable bool
	}{
		{wechat.RetryUnstated, "no retry advice documented", false},
		{wechat.RetryLater, "try again later", true},
		{wechat.RetryAfterTokenRenewal, "renew the access token, then retry", true},
		{wechat.RetryWithLessTraffic, "retry later with less traffic", true},
		{wechat.RetryNever, "do not retry", false},
		{wechat.Retry(200), "no retry advice documented", false},
	} {
		if got := tc.r.String(); got != tc.s {
			t.Errorf("Retry(%d).String() = %q, want %q", tc.r, got, tc.s)
		}
		if got := tc.r.Retryable(); got != tc.retryable {
			t.Errorf("Retry(%d).Retryable() = %v, want %v", tc.r, got, tc.retryable)
		}
	}
}

// ErrCode is a named integer type, as SDKs declare for errcode fields.
type ErrCode int

// response is an SDK response with an errcode field of each common kind.
type response struct {
	ErrCode   int     `json:"errcode"`
	Code32    int32   `json:"code32"`
	Code64    int64   `json:"code64"`
	Named     ErrCode `json:"named"`
	Pointer   *int    `json:"pointer"`
	Number    float64 `json:"number"` // what encoding/json gives for map[string]any
	Unsigned  uint16  `json:"unsigned"`
	Unsigned8 uint8   `json:"unsigned8"`
}

// TestUntypedConstants is mostly checked by the compiler: the constants are
// untyped, so they compare with, convert to and pass as every integer type
// and float64, and Lookup takes each.
func TestUntypedConstants(t *testing.T) {
	code := 42001
	r := response{
		ErrCode:   wechat.AccessTokenExpired,
		Code32:    wechat.AccessTokenExpired,
		Code64:    wechat.AccessTokenExpired,
		Named:     wechat.AccessTokenExpired,
		Pointer:   &code,
		Number:    wechat.AccessTokenExpired,
		Unsigned:  wechat.AccessTokenExpired,
		Unsigned8: wechat.Success,
	}
	if r.ErrCode != wechat.AccessTokenExpired || r.Code32 != wechat.AccessTokenExpired ||
		r.Code64 != wechat.AccessTokenExpired || r.Named != wechat.AccessTokenExpired ||
		*r.Pointer != wechat.AccessTokenExpired || r.Number != wechat.AccessTokenExpired ||
		r.Unsigned != wechat.AccessTokenExpired || r.Unsigned8 != wechat.Success {
		t.Errorf("a field differs from its constant: %+v", r)
	}
	switch r.Named {
	case wechat.AccessTokenExpired, wechat.InvalidAccessToken:
	default:
		t.Errorf("switch on a named type missed AccessTokenExpired: %d", r.Named)
	}
	var systemBusy int8 = wechat.SystemBusy
	names := []string{
		name(wechat.Lookup(r.ErrCode)),
		name(wechat.Lookup(r.Code32)),
		name(wechat.Lookup(r.Code64)),
		name(wechat.Lookup(r.Named)),
		name(wechat.Lookup(*r.Pointer)),
		name(wechat.Lookup(r.Number)),
		name(wechat.Lookup(r.Unsigned)),
		name(wechat.Lookup(uint(r.Unsigned))),
	}
	for i, n := range names {
		if n != "AccessTokenExpired" {
			t.Errorf("Lookup of field %d = %q, want AccessTokenExpired", i, n)
		}
	}
	if n := name(wechat.Lookup(systemBusy)); n != "SystemBusy" {
		t.Errorf("Lookup(int8(-1)) = %q, want SystemBusy", n)
	}
	if n := name(wechat.Lookup(r.Unsigned8)); n != "Success" {
		t.Errorf("Lookup(uint8(0)) = %q, want Success", n)
	}
	if !wechat.Retryable(r.Named) || wechat.Message(r.Number) == "" || wechat.Action(r.Code32) == "" {
		t.Errorf("helpers of a named or float code: Retryable %v, Message %q, Action %q",
			wechat.Retryable(r.Named), wechat.Message(r.Number), wechat.Action(r.Code32))
	}
}

func name(info wechat.Info, ok bool) string {
	if !ok {
		return ""
	}
	return info.Name
}
