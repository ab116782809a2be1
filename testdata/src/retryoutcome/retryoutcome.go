package retryoutcome // want package:"exposes carriers"

// This fixture proves retry-unknown's model: a branch on an unknown outcome
// is right when it retries, queries, or hands the outcome to its caller
// intact; it gives up when the caller can no longer tell "unknown" from
// "failed". Equivalent shapes get equivalent verdicts.

import (
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/errcodevet/errcodevet/miniprogram"
	"github.com/errcodevet/errcodevet/wechat"
)

type Result struct {
	ResultCode    string `json:"resultCode"`
	ResultStatus  string `json:"resultStatus"`
	ResultMessage string `json:"resultMessage"`
}

type Response struct {
	Result Result `json:"result"`
}

type WeChatResponse struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// ResultError carries the result: the caller can test its status.
type ResultError struct{ Result Result }

func (e *ResultError) Error() string { return e.Result.ResultMessage }

// CodeError has a code field: the caller can test it with errors.As.
type CodeError struct {
	Code string `json:"resultCode"`
	Msg  string
}

func (e CodeError) Error() string { return e.Msg }

// TextError holds text only.
type TextError struct{ Msg string }

func (e *TextError) Error() string { return e.Msg }

var (
	ErrOutcomeUnknown = errors.New("payment outcome unknown")
	ErrSystemBusy     = errors.New("system busy")
	ErrFailed         = errors.New("payment failed")
	errPending        = errors.New("payment pending")
)

func renewToken() {}
func poll() error { return nil }

// --- Hands the outcome to the caller intact: left alone ---

func ExportedSentinel(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return ErrOutcomeUnknown
	}
	return nil
}

func WrappedSentinel(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return fmt.Errorf("pay %s: %w", res.ResultCode, ErrOutcomeUnknown)
	}
	return nil
}

// unexportedSentinel's callers are in this package, and can test errPending.
func unexportedSentinel(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return errPending
	}
	return nil
}

func TypedErrorWithResult(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return &ResultError{Result: res}
	}
	return nil
}

func ErrorTypeWithCodeField(res Result) error {
	if res.ResultCode == miniprogram.UnknownException {
		return CodeError{Msg: "unknown"}
	}
	return nil
}

func ReturnsTheResult(resp Response) (*Result, error) {
	if resp.Result.ResultStatus == miniprogram.StatusUnknown {
		return &resp.Result, errors.New("outcome unknown")
	}
	return &resp.Result, nil
}

func NonSuccessSentinel(res Result) error {
	if res.ResultStatus != miniprogram.StatusSuccess {
		return ErrFailed
	}
	return nil
}

func NonSuccessTypedError(res Result) error {
	if res.ResultStatus != miniprogram.StatusSuccess {
		return &ResultError{Result: res}
	}
	return nil
}

func SuccessFirstWrapped(res Result) error {
	if res.ResultStatus == miniprogram.StatusSuccess {
		return nil
	}
	return fmt.Errorf("pay: %w", &ResultError{Result: res})
}

// A sentinel that the caller retries on is never reported where it is
// returned, nor where it is retried.
func busy(resp WeChatResponse) error {
	if resp.ErrCode == wechat.SystemBusy {
		return ErrSystemBusy
	}
	return nil
}

func CallsUntilNotBusy() error { // want CallsUntilNotBusy:"retries"
	for attempt := 0; attempt < 3; attempt++ {
		if err := busy(WeChatResponse{}); errors.Is(err, ErrSystemBusy) {
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return ErrSystemBusy
}

// --- Gives up: reported ---

func TextOnly(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		return errors.New("payment failed")
	}
	return nil
}

func ErrorfWithoutW(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		return fmt.Errorf("payment failed: %v", ErrOutcomeUnknown)
	}
	return nil
}

func WrapsUnexportedOutOfExported(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		return fmt.Errorf("pay: %w", errPending)
	}
	return nil
}

func TextErrorValue(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		return &TextError{Msg: "failed"}
	}
	return nil
}

func SameValueAsFinal(res Result) error {
	if res.ResultStatus == miniprogram.StatusFailure {
		return ErrFailed
	}
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		return ErrFailed
	}
	return nil
}

func logsAndCarriesOn(res Result) {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		log.Printf("payment %s failed", res.ResultCode)
	}
}

func exits(res Result) {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		os.Exit(1)
	}
}

// --- A branch that splits gives up when any way through it does ---

func IfElseOneArmGivesUp(res Result, queried bool) error {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		if !queried {
			return poll()
		} else {
			return errors.New("payment failed")
		}
	}
	return nil
}

func IfLeavesThenGivesUp(res Result, attempts int) error {
	for {
		if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
			if attempts < 3 {
				attempts++
				continue
			}
			return errors.New("payment failed")
		}
		return nil
	}
}

func SwitchOneArmGivesUp(res Result, mode int) error {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		switch mode {
		case 0:
			return poll()
		default:
			return errors.New("payment failed")
		}
	}
	return nil
}

func IfElseBothHandOn(res Result, queried bool) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		if !queried {
			return poll()
		} else {
			return ErrOutcomeUnknown
		}
	}
	return nil
}

// --- Equivalent shapes, equivalent verdicts ---

func NonSuccessText(res Result) error {
	if res.ResultStatus != miniprogram.StatusSuccess { // want `resultStatus other than S handled as a final failure without handling U \(unknown outcome\) first`
		return fmt.Errorf("payment failed: %s", res.ResultMessage)
	}
	return nil
}

func SuccessFirstText(res Result) error {
	if res.ResultStatus == miniprogram.StatusSuccess { // want `resultStatus other than S handled as a final failure without handling U \(unknown outcome\) first`
		return nil
	}
	return fmt.Errorf("payment failed: %s", res.ResultMessage)
}

func ConjunctionOfNonSuccess(res Result) error {
	if res.ResultCode != miniprogram.Success && res.ResultStatus != miniprogram.StatusSuccess { // want `resultStatus other than S handled as a final failure without handling U \(unknown outcome\) first`
		return fmt.Errorf("payment failed: %s", res.ResultMessage)
	}
	return nil
}

func NotUnknownLeaves(res Result) error {
	if res.ResultStatus != miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		return nil
	}
	return errors.New("payment failed")
}

func LooseMap(m map[string]any) error {
	if m["errcode"].(float64) == -1 { // want `errcode -1 \(system is busy\) handled as a final failure`
		return errors.New("wechat failed")
	}
	return nil
}

func LooseMapRetried(m map[string]any) error { // want LooseMapRetried:"retries"
	for attempt := 0; attempt < 3; attempt++ {
		if code, _ := m["errcode"].(float64); code == -1 {
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return ErrSystemBusy
}

// --- Status and code tests mixed in one chain or switch ---

func MixedChainGivesUp(res Result) error {
	for {
		if res.ResultStatus == miniprogram.StatusSuccess { // want `resultStatus other than S handled as a final failure without handling U \(unknown outcome\) first`
			return nil
		} else if res.ResultCode == miniprogram.ExpiredAccessToken {
			renewToken()
			continue
		} else {
			return errors.New("payment failed")
		}
	}
}

func MixedChainHandlesUnknownByCode(res Result) error {
	for {
		if res.ResultStatus == miniprogram.StatusSuccess {
			return nil
		} else if res.ResultCode == miniprogram.UnknownException {
			return poll()
		} else {
			return errors.New("payment failed")
		}
	}
}

func MixedSwitchGivesUp(res Result) error {
	for {
		switch {
		case res.ResultStatus == miniprogram.StatusSuccess:
			return nil
		case res.ResultCode == miniprogram.ExpiredAccessToken:
			renewToken()
			continue
		default: // want `default case handles resultStatus U \(unknown outcome\) as a final failure`
			return errors.New("payment failed")
		}
	}
}

func MixedSwitchHandlesUnknownByCode(res Result) error {
	switch {
	case res.ResultStatus == miniprogram.StatusSuccess:
		return nil
	case res.ResultCode == miniprogram.UnknownException:
		return poll()
	default:
		return errors.New("payment failed")
	}
}

// --- One finding per decision ---

func Disjunction(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown || res.ResultCode == miniprogram.UnknownException { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		return errors.New("payment failed")
	}
	return nil
}

// The default gives up at the inner return; suppressing it does not bring
// up the inner comparison's finding on the same statement.
func OuterSuppressed(res Result) error {
	switch res.ResultStatus {
	case miniprogram.StatusSuccess:
		return nil
	//errcodevet:ignore retry-unknown the caller settles every failure by hand
	default:
		if res.ResultCode == miniprogram.UnknownException {
			return errors.New("payment failed")
		}
		return errors.New("payment failed")
	}
}

// --- Named results and function literals ---

// A bare return returns what the branch assigned: the same verdicts as
// return with the value.
func NakedText(resp WeChatResponse) (err error) {
	if resp.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) handled as a final failure`
		err = errors.New("wechat failed")
		return
	}
	return
}

func NakedSentinel(resp WeChatResponse) (err error) {
	if resp.ErrCode == wechat.SystemBusy {
		err = ErrSystemBusy
		return
	}
	return
}

func NakedWithResult(resp WeChatResponse) (out *WeChatResponse, err error) {
	if resp.ErrCode == wechat.SystemBusy {
		out = &resp
		err = errors.New("wechat busy")
		return
	}
	return
}

// A literal's callers are in this package, whatever its enclosing
// function: they can test errPending.
func LiteralReturnsUnexported(res Result) func() error {
	return func() error {
		if res.ResultStatus == miniprogram.StatusUnknown {
			return errPending
		}
		return nil
	}
}
