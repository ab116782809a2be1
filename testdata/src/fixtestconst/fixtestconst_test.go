package fixtestconst

import "testing"

const expired = 42001

func TestHandle(t *testing.T) {
	resp := Response{ErrCode: expired}
	if !handle(resp) || resp.ErrCode != 42001 { // want `errcode 42001 compared as a magic number: .*`
		t.Fatal("not expired")
	}
}
