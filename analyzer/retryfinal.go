package analyzer

import (
	"fmt"
	"go/ast"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/retry"
)

var retryFinal = &Check{
	ID:    "retry-final",
	Title: "final failure retried",
	Doc: `Reports a branch selected by a final failure that retries. The Mini
Program page says of PROCESS_FAIL "Do not retry"; codes whose documented
action is to fix the request (PARAM_ILLEGAL, INVALID_API, WeChat's invalid
and missing parameters) fail the same way on every attempt. Retrying them
hammers the API and delays the error.

A final-failure condition is a comparison of a carrier with a value whose
documented retry class is "never" (in the built-in catalog, among others:
` + retryNeverExamples + `). A status takes its class from the codes documented with
it: resultStatus F is the status of PROCESS_FAIL but also of
EXPIRED_ACCESS_TOKEN and REQUEST_TRAFFIC_EXCEED_LIMIT, so a branch on F that
retries whatever the resultCode is reported, while one that retries only
under a test of a renewable or throttled code is not: a code's documented
action beats its status. Traffic limits (class reduce-traffic: retry later
with less traffic; ` + reduceTrafficValues + `) and expired or invalid
tokens (class renew-token: renew, then retry; ` + renewTokenValues + `) are
not final and are never reported. A code whose status differs between APIs counts for no status.

A code read through errors.As into an error type that carries it
(` + "`errors.As(err, &e) && e.ErrCode == 40003`" + `, or the comparison nested under
the errors.As test) is judged as a direct read, with err standing for the
result: err must be produced anew by a call in the loop for a continue to
count.

Only strong evidence of a retry counts here: a continue (or labelled
continue) in an enclosing for loop, or range over an integer, in which the
compared result is produced anew by a call each time round; a call of the
function itself (directly or through other functions of the package); a
call of a retry library or of a function known to retry (facts,
-retry-funcs) or whose name starts with retry or requeue; or, inside a retry
library's operation, returning an ordinary error that the library retries
(instead of backoff.Permanent or retry.Unrecoverable), or asking for another
round from sethvargo/go-retry (RetryableError), a wait condition (false,
nil) or a go-retryablehttp CheckRetry (true). A continue in a loop over a
slice of results moves on to the next result and is left alone. There is no
suggested fix.`,
	Bad: `package example

import (
	"errors"

	"github.com/cenkalti/backoff/v4"
	"github.com/errcodevet/errcodevet/miniprogram"
)

type Result struct {
	ResultCode   string ` + "`json:\"resultCode\"`" + `
	ResultStatus string ` + "`json:\"resultStatus\"`" + `
}

func pay(call func() Result) error {
	return backoff.Retry(func() error {
		res := call()
		if res.ResultCode == miniprogram.ProcessFail {
			return errors.New("payment failed")
		}
		return nil
	}, backoff.NewExponentialBackOff())
}
`,
	Want: "resultCode PROCESS_FAIL (a general business failure occurred) retried: the API documents not retrying",
	Good: `package example

import (
	"errors"

	"github.com/cenkalti/backoff/v4"
	"github.com/errcodevet/errcodevet/miniprogram"
)

type Result struct {
	ResultCode   string ` + "`json:\"resultCode\"`" + `
	ResultStatus string ` + "`json:\"resultStatus\"`" + `
}

func pay(call func() Result) error {
	return backoff.Retry(func() error {
		res := call()
		if res.ResultCode == miniprogram.ProcessFail {
			return backoff.Permanent(errors.New("payment failed"))
		}
		return nil
	}, backoff.NewExponentialBackOff())
}
`,
}

// retryFinalBranch reports a branch taken on a final failure that retries.
func (r *pass) retryFinalBranch(c *retry.Classifier, b retry.Branch, decided map[ast.Node]bool) {
	v := c.Classify(b.Body, b.Ctx, retry.Final)
	if v.Outcome != retry.Retries {
		return
	}
	if b.Final == nil {
		r.reportDecision(retryFinal, b.At, v, fmt.Sprintf("%s %s (%s) retried: the API documents not retrying",
			label(b.Table), b.Code.Value, b.Code.Summary()), decided)
		return
	}
	r.reportDecision(retryFinal, b.At, v, fmt.Sprintf("%s %s (%s) retried whatever the %s: the API documents not retrying %s",
		label(b.Table), b.Code.Value, b.Code.Summary(), label(r.s.index.Table(r.s.index.Family(b.Table), catalog.RoleCode)), b.Final.Value), decided)
}
