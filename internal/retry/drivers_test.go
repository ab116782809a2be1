package retry

import (
	"slices"
	"testing"
)

func TestSplitWords(t *testing.T) {
	for name, want := range map[string][]string{
		"retryPayOrder":  {"retry", "pay", "order"},
		"HTTPQuery":      {"http", "query"},
		"poll_result":    {"poll", "result"},
		"Inquiry":        {"inquiry"},
		"requeue":        {"requeue"},
		"queryOrderByID": {"query", "order", "by", "id"},
	} {
		if got := splitWords(name); !slices.Equal(got, want) {
			t.Errorf("splitWords(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestNamedLikeRetry(t *testing.T) {
	for _, tc := range []struct {
		name            string
		lenient, strong bool
	}{
		{"retryPayment", true, true},
		{"RequeueJob", true, true},
		{"pollOrder", true, false},
		{"QueryResult", true, false},
		{"tradeInquiry", true, false},
		{"markFailed", false, false},
		{"Errorf", false, false},
		{"maxRetries", false, false}, // "retries" is a count here, not the verb
		{"querystring", true, false},
	} {
		if got := namedLikeRetry(tc.name, false); got != tc.lenient {
			t.Errorf("namedLikeRetry(%q, lenient) = %v", tc.name, got)
		}
		if got := namedLikeRetry(tc.name, true); got != tc.strong {
			t.Errorf("namedLikeRetry(%q, strong) = %v", tc.name, got)
		}
	}
}
