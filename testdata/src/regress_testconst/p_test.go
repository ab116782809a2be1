package regress_testconst

import "testing"

const tokenExpired = 42001

func TestExpired(t *testing.T) {
	if !expired(&Response{ErrCode: tokenExpired}) {
		t.Fatal("not expired")
	}
	if (&Response{}).ErrCode == 42001 {
		t.Fatal("zero value expired")
	}
}
