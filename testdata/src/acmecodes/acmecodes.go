// Package acmecodes is the constants package of the acme family declared by
// testdata/catalog/acme.yaml.
package acmecodes

const (
	RateLimited  = "RATE_LIMITED"
	CardDeclined = "CARD_DECLINED"
)
