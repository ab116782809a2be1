package miniprogram_test

import (
	"testing"

	"github.com/errcodevet/errcodevet/miniprogram"
)

// published lists every constant the package has published, with the
// value it was published with. A published name is never removed, renamed
// or given to another code (catalog/sources/README.md): removing or
// renaming a constant makes this file fail to compile, and giving it
// another value fails TestPublishedConstants. Append the constants of new
// codes and statuses; never delete a line.
var published = []struct {
	name      string
	got, want string
}{
	{"ProcessFail", miniprogram.ProcessFail, "PROCESS_FAIL"},
	{"ParamIllegal", miniprogram.ParamIllegal, "PARAM_ILLEGAL"},
	{"InvalidAPI", miniprogram.InvalidAPI, "INVALID_API"},
	{"AccessDenied", miniprogram.AccessDenied, "ACCESS_DENIED"},
	{"RequestTrafficExceedLimit", miniprogram.RequestTrafficExceedLimit, "REQUEST_TRAFFIC_EXCEED_LIMIT"},
	{"ExpiredAccessToken", miniprogram.ExpiredAccessToken, "EXPIRED_ACCESS_TOKEN"},
	{"UnknownException", miniprogram.UnknownException, "UNKNOWN_EXCEPTION"},
	{"Success", miniprogram.Success, "SUCCESS"},
	{"StatusSuccess", miniprogram.StatusSuccess, "S"},
	{"StatusFailure", miniprogram.StatusFailure, "F"},
	{"StatusUnknown", miniprogram.StatusUnknown, "U"},
}

func TestPublishedConstants(t *testing.T) {
	names := make(map[string]bool)
	for _, c := range published {
		if c.got != c.want {
			t.Errorf("%s = %q, published as %q", c.name, c.got, c.want)
		}
		if names[c.name] {
			t.Errorf("%s is listed twice", c.name)
		}
		names[c.name] = true
	}
}
