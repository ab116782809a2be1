package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/retry"
)

var retryUnknown = &Check{
	ID:    "retry-unknown",
	Title: "unknown outcome handled as a final failure",
	Doc: `Reports a branch selected by an unknown outcome that gives up: it leaves
its caller unable to tell "unknown" from "failed". A Mini Program
resultStatus U (UNKNOWN_EXCEPTION) means the call may or may not have taken
effect: "trying to recall the API might help". WeChat's -1 ("System is busy.
Try again later.") says the same. Payment code that fails the order on U
marks paid orders as failed, or charges twice when the customer pays again.
A rate limit is not an unknown outcome: the call was refused, and it is
retried later with less traffic (45011, "API is called at a high frequency.
Try again later.", and REQUEST_TRAFFIC_EXCEED_LIMIT have class
reduce-traffic; neither retry check judges them).

An unknown-outcome condition is a comparison, or a disjunction of
comparisons, of a carrier with a value whose documented retry class is
"retry" (in the built-in catalog: ` + retryLaterValues + `; and any value a
catalog file marks ` + "`retry: retry`" + `), with a literal or a constant;
carriers read from loosely decoded maps (` + "`m[\"errcode\"].(float64) == -1`" + `,
` + "`m[\"resultStatus\"] == \"U\"`" + `, also through a type assertion and one level
down, ` + "`m[\"result\"].(map[string]any)[\"resultStatus\"]`" + `) count too. A
comparison that is one operand of a disjunction with other tests
(` + "`status == \"U\" || err != nil`" + `) selects the body too: it runs whenever the
comparison holds. So does a conjunction whose other operands only test that
the carrier's own chain is not nil (` + "`ce != nil && ce.Code == -1`" + `): where it
is nil there is no value to compare; or the ok of the assertion or map read
that gave the value (` + "`s, ok := m[\"resultStatus\"].(string); if ok && s == \"U\"`" + `),
when neither is assigned again, or of an SDK's own errors.As (gopay's
` + "`be, ok := alipay.IsBizError(err); ok && be.SubCode == \"ACQ.SYSTEM_ERROR\"`" + `,
where handing err on hands the outcome on).
A code read through errors.As into an error type and compared in the same
condition (` + "`errors.As(err, &e) && e.ErrCode == -1`" + `, or a disjunction of such
comparisons of e) selects the body as the
nested form (` + "`if errors.As(err, &e) { if e.ErrCode == -1 {...} }`" + `) does, err
standing for the result: returning err, as it is or wrapped with %w,
hands the outcome on.
An SDK function that compares a code with its argument counts as that
comparison (WeChat Pay's ` + "`core.IsAPIError(err, \"SYSTEMERROR\")`" + `, or its
negation); its carrier is the error it tests: returning that error hands
the outcome on.

An unknown outcome handled as a success is as wrong. smartwalle/alipay's
` + "`IsSuccess`" + ` (of the response or its ` + "`Code`" + `) is true for 10003, "order
created, payment in process", as well as for 10000, and ` + "`IsFailure`" + ` false:
an ` + "`if`" + ` on either, on the answer of ` + "`TradePay`" + ` (the call that answers
10003), treats a payment that may still fail as paid, and is reported
when the path it takes as the success acts (returns, or calls anything but
logging, fmt and testing helpers), unless the function also compares with
10003 (it then tells the unknown outcome apart).

gopay's ` + "`(*alipay.Client).TradePay`" + ` returns a nil error for 10003 as for
10000: the path a nil error takes (` + "`if err != nil { return err }`" + ` and what
follows it, right after the call) is reported when it records something
(below), unless the function compares with 10003.

So is a branch that a success value and an unknown outcome select alike
(` + "`rsp.Code == alipay.CodeSuccess || rsp.Code == alipay.CodeOrderSuccessPayInProcess`" + `,
` + "`case miniprogram.StatusSuccess, miniprogram.StatusUnknown:`" + `) when it records
something: it calls a function outside logging, fmt and testing helpers
(` + "`s.orders.MarkPaid(id)`" + `) and hands none of its calls the answer it tested
(a call given the answer may tell the outcomes apart), and the function
compares with the unknown value nowhere else. A branch that only returns
is judged by the model below.

**The model.** The branch is right when it retries, when it queries the
result, or when it **hands the unknown outcome to its caller intact**, so
that the caller can still tell it apart:

- it returns a package-level sentinel error the caller can test
  (` + "`return ErrOutcomeUnknown`" + `): an exported one, or an unexported one
  returned by an unexported function to callers in its own package; or
  such a sentinel wrapped with ` + "`%w`" + `;
- it returns an error value that carries the result, its status or its
  code (` + "`&ResultError{Result: res}`" + `, a value of an error type with a field
  that carries a code or status);
- it returns the result itself, or a value of a type that holds it, beside
  the error.

A call in the branch that the analysis cannot judge may hand the outcome on
elsewhere (queue an inquiry, record "pending" for a caller to read later),
and a function's name does not say which: ` + "`case \"U\": s.markFailed(ctx, id); return nil`" + `
is silent until -give-up-funcs names markFailed, which then gives up.

It **gives up** when the caller can no longer tell: it returns an error made
from text alone (errors.New, fmt.Errorf without %w), an unexported sentinel
out of an exported function (callers cannot test it), an error value that
holds no status or code, or the same sentinel the function returns where
it handles a final failure (status F, PROCESS_FAIL, ...); it calls a
function named in -give-up-funcs, which records a final outcome
(` + "`s.orders.MarkFailed(id)`" + `), whatever it returns then (without the
setting, such a call, returned or not, is not judged); it panics or
exits (` + "`log.Fatalf`" + ` and the other Fatal and Panic functions of logging libraries
included); it only logs and carries on as if done (outside any loop, when no test
of an error follows: ` + "`if err != nil { return err }`" + ` after it may hand the
outcome on); or, inside
a retry library's operation, it stops the library (backoff.Permanent,
retry.Unrecoverable, an ordinary error inside sethvargo/go-retry, an error
from a wait condition, false from a go-retryablehttp CheckRetry). This is
why a sentinel that the caller retries on
(` + "`if errors.Is(err, ErrSystemBusy) { sleep; continue }`" + `) is never reported
where it is returned. A bare return from a function with named results is
judged by the value the branch assigns to the error result. A call of
another function whose result is returned is not judged, nor is a local
error variable: the analysis cannot tell what they hold.

It also gives up when it tells its caller "done" or answers as on a
failure, after statements that only log: it returns a nil error (and
nothing that carries the result, nor a constant that no other return of
the function gives: ` + "`return \"pending\", nil`" + ` is an answer of its own), or
returns from a function without results, such as an HTTP handler (the
finding says the unknown outcome is
reported to the caller as success: ` + "`log.Printf(...); return nil`" + ` is judged
as ` + "`log.Printf(...)`" + ` followed by falling through); or it returns constants,
alone (` + "`return false`" + ` in ` + "`func Paid(...) bool`" + `) or beside a nil error
(` + "`return \"failed\", nil`" + `), that the function also returns where it handles a
final failure (with nothing before the return, only in a function that
tests nothing but the outcome, its status or a code table's success and
unknown-outcome values: a predicate that groups other codes, true for -1
and for 40013 alike, may mean its answer) (the F branch, the statements
after a success test and a test of U that both leave, in either order,
as ifs or as arms of an if-else chain (whose final else counts too), or
after a switch whose cases on success and on U leave, a status switch's
default, a code switch's default beside cases on success and on U, or a
last ` + "`return status == S`" + ` once U was handled, which answers false on every
failure, or false, nil beside a nil error (` + "`return status == S, nil`" + `);
` + "`ok := status == S; return ok`" + ` is the same return), so its caller
cannot tell unknown from failed. The final-failure path is the same for the
sentinels above. When the function names a failure with a branch of its
own (` + "`case \"CLOSED\": return ErrNotPaid`" + `), what is left after success and U
(a default, the statements after them) is not part of it: states the
function does not list may share the unknown outcome's answer on purpose
(` + "`default: return ErrPending`" + `), which treats them as pending, not U as final. A code table whose catalog names a success
value is judged as a status is: ` + "`if resp.ErrCode == -1 { return false }; return resp.ErrCode == 0`" + `
in ` + "`func Sent(...) bool`" + ` answers false on -1 as on every failure. A
predicate that answers true on a failure (` + "`return status != S`" + `, ` + "`return errcode != 0`" + `)
may group U with failures on purpose and is not judged. A return
with nothing before it, or after any statement that is not logging (a
call that may queue an inquiry, an answer written to a client), is not
judged: the analysis cannot tell what the caller gets.

Code under a test of a value documented as a known outcome is never run on
an unknown one, and is left out of the branch: a code the catalog gives a
status other than U (ACCESS_DENIED is F; for a code whose status differs
between APIs, every API's status counts) or the class never, renew-token or
reduce-traffic. After ` + "`if status == \"S\" { return nil }`" + `, the branch
` + "`if code == \"ACCESS_DENIED\" { return errors.New(\"denied\") }`" + ` is therefore
not reported, while what U reaches after it still is.

A branch that splits is judged along each way through it: when its last
statement is an if/else or a switch, or an if in it leaves the branch
(` + "`if attempts < 3 { continue }; return errors.New(...)`" + `), it gives up when any way
through gives up, though another retries.

The implicit forms are reported too, with the same verdicts as the explicit
ones: a non-success test (` + "`status != \"S\"`" + `, a conjunction such as
` + "`code != \"SUCCESS\" && status != \"S\"`" + `, also after a test that the status's chain is
not nil (` + "`tx.TradeState != nil && *tx.TradeState != \"SUCCESS\"`" + `), one operand of a disjunction such as
` + "`status != \"S\" || res.NormalURL == \"\"`" + `, the else of ` + "`status == \"S\"`" + `, or the
statements after ` + "`if status == \"S\" { return nil }`" + `) whose branch gives up
while no comparison with U comes before it in the function or inside it;
and a switch testing the status whose default gives up while no case
handles U (a case on UNKNOWN_EXCEPTION handles it too: status and code tests
mixed in one switch or if-else chain are judged together). The implicit
forms are a status's: a code alone tested for success (` + "`errcode != 0`" + `,
` + "`resultCode != \"SUCCESS\"`" + `) is not judged, so ` + "`if errcode != 0 { return err }`" + `
with no test of -1 before it is silent. Most codes are final, and nearly
every client reads an errcode so: the unknown-outcome value is judged
where the code tests it (` + "`errcode == -1`" + `), and a code table is judged
as a status once the function tests that value (above). Findings are
reported at the condition, or at the case or default clause, with related
information at the statement that gives up; one statement that gives up
makes one finding, also when a directive suppresses it.

A refund retried under a new refund number is reported too. WeChat Pay
takes a new out_refund_no for a new refund, and its checklist grades
reusing the original number on a retry as required: when an attempt's
outcome was unknown (a timeout, a 5xx), an attempt under a new number
refunds a second time. Classic Alipay's alipay.trade.refund does the same
with out_request_no, which "identifies one refund request, unique for each
refund of the same trade" (errcodevet's translation of the parameter's
description). A refund creation (wechatpay-go's
` + "`refunddomestic.RefundsApiService.Create`" + `, gopay's ` + "`V3Refund`" + ` and v2
` + "`Refund`" + `, gopay's and smartwalle's Alipay ` + "`TradeRefund`" + `) is reported when a retry runs it again, inside a loop that leaves
once the call succeeded and goes round again otherwise
(` + "`if err == nil { return nil }`" + `, or ` + "`if err != nil { continue }`" + ` before a
return or break, or before a test of the answer that does,
` + "`if rsp.Code == 0 { return nil }`" + `),
or inside a retry library's operation (written in the call or held in a
variable), and its request's out_refund_no or out_request_no (the
` + "`OutRefundNo`" + ` or ` + "`OutRequestNo`" + ` field, or the BodyMap key), also as a function of the package that
builds the request puts the number it is given there) takes a
value of the attempt itself: a call of the clock (` + "`time.Now`" + `, read to the
second at least), of math/rand, crypto/rand or an identifier generator
(github.com/google/uuid, gofrs/uuid, rs/xid, ksuid, ulid, snowflake,
sonyflake, gopay's util.RandomString, wechatpay-go's utils.GenerateNonce),
decided by the called function, directly or through a function of the
package that returns such a value; the loop's counter; or a variable that
a statement every attempt runs assigns so. A number made before the loop,
a loop over refunds to make (it goes on to its next item after a
success), a new number assigned only under a condition (after a final
failure a new refund is right) and a date-only clock read are left alone.

An answer of gopay's WeChat Pay v3 client (a method of ` + "`ClientV3`" + ` whose
answer has an int ` + "`Code`" + `) taken as success after testing only the error is
reported too: gopay returns every answer but the expected 200 (or 204),
SYSTEM_ERROR and 202 USERPAYING among them, with a nil error and the HTTP
status in ` + "`Code`" + `. The call is reported when the function reads the
answer's fields (` + "`rsp.Response.Status`" + `) but never its ` + "`Code`" + `, ` + "`Error`" + ` or
` + "`ErrResponse`" + `, and never hands the answer on (returns it, passes it to a
function, stores it); or when it discards the answer (` + "`_, err :=`" + `) and
tests err. wechatpay-go has no such shape to judge: it turns every answer
outside 200-299 into a ` + "`*core.APIError`" + `, and the one API that answers 202
USERPAYING, payment-code pay, has no typed call in v0.2.21 (a request
through the generic client is told apart only by its URL).

A branch retries, and is left alone, when it continues or jumps back in an
enclosing loop, loops itself, starts a goroutine or sends on a channel,
calls its own function (recursion, also through other functions of the
package), calls a retry library (cenkalti/backoff v4 and v5, avast/retry-go,
sethvargo/go-retry, k8s.io/apimachinery/pkg/util/wait), a function known to
retry (one that calls a retry library or loops with a pause, found through
analysis facts, also in another package of your module that handles no
code; of the modules you depend on, only those that use a retry library
are looked at), or named in -retry-funcs), or a function whose name has a
word starting with retry, poll, query, inquiry, inquire or requeue; or when,
inside a retry library's operation, it returns an ordinary error for the
library to retry. Whenever the analysis cannot tell, it stays silent. There
is no suggested fix: any rewrite would change behaviour.`,
	Bad: `package example

import (
	"errors"

	"github.com/errcodevet/errcodevet/miniprogram"
)

type Result struct {
	ResultCode   string ` + "`json:\"resultCode\"`" + `
	ResultStatus string ` + "`json:\"resultStatus\"`" + `
}

// errPaymentFailed is unexported: Settle's callers cannot test it.
var errPaymentFailed = errors.New("payment failed")

func Settle(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return errPaymentFailed
	}
	return nil
}
`,
	Want: "resultStatus U (unknown outcome) handled as a final failure: the API documents retrying or querying the result",
	Good: `package example

import (
	"errors"

	"github.com/errcodevet/errcodevet/miniprogram"
)

type Result struct {
	ResultCode   string ` + "`json:\"resultCode\"`" + `
	ResultStatus string ` + "`json:\"resultStatus\"`" + `
}

// ErrPaymentPending tells Settle's callers that the outcome is unknown:
// they query the payment before they fail the order.
var ErrPaymentPending = errors.New("payment outcome unknown")

func Settle(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return ErrPaymentPending
	}
	return nil
}
`,
}

// retryUnknownBranch reports a branch taken on an unknown outcome (an
// explicit comparison, every status but success, or a status switch's
// default) that gives up.
func (r *pass) retryUnknownBranch(c *retry.Classifier, b retry.Branch, grouped map[ast.Stmt]*catalog.Code, decided map[ast.Node]bool) {
	v := c.Classify(b.Body, b.Ctx, retry.Unknown)
	if v.Outcome == retry.Undecided && b.Kind == retry.Selected {
		r.groupedWithSuccess(b, grouped)
	}
	if v.Outcome != retry.GivesUp {
		return
	}
	// What the caller is left with: a failure it cannot tell from a final
	// one, success, or the answer it gets on a final failure.
	handled, handles := "handled as a final failure", "handles %s as a final failure"
	switch v.Left {
	case retry.LeftDone:
		handled, handles = "reported to the caller as success", "reports %s to the caller as success"
	case retry.LeftAnswer:
		handled, handles = "answered as a final failure", "answers %s as a final failure"
	}
	var msg string
	switch b.Kind {
	case retry.Selected:
		msg = fmt.Sprintf("%s %s (%s) %s: %s",
			label(b.Table), b.Code.Value, b.Code.Summary(), handled, documentedRetry(b.Table))
	case retry.NonSuccess:
		msg = fmt.Sprintf("%s other than %s %s without handling %s first: %s",
			label(b.Table), b.Code.Value, handled, unknownValuesOf(b.Table, r.namedTypeValues(b.At)), documentedRetry(b.Table))
	case retry.Default:
		msg = fmt.Sprintf("default case "+handles+": %s",
			fmt.Sprintf("%s %s", label(b.Table), unknownValues(b.Table)), documentedRetry(b.Table))
	}
	r.reportDecision(retryUnknown, b.At, v, msg, decided)
}

// unknownValues names a table's values whose documented action is to try
// again: "U (unknown outcome)". A status table names each of them,
// "USERPAYING (...) or PROCESSING (...)" (WeChat Pay's order and refund
// states share one); a code table its first, as codes are many.
func unknownValues(t *catalog.Table) string { return unknownValuesOf(t, nil) }

// unknownValuesOf names the unknown values among only, when some are: a
// carrier of a named type holds the values its package declares constants
// of (refunddomestic.Status: a refund's, never USERPAYING).
func unknownValuesOf(t *catalog.Table, only map[string]bool) string {
	if only != nil {
		some := false
		for _, code := range t.Codes {
			some = some || only[code.Value] && code.Retry == catalog.RetryLater && code.Documented
		}
		if !some {
			only = nil
		}
	}
	var values []string
	for _, code := range t.Codes {
		if only != nil && !only[code.Value] {
			continue
		}
		if code.Retry == catalog.RetryLater && code.Documented {
			values = append(values, fmt.Sprintf("%s (%s)", code.Value, code.Summary()))
			if t.Role != catalog.RoleStatus {
				break
			}
		}
	}
	return strings.Join(values, " or ")
}

func documentedRetry(t *catalog.Table) string {
	if t.Role == catalog.RoleStatus {
		return "the API documents retrying or querying the result"
	}
	return "the API documents trying again later"
}

// namedTypeValues returns the string values the constants of a compared
// operand's named type declare in its package (refunddomestic.Status:
// SUCCESS, CLOSED, PROCESSING, ABNORMAL), or nil: a condition on a value of
// such a type can only see those.
func (r *pass) namedTypeValues(at ast.Node) map[string]bool {
	b, ok := at.(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	for _, e := range []ast.Expr{b.X, b.Y} {
		named, ok := types.Unalias(r.TypesInfo.TypeOf(e)).(*types.Named)
		if !ok || named.Obj().Pkg() == nil {
			continue
		}
		values := make(map[string]bool)
		scope := named.Obj().Pkg().Scope()
		for _, name := range scope.Names() {
			if c, ok := scope.Lookup(name).(*types.Const); ok && types.Identical(c.Type(), named) && c.Val().Kind() == constant.String {
				values[constant.StringVal(c.Val())] = true
			}
		}
		if len(values) > 0 {
			return values
		}
	}
	return nil
}
