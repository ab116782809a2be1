// Package backoff declares the API of github.com/cenkalti/backoff/v5 that
// errcodevet recognizes, for fixtures.
package backoff

import "context"

type Operation[T any] func() (T, error)

type RetryOption func()

type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return e.Err.Error() }

func Permanent(err error) error { return &PermanentError{Err: err} }

func Retry[T any](ctx context.Context, operation Operation[T], opts ...RetryOption) (T, error) {
	return operation()
}
