package regress_floatmap

// An errcode read from a loosely decoded JSON map is a float64, and an
// integer literal compared with it has a Float constant value. It was
// missed (found by bench/gen).

func expired(m map[string]any) bool {
	if m["errcode"].(float64) == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return true
	}
	v, ok := m["errcode"].(float64)
	return ok && v == -1 // want `errcode -1 compared as a magic number: system is busy \(wechat.SystemBusy\)`
}

func notCodes(m map[string]any, f float64) bool {
	v, _ := m["count"].(float64)
	return v == 42001 || f == 42001 || m["errcode"].(float64) == 0 || m["errcode"].(float64) == 12345
}

// A literal converted to the type the map holds is still the code's number
// written out: reported as the literal alone is, and the fix keeps the
// conversion (found by a held-out set).
func convertedLiteral(m map[string]any) bool {
	if m["errcode"] == float64(42001) { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return true
	}
	if m["errcode"].(float64) == (float64(-1)) { // want `errcode -1 compared as a magic number: system is busy \(wechat.SystemBusy\)`
		return true
	}
	switch m["errcode"].(float64) {
	case float64(40001): // want `errcode 40001 compared as a magic number`
		return true
	}
	return false
}

type count float64

// Conversions that are not a code written out: a success code (not a magic
// number by default), an undocumented number, a named type's conversion, a
// variable.
func convertedLookalikes(m map[string]any, n int) bool {
	return m["errcode"] == float64(0) || m["errcode"] == float64(12345) ||
		m["errcode"] == count(42001) || m["errcode"] == float64(n) ||
		m["errcode"].(float64) == float64(12345)
}
