package miniprogram_test

import (
	"testing"

	"github.com/errcodevet/errcodevet/miniprogram"
)

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		code string
		want miniprogram.Info
	}{
		{"PROCESS_FAIL", miniprogram.Info{
			Value: "PROCESS_FAIL", Name: "ProcessFail", Status: "F",
			Message: "A general business failure occurred. Do not retry.",
			Action:  "Human intervention is usually needed. It is recommendeded that you contact Mini Program Technical Support to troubleshoot the issue.",
			Retry:   miniprogram.RetryNever,
		}},
		{"REQUEST_TRAFFIC_EXCEED_LIMIT", miniprogram.Info{
			Value: "REQUEST_TRAFFIC_EXCEED_LIMIT", Name: "RequestTrafficExceedLimit", Status: "F",
			Message: "The request traffic exceeds the limit.",
			Action:  "The party that calls APIs needs to reduce the API calling frequency, or The API service provider needs to increase the traffic limit or threshold.",
			Retry:   miniprogram.RetryWithLessTraffic,
		}},
		{"EXPIRED_ACCESS_TOKEN", miniprogram.Info{
			Value: "EXPIRED_ACCESS_TOKEN", Name: "ExpiredAccessToken", Status: "F",
			Message: "The access token is expired.",
			Action:  "Renew the access token by calling the applyToken API (/v1/authorizations/applyToken or /v2/authorizations/applyToken)",
			Retry:   miniprogram.RetryAfterTokenRenewal,
		}},
		{"UNKNOWN_EXCEPTION", miniprogram.Info{
			Value: "UNKNOWN_EXCEPTION", Name: "UnknownException", Status: "U",
			Message: "An API calling is failed, which is caused by unknown reasons.",
			Action:  "Trying to recall the API might help to resolve the issue.",
			Retry:   miniprogram.RetryLater,
		}},
		// Not in the common table: the Result sections of the APIs document it.
		{"SUCCESS", miniprogram.Info{Value: "SUCCESS", Name: "Success", Status: "S", Message: "Success.", Retry: miniprogram.RetryUnstated}},
		{"ORDER_NOT_EXIST", miniprogram.Info{Value: "ORDER_NOT_EXIST", Name: "OrderNotExist", Status: "F", Message: "The order does not exist", Retry: miniprogram.RetryUnstated}},
	} {
		got, ok := miniprogram.Lookup(tc.code)
		if !ok || got != tc.want {
			t.Errorf("Lookup(%s) = %+v, %v\nwant %+v, true", tc.code, got, ok, tc.want)
		}
	}
	for _, code := range []string{
		"",
		"process_fail",       // values are case-sensitive
		"PROCESS_FAIL ",      // and exact
		"PAYMENT_IN_PROCESS", // known to the catalog, but no constant
		"S",                  // a status, not a code
		"ZZZ",                // after the last
	} {
		if info, ok := miniprogram.Lookup(code); ok || info != (miniprogram.Info{}) {
			t.Errorf("Lookup(%q) = %+v, %v; want zero Info, false", code, info, ok)
		}
	}
}

func TestLookupStatus(t *testing.T) {
	for _, tc := range []struct {
		status    string
		name      string
		retryable bool
	}{
		{"S", "StatusSuccess", false},
		{"F", "StatusFailure", false},
		{"U", "StatusUnknown", true},
		{"A", "StatusAccepted", false},
	} {
		info, ok := miniprogram.LookupStatus(tc.status)
		if !ok || info.Value != tc.status || info.Name != tc.name || info.Message == "" || info.Retry.Retryable() != tc.retryable {
			t.Errorf("LookupStatus(%s) = %+v, %v; want %s, retryable %v", tc.status, info, ok, tc.name, tc.retryable)
		}
	}
	for _, status := range []string{"", "a", "s", "PROCESS_FAIL", "SS"} {
		if info, ok := miniprogram.LookupStatus(status); ok || info != (miniprogram.Info{}) {
			t.Errorf("LookupStatus(%q) = %+v, %v; want zero Info, false", status, info, ok)
		}
	}
}

func TestHelpers(t *testing.T) {
	for _, tc := range []struct {
		code      string
		message   string
		action    string
		retryable bool
	}{
		{miniprogram.ProcessFail, "A general business failure occurred. Do not retry.",
			"Human intervention is usually needed. It is recommendeded that you contact Mini Program Technical Support to troubleshoot the issue.", false},
		{miniprogram.ParamIllegal, "Illegal parameters. For example, non-numeric input, invalid date.",
			"Check and verify whether the request fields (including the header fields and body fields) of the current API are correct and valid. For details, see the specific API specification, for example, the API specificationapplyToken.", false},
		{miniprogram.InvalidAPI, "The called API is invalid or not active.", "Check whether the current API name is used by mistakes when the API is called.", false},
		{miniprogram.AccessDenied, "Access is denied", "Need to check the resultMessage of the current API specification for details. For example, the API specificationapplyToken.", false},
		{miniprogram.RequestTrafficExceedLimit, "The request traffic exceeds the limit.",
			"The party that calls APIs needs to reduce the API calling frequency, or The API service provider needs to increase the traffic limit or threshold.", true},
		{miniprogram.ExpiredAccessToken, "The access token is expired.",
			"Renew the access token by calling the applyToken API (/v1/authorizations/applyToken or /v2/authorizations/applyToken)", true},
		{miniprogram.UnknownException, "An API calling is failed, which is caused by unknown reasons.", "Trying to recall the API might help to resolve the issue.", true},
		{miniprogram.Success, "Success.", "", false},
		// A code of the API tables: the page's text, no further action.
		{miniprogram.OrderNotExist, "The order does not exist", "", false},
		// A known per-API value no table documents: no text.
		{"PAYMENT_IN_PROCESS", "", "", false},
	} {
		if got := miniprogram.Message(tc.code); got != tc.message {
			t.Errorf("Message(%s) = %q, want %q", tc.code, got, tc.message)
		}
		if got := miniprogram.Action(tc.code); got != tc.action {
			t.Errorf("Action(%s) = %q, want %q", tc.code, got, tc.action)
		}
		if got := miniprogram.Retryable(tc.code); got != tc.retryable {
			t.Errorf("Retryable(%s) = %v, want %v", tc.code, got, tc.retryable)
		}
	}
}

func TestRetry(t *testing.T) {
	for _, tc := range []struct {
		r         miniprogram.Retry
		s         string
		retryable bool
	}{
		{miniprogram.RetryUnstated, "no retry advice documented", false},
		{miniprogram.RetryLater, "try again later", true},
		{miniprogram.RetryAfterTokenRenewal, "renew the access token, then retry", true},
		{miniprogram.RetryWithLessTraffic, "retry later with less traffic", true},
		{miniprogram.RetryNever, "do not retry", false},
		{miniprogram.Retry(200), "no retry advice documented", false},
	} {
		if got := tc.r.String(); got != tc.s {
			t.Errorf("Retry(%d).String() = %q, want %q", tc.r, got, tc.s)
		}
		if got := tc.r.Retryable(); got != tc.retryable {
			t.Errorf("Retry(%d).Retryable() = %v, want %v", tc.r, got, tc.retryable)
		}
	}
}

// ResultCode and ResultStatus are named string types, as SDKs declare them.
type (
	ResultCode   string
	ResultStatus string
)

// result is an SDK result with fields of plain and named string types.
type result struct {
	ResultCode    ResultCode   `json:"resultCode"`
	ResultStatus  ResultStatus `json:"resultStatus"`
	ResultMessage string       `json:"resultMessage"`
	RawCode       string       `json:"rawCode"`
	RawStatus     *string      `json:"rawStatus"`
}

// TestUntypedConstants is mostly checked by the compiler: the constants are
// untyped, so they compare with, convert to and pass as every string type,
// and Lookup and LookupStatus take each.
func TestUntypedConstants(t *testing.T) {
	status := "U"
	r := result{
		ResultCode:   miniprogram.UnknownException,
		ResultStatus: miniprogram.StatusUnknown,
		RawCode:      miniprogram.UnknownException,
		RawStatus:    &status,
	}
	if r.ResultCode != miniprogram.UnknownException || r.RawCode != miniprogram.UnknownException ||
		r.ResultStatus != miniprogram.StatusUnknown || *r.RawStatus != miniprogram.StatusUnknown {
		t.Errorf("a field differs from its constant: %+v", r)
	}
	switch r.ResultStatus {
	case miniprogram.StatusSuccess, miniprogram.StatusFailure:
		t.Errorf("switch on a named type took %s for U", r.ResultStatus)
	case miniprogram.StatusUnknown:
	default:
		t.Errorf("switch on a named type missed StatusUnknown")
	}
	for _, info := range []struct {
		name string
		ok   bool
	}{
		lookupName(miniprogram.Lookup(r.ResultCode)),
		lookupName(miniprogram.Lookup(r.RawCode)),
		lookupName(miniprogram.Lookup(ResultCode(miniprogram.UnknownException))),
	} {
		if !info.ok || info.name != "UnknownException" {
			t.Errorf("Lookup of a code field = %+v, want UnknownException", info)
		}
	}
	for _, info := range []struct {
		name string
		ok   bool
	}{
		lookupName(miniprogram.LookupStatus(r.ResultStatus)),
		lookupName(miniprogram.LookupStatus(*r.RawStatus)),
	} {
		if !info.ok || info.name != "StatusUnknown" {
			t.Errorf("LookupStatus of a status field = %+v, want StatusUnknown", info)
		}
	}
	if !miniprogram.Retryable(r.ResultCode) || miniprogram.Message(r.ResultCode) == "" || miniprogram.Action(r.ResultCode) == "" {
		t.Errorf("helpers of a named code: Retryable %v, Message %q, Action %q",
			miniprogram.Retryable(r.ResultCode), miniprogram.Message(r.ResultCode), miniprogram.Action(r.ResultCode))
	}
}

func lookupName(info miniprogram.Info, ok bool) struct {
	name string
	ok   bool
} {
	return struct {
		name string
		ok   bool
	}{info.Name, ok}
}
