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
