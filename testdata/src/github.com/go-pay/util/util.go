// Package util is a stub of github.com/go-pay/util, for the fixtures.
package util

// RandomString returns a random string of l letters and digits.
func RandomString(l int) string { return "" }
