package testsincluded

import "testing"

func TestExpired(t *testing.T) {
	resp := Response{ErrCode: 42001}
	if !Expired(resp) || resp.ErrCode != 42001 { // want `errcode 42001 compared as a magic number: .*`
		t.Fatal("not expired")
	}
}
