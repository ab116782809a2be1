// Package retry declares the API of github.com/sethvargo/go-retry that
// errcodevet recognizes, for fixtures.
package retry

import (
	"context"
	"time"
)

type Backoff interface {
	Next() (next time.Duration, stop bool)
}

type RetryFunc func(ctx context.Context) error

type RetryFuncValue[T any] func(ctx context.Context) (T, error)

type retryableError struct{ err error }

func (e *retryableError) Error() string { return e.err.Error() }

func RetryableError(err error) error { return &retryableError{err} }

func NewConstant(t time.Duration) Backoff { return nil }

func Do(ctx context.Context, b Backoff, f RetryFunc) error { return f(ctx) }

func DoValue[T any](ctx context.Context, b Backoff, f RetryFuncValue[T]) (T, error) { return f(ctx) }
