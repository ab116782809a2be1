package retryfuncs // want package:"exposes carriers"

import (
	"context"
	"errors"

	"github.com/errcodevet/errcodevet/miniprogram"
)

type Result struct {
	ResultStatus string `json:"resultStatus"`
}

type Settler struct{}

// Settle resolves an unknown outcome; nothing in its name says so, and
// -retry-funcs=retryfuncs.Settler.Settle tells errcodevet.
func (Settler) Settle(ctx context.Context) {}

func handle(ctx context.Context, s Settler, res Result) error { // want handle:"retries"
	if res.ResultStatus == miniprogram.StatusUnknown {
		s.Settle(ctx)
		return errors.New("pending")
	}
	return nil
}
