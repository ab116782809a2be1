package retryunknown // want package:"exposes carriers"

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/cenkalti/backoff/v4"
	"github.com/errcodevet/errcodevet/miniprogram"
	"github.com/errcodevet/errcodevet/wechat"
	goretry "github.com/sethvargo/go-retry"
	"k8s.io/apimachinery/pkg/util/wait"
	"retryhelper"
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

// WeChat Pay's result_code is another API: never a carrier.
type WeChatPayResult struct {
	ResultCode string `xml:"result_code"`
}

var errFailed = errors.New("payment failed")

func call() Response { return Response{} }

// --- Reported ---

// An unexported sentinel out of an exported function: callers cannot test it.
func FailsOnUnknown(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure: the API documents retrying or querying the result`
		return errFailed
	}
	return nil
}

func failsOnUnknownCode(res Result) error {
	if res.ResultCode == miniprogram.UnknownException { // want `resultCode UNKNOWN_EXCEPTION \(an API calling is failed, which is caused by unknown reasons\) handled as a final failure: the API documents trying again later`
		return fmt.Errorf("payment %s failed", res.ResultMessage)
	}
	return nil
}

func panicsOnBusy(resp WeChatResponse) {
	if resp.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) handled as a final failure: the API documents trying again later`
		panic("wechat failed")
	}
}

func logsAndCarriesOn(res Result) {
	if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		log.Printf("unknown outcome, someone should poll")
	}
	markDone()
}

func markDone() {}

// Logs, then falls through to code that tests no error: carries on.
func logsThenServes(resp *WeChatResponse, serve func()) {
	if resp != nil && resp.ErrCode == wechat.SystemBusy { // want `errcode -1 \(system is busy\) handled as a final failure`
		log.Print("busy")
	}
	serve()
}

func fetch() (*WeChatResponse, error) { return nil, nil }

// log.Fatalf exits, in a loop as outside one (it was taken for logging).
func fatalInLoop(results []Result) {
	for _, res := range results {
		if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
			log.Fatalf("unknown outcome for %v", res)
		}
	}
}

func finalOrUnknown(res Result) error {
	if res.ResultStatus == miniprogram.StatusFailure || res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		return errFailed
	}
	return nil
}

func UnknownInElse(res Result) error {
	if res.ResultStatus != miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
		return nil
	} else {
		return errFailed
	}
}

func permanentInBackoff() error { // want permanentInBackoff:"retries"
	return backoff.Retry(func() error {
		res := call().Result
		if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
			return backoff.Permanent(errFailed)
		}
		return nil
	}, backoff.NewExponentialBackOff())
}

func ordinaryErrorStopsSethvargo(ctx context.Context) error { // want ordinaryErrorStopsSethvargo:"retries"
	return goretry.Do(ctx, goretry.NewConstant(time.Second), func(ctx context.Context) error {
		res := call().Result
		if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
			return errFailed
		}
		return nil
	})
}

func errorStopsWait(ctx context.Context) error { // want errorStopsWait:"retries"
	return wait.PollUntilContextTimeout(ctx, time.Second, time.Minute, true, func(ctx context.Context) (bool, error) {
		res := call().Result
		if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
			return false, errFailed
		}
		return true, nil
	})
}

func nonSuccess(res Result) error {
	if res.ResultStatus != miniprogram.StatusSuccess { // want `resultStatus other than S handled as a final failure without handling U \(unknown outcome\) first: the API documents retrying or querying the result`
		return errors.New("payment failed")
	}
	return nil
}

func NonSuccessElse(res Result) error {
	if res.ResultStatus == "S" { // want `resultStatus other than S handled as a final failure without handling U \(unknown outcome\) first`
		return nil
	} else {
		return errFailed
	}
}

func switchDefault(res Result) error {
	switch res.ResultStatus {
	case miniprogram.StatusSuccess:
		return nil
	case miniprogram.StatusFailure:
		return errFailed
	default: // want `default case handles resultStatus U \(unknown outcome\) as a final failure: the API documents retrying or querying the result`
		return errFailed
	}
}

func switchCase(res Result) error {
	switch res.ResultStatus {
	case miniprogram.StatusUnknown, miniprogram.StatusFailure: // want `resultStatus U \(unknown outcome\) handled as a final failure`
		return errFailed
	}
	return nil
}

func tagless(res Result) error {
	switch {
	case res.ResultStatus == miniprogram.StatusUnknown: // want `resultStatus U \(unknown outcome\) handled as a final failure`
		return fmt.Errorf("payment %s: unknown outcome", res.ResultCode)
	}
	return nil
}

// --- Left alone ---

// Logs, then tests the error the same call returned, which may carry the
// outcome on: what the caller gets is decided there.
func logsThenTestsErr(serve func()) error {
	resp, err := fetch()
	if resp != nil && resp.ErrCode == wechat.SystemBusy {
		log.Print("busy")
	}
	if err != nil || resp == nil {
		return err
	}
	serve()
	return nil
}

func polls(ctx context.Context, res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return pollPayment(ctx)
	}
	return nil
}

func pollPayment(ctx context.Context) error { return nil }

func queriesThenFails(ctx context.Context, res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		go queryLater(ctx)
		return errFailed
	}
	return nil
}

func queryLater(ctx context.Context) {}

func loopsInBranch(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		for i := 0; i < 3; i++ {
			if call().Result.ResultStatus == miniprogram.StatusSuccess {
				return nil
			}
		}
		return errFailed
	}
	return nil
}

func recurses(attempt int) error {
	res := call().Result
	if res.ResultStatus == miniprogram.StatusUnknown {
		log.Print("unknown, again")
		return recurses(attempt + 1)
	}
	return nil
}

func mutualA(n int) error {
	res := call().Result
	if res.ResultStatus == miniprogram.StatusUnknown {
		return mutualB(n)
	}
	return nil
}

func mutualB(n int) error { return mutualA(n + 1) }

func continuesLoop() error {
	for attempt := 0; attempt < 3; attempt++ {
		res := call().Result
		if res.ResultStatus == miniprogram.StatusUnknown {
			log.Print("unknown, retrying")
			continue
		}
		return nil
	}
	return errFailed
}

func logsInLoop() { // want logsInLoop:"retries"
	for {
		res := call().Result
		if res.ResultStatus == miniprogram.StatusUnknown {
			log.Print("unknown, retrying")
		} else {
			break
		}
		time.Sleep(time.Second)
	}
}

func ordinaryErrorInBackoff() error { // want ordinaryErrorInBackoff:"retries"
	op := func() error {
		res := call().Result
		if res.ResultStatus == miniprogram.StatusUnknown {
			return errors.New("unknown outcome: try again")
		}
		return nil
	}
	return backoff.Retry(op, backoff.NewExponentialBackOff())
}

func retryableSethvargo(ctx context.Context) error { // want retryableSethvargo:"retries"
	return goretry.Do(ctx, goretry.NewConstant(time.Second), func(ctx context.Context) error {
		res := call().Result
		if res.ResultStatus == miniprogram.StatusUnknown {
			return goretry.RetryableError(errFailed)
		}
		return nil
	})
}

func waitPollsAgain() error { // want waitPollsAgain:"retries"
	return wait.Poll(time.Second, time.Minute, func() (bool, error) {
		res := call().Result
		if res.ResultStatus == miniprogram.StatusUnknown {
			return false, nil
		}
		return true, nil
	})
}

func helperRetries(res Result) error { // want helperRetries:"retries"
	if res.ResultStatus == miniprogram.StatusUnknown {
		retryhelper.Settle(func() bool { return false })
		return errFailed
	}
	return nil
}

func maxAttempts(res Result, attempts int) error {
	if res.ResultStatus == miniprogram.StatusUnknown && attempts > 3 {
		return errFailed
	}
	return nil
}

func handsOn(res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return settleLater(res)
	}
	return nil
}

func settleLater(Result) error { return nil }

func unknownHandledFirst(ctx context.Context, res Result) error {
	if res.ResultStatus == miniprogram.StatusUnknown {
		return pollPayment(ctx)
	}
	if res.ResultStatus != miniprogram.StatusSuccess {
		return errFailed
	}
	return nil
}

func switchHandlesUnknown(ctx context.Context, res Result) error {
	switch res.ResultStatus {
	case miniprogram.StatusSuccess:
		return nil
	case miniprogram.StatusUnknown:
		return pollPayment(ctx)
	default:
		return errFailed
	}
}

func emptyBranch(res Result) {
	if res.ResultStatus == miniprogram.StatusUnknown {
		// The asynchronous notification settles it.
	}
}

func otherFamily(res WeChatPayResult) error {
	if res.ResultCode == "U" {
		return errFailed
	}
	return nil
}

func trafficLimit(res Result) error {
	if res.ResultCode == miniprogram.RequestTrafficExceedLimit {
		return errFailed
	}
	return nil
}
