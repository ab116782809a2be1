// Package retrypause is a retry helper of one's own: it imports no retry
// library and declares no carrier, only package time. Its importers learn
// that Do retries through its fact, as the same function in their own
// package would show in its body.
package retrypause

import "time"

// Do calls fn until it succeeds, pausing between attempts.
func Do(attempts int, fn func() error) error { // want Do:"retries"
	var err error
	for range attempts {
		if err = fn(); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// Once calls fn once, after a pause: no loop, no retry.
func Once(fn func() error) error {
	time.Sleep(time.Second)
	return fn()
}
