package retryhelper

// Package retryhelper retries without a retry library, and declares no
// carrier: its facts reach the packages that call it.

import (
	"time"

	"github.com/cenkalti/backoff/v4"
)

// Settle loops with a pause until check reports an outcome.
func Settle(check func() bool) { // want Settle:"retries"
	for !check() {
		time.Sleep(time.Second)
	}
}

// Later hands work to a retry library.
func Later(op func() error) error { // want Later:"retries"
	return backoff.Retry(op, backoff.NewExponentialBackOff())
}
