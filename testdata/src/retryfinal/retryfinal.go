package retryfinal // want package:"exposes carriers"

import (
	"context"
	"errors"
	"log"
	"time"

	"github.com/avast/retry-go/v4"
	"github.com/cenkalti/backoff/v4"
	backoff5 "github.com/cenkalti/backoff/v5"
	"github.com/errcodevet/errcodevet/miniprogram"
	"github.com/errcodevet/errcodevet/wechat"
	goretry "github.com/sethvargo/go-retry"
	"k8s.io/apimachinery/pkg/util/wait"
	"example.com/retrypause"
)

type Result struct {
	ResultCode   string `json:"resultCode"`
	ResultStatus string `json:"resultStatus"`
}

type WeChatResponse struct {
	ErrCode int `json:"errcode"`
}

var errFailed = errors.New("payment failed")

func call() Result                { return Result{} }
func callWeChat() WeChatResponse  { return WeChatResponse{} }
func renewToken()                 {}
func queryOrder(id string) Result { return Result{} }

// --- Reported ---

func continuesOnFinal() error {
	for attempt := 0; attempt < 5; attempt++ {
		res := call()
		if res.ResultStatus == miniprogram.StatusFailure { // want `resultStatus F \(failure\) retried whatever the resultCode: the API documents not retrying PROCESS_FAIL`
			continue
		}
		return nil
	}
	return errFailed
}

// The status copied into a local first: the same retry.
func continuesOnFinalLocal() error {
	for attempt := 0; attempt < 5; attempt++ {
		res := call()
		st := res.ResultStatus
		if st == miniprogram.StatusFailure { // want `resultStatus F \(failure\) retried`
			continue
		}
		return nil
	}
	return errFailed
}

func continuesOnProcessFail() error {
	for range 3 {
		if res := call(); res.ResultCode == miniprogram.ProcessFail { // want `resultCode PROCESS_FAIL \(a general business failure occurred\) retried: the API documents not retrying`
			log.Print("failed, trying again")
			continue
		}
		return nil
	}
	return errFailed
}

func labelled() error {
outer:
	for {
		res := call()
		for i := 0; i < 2; i++ {
			if res.ResultCode == miniprogram.ParamIllegal { // want `resultCode PARAM_ILLEGAL \(illegal parameters\) retried`
				continue outer
			}
		}
		return nil
	}
}

func wechatInvalid() {
	for {
		if callWeChat().ErrCode == wechat.InvalidAppID { // want `errcode 40013 \(invalid AppID\) retried`
			continue
		}
		break
	}
}

func recursesOnFinal(n int) error {
	res := call()
	if res.ResultStatus == miniprogram.StatusFailure { // want `resultStatus F \(failure\) retried`
		return recursesOnFinal(n + 1)
	}
	return nil
}

func retryNamed(res Result) error {
	if res.ResultStatus == miniprogram.StatusFailure { // want `resultStatus F \(failure\) retried`
		return retryPayment()
	}
	return nil
}

func retryPayment() error { return nil }

// A retry helper of another package of one's own, known by its fact.
func retriedByOwnHelper() error { // want retriedByOwnHelper:"retries"
	res := call()
	if res.ResultStatus == miniprogram.StatusFailure { // want `resultStatus F \(failure\) retried`
		return retrypause.Do(3, func() error { return nil })
	}
	return nil
}

func ordinaryErrorRetriedByBackoff() error { // want ordinaryErrorRetriedByBackoff:"retries"
	return backoff.Retry(func() error {
		res := call()
		if res.ResultCode == miniprogram.ProcessFail { // want `resultCode PROCESS_FAIL \(a general business failure occurred\) retried`
			return errors.New("payment failed")
		}
		return nil
	}, backoff.NewExponentialBackOff())
}

func ordinaryErrorRetriedByBackoff5(ctx context.Context) (Result, error) { // want ordinaryErrorRetriedByBackoff5:"retries"
	return backoff5.Retry(ctx, func() (Result, error) {
		res := call()
		if res.ResultStatus == miniprogram.StatusFailure { // want `resultStatus F \(failure\) retried`
			return res, errFailed
		}
		return res, nil
	})
}

func ordinaryErrorRetriedByRetryGo() error { // want ordinaryErrorRetriedByRetryGo:"retries"
	return retry.Do(func() error {
		if call().ResultStatus == miniprogram.StatusFailure { // want `resultStatus F \(failure\) retried`
			return errFailed
		}
		return nil
	}, retry.Attempts(3))
}

func retryableSethvargo(ctx context.Context) error { // want retryableSethvargo:"retries"
	return goretry.Do(ctx, goretry.NewConstant(time.Second), func(ctx context.Context) error {
		if call().ResultStatus == miniprogram.StatusFailure { // want `resultStatus F \(failure\) retried`
			return goretry.RetryableError(errFailed)
		}
		return nil
	})
}

func waitPollsOnFinal() error { // want waitPollsOnFinal:"retries"
	return wait.Poll(time.Second, time.Minute, func() (bool, error) {
		if call().ResultStatus == miniprogram.StatusFailure { // want `resultStatus F \(failure\) retried`
			return false, nil
		}
		return true, nil
	})
}

// --- Left alone ---

// The local copied from an answer got before the loop: no call is made
// again, the loop goes round on a stale answer.
func continuesOnStaleLocal() error {
	res := call()
	for attempt := 0; attempt < 5; attempt++ {
		st := res.ResultStatus
		if st == miniprogram.StatusFailure {
			continue
		}
		return nil
	}
	return errFailed
}

// The helper of another package that calls once is no retry.
func onceByOwnHelper() error {
	res := call()
	if res.ResultStatus == miniprogram.StatusFailure {
		return retrypause.Once(func() error { return nil })
	}
	return nil
}

func permanent() error { // want permanent:"retries"
	return backoff.Retry(func() error {
		if call().ResultStatus == miniprogram.StatusFailure {
			return backoff.Permanent(errFailed)
		}
		return nil
	}, backoff.NewExponentialBackOff())
}

func unrecoverable() error { // want unrecoverable:"retries"
	return retry.Do(func() error {
		if call().ResultCode == miniprogram.ProcessFail {
			return retry.Unrecoverable(errFailed)
		}
		return nil
	})
}

func ordinaryErrorStopsSethvargo(ctx context.Context) error { // want ordinaryErrorStopsSethvargo:"retries"
	return goretry.Do(ctx, goretry.NewConstant(time.Second), func(ctx context.Context) error {
		if call().ResultStatus == miniprogram.StatusFailure {
			return errFailed
		}
		return nil
	})
}

func skipsFailedItems(results []Result) int {
	n := 0
	for _, res := range results {
		if res.ResultStatus == miniprogram.StatusFailure {
			continue // the next result, not the same call again
		}
		n++
	}
	return n
}

func consumesQueue(queue chan Result) {
	for {
		res := <-queue
		if res.ResultStatus == miniprogram.StatusFailure {
			continue
		}
		log.Print(res)
	}
}

func trafficLimitSleepsAndRetries() error { // want trafficLimitSleepsAndRetries:"retries"
	for attempt := 0; attempt < 5; attempt++ {
		res := call()
		if res.ResultCode == miniprogram.RequestTrafficExceedLimit {
			time.Sleep(time.Second << attempt)
			continue
		}
		return nil
	}
	return errFailed
}

func tokenRenewedAndRetried() {
	for {
		resp := callWeChat()
		if resp.ErrCode == wechat.AccessTokenExpired {
			renewToken()
			continue
		}
		return
	}
}

func queriesAfterFinal(id string) Result {
	res := call()
	if res.ResultStatus == miniprogram.StatusFailure {
		return queryOrder(id) // reads the final result: not a retry
	}
	return res
}

func returnsFailure(res Result) error {
	if res.ResultStatus == miniprogram.StatusFailure {
		return errFailed
	}
	return nil
}

// --- A code's documented action beats its status ---
//
// F is the status of PROCESS_FAIL ("Do not retry") but also of
// EXPIRED_ACCESS_TOKEN (renew the token) and REQUEST_TRAFFIC_EXCEED_LIMIT
// (call less often): a branch on F that retries only under a test of such a
// code is right.

func finalRenewsExpiredToken() error {
	for attempt := 0; attempt < 3; attempt++ {
		res := call()
		if res.ResultStatus == miniprogram.StatusFailure {
			if res.ResultCode == miniprogram.ExpiredAccessToken {
				renewToken()
				continue
			}
			return errFailed
		}
		return nil
	}
	return errFailed
}

func finalSleepsOnTrafficLimit() error { // want finalSleepsOnTrafficLimit:"retries"
	for attempt := 0; attempt < 3; attempt++ {
		res := call()
		if res.ResultStatus == miniprogram.StatusFailure {
			if res.ResultCode == miniprogram.RequestTrafficExceedLimit {
				time.Sleep(time.Second << attempt)
				continue
			}
			return errFailed
		}
		return nil
	}
	return errFailed
}

func finalSwitchesOnCode() error { // want finalSwitchesOnCode:"retries"
	for attempt := 0; attempt < 3; attempt++ {
		res := call()
		switch res.ResultStatus {
		case miniprogram.StatusSuccess:
			return nil
		case miniprogram.StatusFailure:
			switch res.ResultCode {
			case miniprogram.ExpiredAccessToken:
				renewToken()
				continue
			case miniprogram.RequestTrafficExceedLimit:
				time.Sleep(time.Second)
				continue
			}
			return errFailed
		}
	}
	return errFailed
}

func finalUnlessExpired() error {
	for attempt := 0; attempt < 3; attempt++ {
		res := call()
		if res.ResultStatus == miniprogram.StatusFailure {
			if res.ResultCode != miniprogram.ExpiredAccessToken {
				return errFailed
			}
			renewToken()
			continue
		}
		return nil
	}
	return errFailed
}

func mixedChain() error {
	for attempt := 0; attempt < 3; attempt++ {
		res := call()
		switch {
		case res.ResultStatus == miniprogram.StatusSuccess:
			return nil
		case res.ResultCode == miniprogram.ExpiredAccessToken:
			renewToken()
			continue
		case res.ResultStatus == miniprogram.StatusFailure:
			return errFailed
		}
	}
	return errFailed
}

func finalRetriedForEveryCode() error {
	for attempt := 0; attempt < 3; attempt++ {
		res := call()
		if res.ResultStatus == miniprogram.StatusFailure { // want `resultStatus F \(failure\) retried whatever the resultCode`
			if res.ResultCode == miniprogram.ExpiredAccessToken {
				renewToken()
			}
			continue
		}
		return nil
	}
	return errFailed
}

func finalCodeRetriedInsideStatus() error {
	for attempt := 0; attempt < 3; attempt++ {
		res := call()
		if res.ResultStatus == miniprogram.StatusFailure {
			if res.ResultCode == miniprogram.ProcessFail { // want `resultCode PROCESS_FAIL \(a general business failure occurred\) retried`
				continue
			}
			return errFailed
		}
		return nil
	}
	return errFailed
}

// --- A result decoded into an out-parameter is produced anew each time ---

type Client struct{}

func (c *Client) send(api string, req any, resp *Result) error { return nil }

func (c *Client) outParameter() error {
	for attempt := 0; attempt < 3; attempt++ {
		var resp Result
		if err := c.send("pay", nil, &resp); err != nil {
			return err
		}
		if resp.ResultCode == miniprogram.ProcessFail { // want `resultCode PROCESS_FAIL \(a general business failure occurred\) retried`
			continue
		}
		return nil
	}
	return errFailed
}

func (c *Client) outParameterDecodedOnce() int {
	var resp Result
	_ = c.send("pay", nil, &resp)
	n := 0
	for i := 0; i < 3; i++ {
		if resp.ResultCode == miniprogram.ProcessFail {
			continue // the same result each time: not a retry
		}
		n++
	}
	return n
}
