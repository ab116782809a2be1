package dynamicany

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/errcodevet/errcodevet/wechat"
)

// Look-alikes: comparisons that can match, or whose carrier nothing shows
// encoding/json alone filled.

// The type-asserted form is a magic number (magic-code), not a never-match.
func asserted(body []byte) bool {
	var m map[string]any
	json.Unmarshal(body, &m)
	return m["errcode"].(float64) == 42001 // want `errcode 42001 compared as a magic number: .*`
}

// Comparisons of the type the interface holds, a type switch, nil.
func matching(body []byte) bool {
	var m map[string]any
	json.Unmarshal(body, &m)
	switch v := m["errcode"].(type) {
	case float64:
		return v == float64(wechat.AccessTokenExpired)
	}
	return m["errcode"] == float64(wechat.AccessTokenExpired) || m["errcode"] == 42001.0 || m["errcode"] == nil || m["errcode"] == m["err_code"]
}

// With UseNumber, a json.Number can match.
func number(r io.Reader) bool {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	var m map[string]any
	dec.Decode(&m)
	return m["errcode"] == json.Number("42001")
}

// A parameter: the caller may have built the map by hand.
func param(m map[string]any) bool { return m["errcode"] == 42001 }

// A map built by hand holds ints.
func byHand() bool {
	m := map[string]any{"errcode": 42001}
	return m["errcode"] == 42001
}

// Written after decoding, or handed to a function that may write it.
func written(body []byte) bool {
	var m map[string]any
	json.Unmarshal(body, &m)
	m["errcode"] = 42001
	return m["errcode"] == 42001
}

func normalize(m map[string]any) {
	if f, ok := m["errcode"].(float64); ok {
		m["errcode"] = int(f)
	}
}

func handedOn(body []byte) bool {
	var m map[string]any
	json.Unmarshal(body, &m)
	normalize(m)
	fmt.Println(m) // fmt only reads
	return m["errcode"] == 42001
}

// An alias of a part of the decoded value that is written.
func aliasWritten(body []byte) bool {
	var m map[string]any
	json.Unmarshal(body, &m)
	data := m["data"].(map[string]any)
	data["errcode"] = 0
	return m["data"].(map[string]any)["errcode"] == 0
}

// A type that decodes itself.
type custom struct {
	ErrCode any `json:"errcode"`
}

func (c *custom) UnmarshalJSON(b []byte) error { c.ErrCode = 42001; return nil }

func decodesItself(body []byte) bool {
	var c custom
	json.Unmarshal(body, &c)
	return c.ErrCode == 42001
}

// A value built by hand, and a key that is no carrier.
func builtStruct(body []byte) bool {
	resp := response{ErrCode: 42001}
	var m map[string]any
	json.Unmarshal(body, &m)
	return resp.ErrCode == 42001 || m["count"] == 1
}

var global map[string]any

// A package-level map: any function may write it.
func pkgLevel(body []byte) bool {
	json.Unmarshal(body, &global)
	return global["errcode"] == 42001
}
