package testsskipped

import "testing"

func TestExpired(t *testing.T) {
	resp := Response{ErrCode: 42001}
	//errcodevet:ignore nonsense test files are not read, so this is not reported either
	if !Expired(resp) || resp.ErrCode != 42001 {
		t.Fatal("not expired")
	}
}
