// Package gopay declares, by hand, the request map of github.com/go-pay/gopay.
package gopay

type BodyMap map[string]any
