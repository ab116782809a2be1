package fix_test

import (
	"go/constant"
	"testing"

	"github.com/errcodevet/errcodevet/internal/fix"
)

func TestNumberOnly(t *testing.T) {
	for _, c := range []struct {
		name string
		v    constant.Value
		want bool
	}{
		{"Code45061", constant.MakeInt64(45061), true},
		{"CodeMinus504002", constant.MakeInt64(-504002), true},
		{"ERR_45061", constant.MakeInt64(45061), true},
		{"E45061", constant.MakeInt64(45061), true},
		{"Errcode45061", constant.MakeInt64(45061), true},
		{"C1001", constant.MakeString("1001"), true},
		{"UpdateFrequencyTooHigh", constant.MakeInt64(45061), false},
		{"InvalidGroupName40117", constant.MakeInt64(40117), false},        // the message's name, told apart by its value
		{"Code31dayMustLessThanEndTime", constant.MakeInt64(81013), false}, // words, not the value
		{"Code45061", constant.MakeInt64(45062), false},                    // another number: not a repetition of this one
		{"AccessDenied", constant.MakeString("ACCESS_DENIED"), false},
		{"Code", constant.MakeString("CODE"), false},
		{"Code1", constant.MakeFloat64(1.5), false},
	} {
		if got := fix.NumberOnly(c.name, c.v); got != c.want {
			t.Errorf("NumberOnly(%s, %s) = %v, want %v", c.name, c.v, got, c.want)
		}
	}
}
