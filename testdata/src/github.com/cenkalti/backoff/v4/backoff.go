// Package backoff declares the API of github.com/cenkalti/backoff/v4 that
// errcodevet recognizes, for fixtures.
package backoff

import "time"

type BackOff interface {
	NextBackOff() time.Duration
	Reset()
}

type ExponentialBackOff struct{}

func (*ExponentialBackOff) NextBackOff() time.Duration { return 0 }
func (*ExponentialBackOff) Reset()                     {}

func NewExponentialBackOff() *ExponentialBackOff { return &ExponentialBackOff{} }

type Operation func() error

type OperationWithData[T any] func() (T, error)

type Notify func(error, time.Duration)

type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return e.Err.Error() }

func Permanent(err error) error { return &PermanentError{Err: err} }

func Retry(o Operation, b BackOff) error { return o() }

func RetryNotify(o Operation, b BackOff, notify Notify) error { return o() }

func RetryWithData[T any](o OperationWithData[T], b BackOff) (T, error) { return o() }
