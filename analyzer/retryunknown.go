package analyzer

var retryUnknown = &Check{
	ID:    "retry-unknown",
	Title: "unknown outcome handled as a final failure",
	Doc: `Reports a branch selected by an unknown outcome that gives up instead of
retrying or querying the result. A Mini Program resultStatus U
(UNKNOWN_EXCEPTION) means the call may or may not have taken effect: "trying
to recall the API might help". WeChat's -1 ("System is busy. Try again
later.") and 45011 say the same. Payment code that fails the order on U
marks paid orders as failed, or charges twice when the customer pays again.

An unknown-outcome condition is a comparison, or a disjunction of
comparisons, of a carrier with a value whose documented retry class is
"retry" (resultStatus U, resultCode UNKNOWN_EXCEPTION, errcode -1 and 45011,
and any value a catalog file marks ` + "`retry: retry`" + `), with a literal or a
constant. The branch gives up when it ends by returning an error it makes
(errors.New, fmt.Errorf, an error variable), by panicking or exiting, by
marking the error permanent for a retry library (backoff.Permanent,
retry.Unrecoverable, an ordinary error inside sethvargo/go-retry, an error
from a wait condition, false from a go-retryablehttp CheckRetry), or when it
only logs and carries on as if done (outside any loop).

The implicit forms are reported too: a non-success check (` + "`status != \"S\"`" + `, or
the else of ` + "`status == \"S\"`" + `) whose branch gives up while no comparison with U
comes before it in the function, and a switch on the status whose default
gives up while no case handles U. Findings are reported at the condition, or
at the case or default clause.

A branch retries, and is left alone, when it continues or jumps back in an
enclosing loop, loops itself, starts a goroutine or sends on a channel,
calls its own function (recursion, also through other functions of the
package), calls a retry library (cenkalti/backoff v4 and v5, avast/retry-go,
sethvargo/go-retry, k8s.io/apimachinery/pkg/util/wait), a function known to
retry (one that calls a retry library or loops with a pause, found through
analysis facts, or named in -retry-funcs), or a function whose name has a
word starting with retry, poll, query, inquiry, inquire or requeue; or when,
inside a retry library's operation, it returns an ordinary error for the
library to retry. Whenever the analysis cannot tell, it stays silent: a
branch that returns what another function returns is not judged. There is no
suggested fix: any rewrite would change behaviour.`,
	Bad: `package example

import (
	"errors"

	"github.com/errcodevet/errcodevet/miniprogram"
)

type Result struct {
	ResultCode   string ` + "`json:\"resultCode\"`" + `
	ResultStatus string ` + "`json:\"resultStatus\"`" + `
}

var errPaymentFailed = errors.New("payment failed")

func settle(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return errPaymentFailed
	}
	return nil
}
`,
	Want: "resultStatus U (unknown outcome) handled as a final failure: the API documents retrying or querying the result",
	Good: `package example

import (
	"context"
	"errors"

	"github.com/errcodevet/errcodevet/miniprogram"
)

type Result struct {
	ResultCode   string ` + "`json:\"resultCode\"`" + `
	ResultStatus string ` + "`json:\"resultStatus\"`" + `
}

var errPending = errors.New("payment pending")

func settle(ctx context.Context, res Result, orderID string) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return queryPayment(ctx, orderID)
	}
	return nil
}

// queryPayment asks for the payment's outcome until it is known.
func queryPayment(ctx context.Context, orderID string) error {
	return errPending
}
`,
}
