package testsincluded_test // want package:"exposes carriers"

import (
	"testing"

	"testsincluded"
)

func TestExternal(t *testing.T) {
	resp := testsincluded.Response{ErrCode: 40001}
	if resp.ErrCode != 40001 { // want `errcode 40001 compared as a magic number: .*`
		t.Fatal("wrong code")
	}
}
