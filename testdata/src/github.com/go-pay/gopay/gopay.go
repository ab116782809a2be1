// Package gopay declares, by hand, the request map of github.com/go-pay/gopay.
package gopay

type BodyMap map[string]any

// Set sets key to value and returns the map, for chains.
func (bm BodyMap) Set(key string, value any) BodyMap {
	bm[key] = value
	return bm
}
