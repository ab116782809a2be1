package fix

import (
	"go/constant"
	"strings"
)

// NumberOnly reports whether name says nothing but the number v: Code45061,
// CodeMinus504002, ERR_45061, E45061. Writing such a constant in place of
// the literal makes the code no easier to read, so no fix writes one (a
// constant renamed since keeps its old name of this kind as a deprecated
// alias, which a fix must not write either).
func NumberOnly(name string, v constant.Value) bool {
	var digits string
	switch v.Kind() {
	case constant.Int:
		digits = strings.TrimPrefix(v.ExactString(), "-")
	case constant.String:
		digits = strings.TrimPrefix(constant.StringVal(v), "-")
		if digits == "" || strings.Trim(digits, "0123456789") != "" {
			return false // a result code's CamelCase (ACCESS_DENIED: AccessDenied) is its own name
		}
	default:
		return false
	}
	rest := strings.ToLower(strings.ReplaceAll(name, "_", ""))
	i := strings.Index(rest, digits)
	if i < 0 {
		return false
	}
	rest = rest[:i] + rest[i+len(digits):]
	for _, sign := range []string{"minus", "neg"} {
		rest = strings.Replace(rest, sign, "", 1)
	}
	return wordsOfNoMeaning[rest]
}

// wordsOfNoMeaning are what a name may add to a number without saying what
// the number means.
var wordsOfNoMeaning = map[string]bool{
	"": true, "c": true, "e": true, "k": true, "n": true, "v": true,
	"code": true, "codes": true, "errcode": true, "errorcode": true, "err": true, "error": true,
	"errno": true, "value": true, "result": true, "resultcode": true, "status": true, "rc": true,
}
