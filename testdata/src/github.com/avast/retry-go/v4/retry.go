// Package retry declares the API of github.com/avast/retry-go/v4 that
// errcodevet recognizes, for fixtures.
package retry

type RetryableFunc func() error

type RetryableFuncWithData[T any] func() (T, error)

type Option func()

func Attempts(n uint) Option { return func() {} }

func Do(retryableFunc RetryableFunc, opts ...Option) error { return retryableFunc() }

func DoWithData[T any](retryableFunc RetryableFuncWithData[T], opts ...Option) (T, error) {
	return retryableFunc()
}

type unrecoverableError struct{ error }

func Unrecoverable(err error) error { return unrecoverableError{err} }
