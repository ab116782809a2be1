package testsskipped_test // want package:"exposes carriers"

import (
	"testing"

	"testsskipped"
)

func TestExternal(t *testing.T) {
	resp := testsskipped.Response{ErrCode: 40001}
	if resp.ErrCode != 40001 {
		t.Fatal("wrong code")
	}
}
