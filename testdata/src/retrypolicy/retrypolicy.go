package retrypolicy // want package:"exposes carriers"

// Package retrypolicy tests go-retryablehttp's CheckRetry policies apart:
// net/http makes its fixture slow to load.

import (
	"context"
	"net/http"

	"github.com/errcodevet/errcodevet/miniprogram"
	"github.com/hashicorp/go-retryablehttp"
)

type Result struct {
	ResultCode   string `json:"resultCode"`
	ResultStatus string `json:"resultStatus"`
}

func call() Result { return Result{} }

func policyStops(c *retryablehttp.Client) {
	c.CheckRetry = func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		res := call()
		if res.ResultStatus == miniprogram.StatusUnknown { // want `resultStatus U \(unknown outcome\) handled as a final failure`
			return false, nil
		}
		return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
	}
}

func policyRetries(c *retryablehttp.Client) {
	c.CheckRetry = func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		if call().ResultStatus == miniprogram.StatusUnknown {
			return true, nil
		}
		return false, nil
	}
}

func finalRetried() *retryablehttp.Client {
	return &retryablehttp.Client{
		CheckRetry: func(ctx context.Context, resp *http.Response, err error) (bool, error) {
			if call().ResultStatus == miniprogram.StatusFailure { // want `resultStatus F \(failure\) retried whatever the resultCode: the API documents not retrying PROCESS_FAIL`
				return true, nil
			}
			return false, nil
		},
	}
}

func finalStops() retryablehttp.CheckRetry {
	return retryablehttp.CheckRetry(func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		if call().ResultStatus == miniprogram.StatusFailure {
			return false, nil
		}
		return true, nil
	})
}
