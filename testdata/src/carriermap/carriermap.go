package carriermap // want package:"exposes carriers"

// This fixture proves that a float64 read from a loosely decoded JSON
// map under the key "errcode" is a carrier, asserted directly or through the
// comma-ok form, and that other keys and other map types are not. Such maps
// are found in each package: the package exposes carriers to its importers
// only because it has a function that returns one.

// handle is given what json.Unmarshal decoded into a map[string]any.
func handle(m map[string]any) bool {
	if m["errcode"].(float64) == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return true
	}
	v, ok := m["errcode"].(float64)
	if ok && v == 40001 { // want `errcode 40001 compared as a magic number: .*\(wechat.InvalidCredential\)`
		return true
	}
	if m["code"].(float64) == 42001 {
		return true
	}
	return false
}

func interfaces(m map[string]interface{}, counts map[string]float64) bool {
	if code, ok := m["errcode"].(float64); ok && code == 42002 { // want `errcode 42002 compared as a magic number: .*`
		return true
	}
	// Not loosely decoded JSON: a map of float64 values holds whatever
	// the program puts in it.
	return counts["errcode"] == 42001
}

func codeOf(m map[string]any) float64 { return m["errcode"].(float64) } // want codeOf:"returns wechat code"
