// Package wait declares the API of k8s.io/apimachinery/pkg/util/wait that
// errcodevet recognizes, for fixtures.
package wait

import (
	"context"
	"time"
)

type ConditionFunc func() (done bool, err error)

type ConditionWithContextFunc func(context.Context) (done bool, err error)

func Poll(interval, timeout time.Duration, condition ConditionFunc) error { return nil }

func PollUntilContextTimeout(ctx context.Context, interval, timeout time.Duration, immediate bool, condition ConditionWithContextFunc) error {
	return nil
}
