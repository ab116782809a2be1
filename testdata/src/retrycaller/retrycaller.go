package retrycaller

// This fixture proves what retry-unknown makes of a branch on an unknown
// outcome that tells its caller "done" or answers as on a failure, and of
// code that runs only on a known outcome (issue 20). Equivalent shapes sit
// side by side: if and switch, an explicit return and falling through.

import (
	"context"
	"errors"
	"log"
	"net/http"

	"github.com/errcodevet/errcodevet/miniprogram"
)

type Result struct {
	ResultCode   string `json:"resultCode"`
	ResultStatus string `json:"resultStatus"`
}

var ErrPending = errors.New("payment pending")

type store struct{}

func (store) enqueueInquiry(id string) {}

func (store) markFailed(ctx context.Context, id string) error { return nil }

// --- The caller is told "done": reported ---

func logsReturnsNil(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) reported to the caller as success`
		log.Printf("payment %s unknown", res.ResultCode)
		return nil
	}
	return nil
}

func logsFallsThrough(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		log.Printf("payment %s unknown", res.ResultCode)
	}
	return nil
}

func caseLogsReturnsNil(res Result) error {
	switch res.ResultStatus {
	case miniprogram.StatusSuccess:
		return nil
	case miniprogram.StatusUnknown: // want `resultStatus U \(unknown outcome\) reported to the caller as success`
		log.Print("unknown")
		return nil
	}
	return ErrPending
}

func logsReturnsIDNil(res Result) (string, error) { // want logsReturnsIDNil:"returns miniprogram code"
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) reported to the caller as success`
		log.Print("unknown")
		return "", nil
	}
	return res.ResultCode, nil
}

// A handler: logging and returning is logging and carrying on.
func handlerLogsReturns(w http.ResponseWriter, res Result) {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) reported to the caller as success`
		log.Print("unknown")
		return
	}
	w.WriteHeader(http.StatusOK)
}

// --- The caller is told "done", but the branch does more: silent ---

func returnsNilAlone(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return nil // nothing but the return: says no more than the code around it
	}
	return nil
}

func (s store) queuesThenNil(res Result, id string) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		log.Print("unknown")
		s.enqueueInquiry(id) // may hand the outcome on: cannot tell
		return nil
	}
	return nil
}

// Without -give-up-funcs naming markFailed, its name decides nothing: a
// call may hand the outcome on (retrygiveup reports the same branch with
// the setting).
func (s store) marksFailedThenNil(ctx context.Context, res Result, id string) error {
	switch res.ResultStatus {
	case miniprogram.StatusSuccess:
		return nil
	case miniprogram.StatusUnknown:
		s.markFailed(ctx, id)
		return nil
	}
	return ErrPending
}

func logsReturnsResult(res Result) (*Result, error) {
	if res.ResultStatus == miniprogram.StatusUnknown {
		log.Print("unknown")
		return &res, nil // the caller gets the result
	}
	return nil, nil
}

func logsReturnsVariable(res Result, id string) (string, error) {
	if res.ResultStatus == miniprogram.StatusUnknown {
		log.Print("unknown")
		return id, nil // a value not known here
	}
	return "", nil
}

func handlerAnswers(w http.ResponseWriter, res Result) {
	if res.ResultStatus == miniprogram.StatusUnknown {
		log.Print("unknown")
		http.Error(w, "pending", http.StatusAccepted) // writes an answer: cannot tell
		return
	}
	w.WriteHeader(http.StatusOK)
}

// --- The outcome collapsed into a plain answer: reported ---

func Paid(res Result) bool {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) answered as a final failure`
		log.Print("unknown")
		return false
	}
	if res.ResultStatus == miniprogram.StatusFailure {
		return false
	}
	return true
}

func PaidSwitch(res Result) bool {
	switch res.ResultStatus {
	case miniprogram.StatusSuccess:
		return true
	case miniprogram.StatusUnknown: // want `resultStatus U \(unknown outcome\) answered as a final failure`
		log.Print("unknown")
		return false
	default:
		return false
	}
}

func PaidSuccessFirst(res Result) bool {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) answered as a final failure`
		log.Print("unknown")
		return false
	}
	if res.ResultStatus == miniprogram.StatusSuccess {
		return true
	}
	return false
}

// PaidSuccessThenUnknown tests success first, then U: what follows
// answers every final failure, as in PaidSuccessFirst.
func PaidSuccessThenUnknown(res Result) bool {
	if res.ResultStatus == miniprogram.StatusSuccess {
		return true
	}
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) answered as a final failure`
		return false
	}
	return false
}

func PaidCases(res Result) bool {
	switch res.ResultStatus {
	case miniprogram.StatusSuccess:
		return true
	case miniprogram.StatusUnknown: // want `resultStatus U \(unknown outcome\) answered as a final failure`
		return false
	}
	return false
}

// With an error result: false, nil on U is the answer the last return
// gives every failure (status == S, nil).
func PaidErr(res Result) (bool, error) {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) answered as a final failure`
		return false, nil
	}
	return res.ResultStatus == miniprogram.StatusSuccess, nil
}

// The same after a log: the answer, not success, is what the caller gets.
func PaidErrLogs(res Result) (bool, error) {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) answered as a final failure`
		log.Print("unknown")
		return false, nil
	}
	return res.ResultStatus == miniprogram.StatusSuccess, nil
}

// An if-else chain leaves success and U behind as separate ifs do.
func PaidChain(res Result) bool {
	if res.ResultStatus == miniprogram.StatusSuccess {
		return true
	} else if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) answered as a final failure`
		return false
	} else {
		return false
	}
}

func PaidUnknownChain(res Result) bool {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) answered as a final failure`
		return false
	} else if res.ResultStatus == miniprogram.StatusSuccess {
		return true
	}
	return false
}

// The chain's U arm answers true: kept apart.
func DoneChain(res Result) bool {
	if res.ResultStatus == miniprogram.StatusSuccess {
		return true
	} else if res.ResultStatus == miniprogram.StatusUnknown {
		return true
	}
	return false
}

// PaidTest answers the success test itself on every status but U: false
// on F, as on U.
func PaidTest(res Result) bool {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) answered as a final failure`
		return false
	}
	return res.ResultStatus == miniprogram.StatusSuccess
}

// --- A plain answer that keeps U apart: silent ---

// DoneTest answers true on U and the success test otherwise: U stays
// apart from F.
func DoneTest(res Result) bool {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return true
	}
	return res.ResultStatus == miniprogram.StatusSuccess
}

// Failed answers true on U and on F alike (status != S): a predicate that
// groups them may mean it; only the success test is judged.
func Failed(res Result) bool {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return true
	}
	return res.ResultStatus != miniprogram.StatusSuccess
}

// PaidOrPending hands U on as a sentinel beside its answer.
func PaidOrPending(res Result) (bool, error) {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return false, ErrPending
	}
	return res.ResultStatus == miniprogram.StatusSuccess, nil
}

// Done answers false on U and true on F: U stays apart.
func Done(res Result) bool {
	if res.ResultStatus == miniprogram.StatusUnknown {
		log.Print("unknown")
		return false
	}
	if res.ResultStatus == miniprogram.StatusFailure {
		return true
	}
	return true
}

// Pending has no final-failure path to compare with.
func Pending(res Result) bool {
	if res.ResultStatus == miniprogram.StatusUnknown {
		log.Print("unknown")
		return true
	}
	return false
}

// State answers a different word for each outcome.
func State(res Result) string {
	switch res.ResultStatus {
	case miniprogram.StatusUnknown:
		log.Print("unknown")
		return "pending"
	case miniprogram.StatusFailure:
		return "failed"
	}
	return "paid"
}

// StateErr is State with an error result: "pending" beside the nil
// error is an answer of its own, as State's is.
func StateErr(res Result) (string, error) {
	if res.ResultStatus == miniprogram.StatusUnknown {
		log.Print("unknown")
		return "pending", nil
	}
	if res.ResultStatus == miniprogram.StatusFailure {
		return "failed", nil
	}
	return "paid", nil
}

// StateErrSeen gives U the answer success gets: reported below
// (stateErrAsPaid); this one gives it the zero value, nothing more than
// the nil error.
func StateErrSeen(res Result) (string, error) {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) reported to the caller as success`
		log.Print("unknown")
		return "", nil
	}
	if res.ResultStatus == miniprogram.StatusFailure {
		return "failed", nil
	}
	return "paid", nil
}

func stateErrAsPaid(res Result) (string, error) {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) reported to the caller as success`
		log.Print("unknown")
		return "paid", nil
	}
	if res.ResultStatus == miniprogram.StatusFailure {
		return "failed", nil
	}
	return "paid", nil
}

// --- Success first, then a code documented with status F: silent ---

func successThenAccessDenied(res Result) error {
	if res.ResultStatus == miniprogram.StatusSuccess {
		return nil
	}
	if res.ResultCode == miniprogram.AccessDenied {
		return errors.New("access denied") // F: never run on U
	}
	return ErrPending
}

func successThenCodeSwitch(res Result) error {
	if res.ResultStatus == miniprogram.StatusSuccess {
		return nil
	}
	switch res.ResultCode {
	case miniprogram.AccessDenied, miniprogram.ParamIllegal:
		return errors.New("rejected")
	case miniprogram.ExpiredAccessToken:
		return errors.New("token expired")
	}
	return ErrPending
}

func successThenFinalElse(res Result) error {
	if res.ResultStatus == miniprogram.StatusSuccess {
		return nil
	}
	if res.ResultCode == miniprogram.ProcessFail {
		return errors.New("failed")
	} else {
		return ErrPending
	}
}

// --- Success first, then a code that comes with U, or a path U takes: reported ---

func successThenUnknownCode(res Result) error {
	if res.ResultStatus == miniprogram.StatusSuccess {
		return nil
	}
	if res.ResultCode == miniprogram.UnknownException { // want `resultCode UNKNOWN_EXCEPTION \(an API calling is failed, which is caused by unknown reasons\) handled as a final failure`
		return errors.New("unknown")
	}
	return ErrPending
}

func successThenAccessDeniedThenText(res Result) error {
	if res.ResultStatus == miniprogram.StatusSuccess { // want `resultStatus other than S handled as a final failure without handling U \(unknown outcome\) first`
		return nil
	}
	if res.ResultCode == miniprogram.AccessDenied {
		return ErrPending
	}
	return errors.New("failed") // U comes here
}

// --- A non-success test, or an unknown outcome, inside a disjunction ---

type PayResult struct {
	Result
	NormalURL string `json:"normalUrl"`
}

func payURL(res PayResult) (string, error) {
	if res.ResultStatus != miniprogram.StatusSuccess || res.NormalURL == "" { // want `resultStatus other than S handled as a final failure without handling U \(unknown outcome\) first`
		return "", errors.New("pay failed")
	}
	return res.NormalURL, nil
}

func payURLSentinel(res PayResult) (string, error) {
	if res.ResultStatus != miniprogram.StatusSuccess || res.NormalURL == "" {
		return "", ErrPending
	}
	return res.NormalURL, nil
}

func unknownOrError(res Result, err error) error {
	if res.ResultStatus == miniprogram.StatusUnknown || err != nil { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		return errors.New("pay failed")
	}
	return nil
}

func unknownOrErrorSentinel(res Result, err error) error {
	if res.ResultStatus == miniprogram.StatusUnknown || err != nil {
		return ErrPending
	}
	return nil
}

// A conjunction selects on more than the outcome: not judged.
func unknownAndRetriesLeft(res Result, attempts int) error {
	if res.ResultStatus == miniprogram.StatusUnknown && attempts > 3 {
		return errors.New("gave up")
	}
	return nil
}

// --- A plain answer with nothing before it ---

func PaidBare(res Result) bool {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) answered as a final failure`
		return false
	}
	if res.ResultStatus == miniprogram.StatusFailure {
		return false
	}
	return true
}

func DoneBare(res Result) bool {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return false
	}
	return res.ResultStatus == miniprogram.StatusFailure
}

// --- The same answer as on a final failure, beside a nil error ---

func OrderState(res Result) (string, error) {
	switch res.ResultStatus {
	case miniprogram.StatusSuccess:
		return "paid", nil
	case miniprogram.StatusFailure:
		return "failed", nil
	case miniprogram.StatusUnknown: // want `resultStatus U \(unknown outcome\) answered as a final failure`
		return "failed", nil
	}
	return "", ErrPending
}

func OrderStateApart(res Result) (string, error) {
	switch res.ResultStatus {
	case miniprogram.StatusFailure:
		return "failed", nil
	case miniprogram.StatusUnknown:
		return "pending", nil
	}
	return "paid", nil
}

// A nil error alone on U and on F: not judged.
func ignoresBoth(res Result) error {
	if res.ResultStatus == miniprogram.StatusFailure {
		return nil
	}
	if res.ResultStatus == miniprogram.StatusUnknown {
		return nil
	}
	return nil
}

// --- U and success handled, then a defensive test of a code that comes
// with U: its answer is not the final-failure path's. Silent ---

func defensiveUnknownCode(res Result) error {
	switch res.ResultStatus {
	case miniprogram.StatusSuccess:
		return nil
	case miniprogram.StatusUnknown:
		return ErrPending
	}
	if res.ResultCode == miniprogram.UnknownException {
		return ErrPending
	}
	return errors.New("failed")
}

func defensiveUnknownCodeIf(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return ErrPending
	}
	if res.ResultStatus == miniprogram.StatusSuccess {
		return nil
	}
	switch res.ResultCode {
	case miniprogram.UnknownException:
		return ErrPending
	}
	return errors.New("failed")
}

// --- A function that names the final failure with its own answer: the
// rest (states it does not list) shares U's answer on purpose, which does
// not make U final. Silent ---

var ErrNotPaid = errors.New("not paid")

func checkNamesFailure(res Result) error {
	switch res.ResultStatus {
	case miniprogram.StatusSuccess:
		return nil
	case miniprogram.StatusUnknown:
		return ErrPending
	case miniprogram.StatusFailure:
		return ErrNotPaid
	default:
		return ErrPending
	}
}

func checkNamesFailureIf(res Result) error {
	if res.ResultStatus == miniprogram.StatusSuccess {
		return nil
	}
	if res.ResultStatus == miniprogram.StatusUnknown {
		return ErrPending
	}
	if res.ResultStatus == miniprogram.StatusFailure {
		return ErrNotPaid
	}
	return ErrPending
}

// --- The named failure shares U's answer: reported ---

func checkFailureSharesPending(res Result) error {
	switch res.ResultStatus {
	case miniprogram.StatusSuccess:
		return nil
	case miniprogram.StatusUnknown: // want `resultStatus U \(unknown outcome\) handled as a final failure`
		return ErrPending
	case miniprogram.StatusFailure:
		return ErrPending
	default:
		return ErrPending
	}
}

// A function literal has a final-failure path of its own: the same
// sentinel on U and F inside it, as in the declared function above.
func checkFailureSharesPendingLiteral(results <-chan Result) error {
	check := func(res Result) error {
		switch res.ResultStatus {
		case miniprogram.StatusSuccess:
			return nil
		case miniprogram.StatusUnknown: // want `resultStatus U \(unknown outcome\) handled as a final failure`
			return ErrPending
		case miniprogram.StatusFailure:
			return ErrPending
		default:
			return ErrPending
		}
	}
	return check(<-results)
}

// The literal that names the failure with its own answer: silent, as
// checkNamesFailure.
func checkNamesFailureLiteral(results <-chan Result) error {
	check := func(res Result) error {
		switch res.ResultStatus {
		case miniprogram.StatusSuccess:
			return nil
		case miniprogram.StatusUnknown:
			return ErrPending
		case miniprogram.StatusFailure:
			return ErrNotPaid
		default:
			return ErrPending
		}
	}
	return check(<-results)
}
