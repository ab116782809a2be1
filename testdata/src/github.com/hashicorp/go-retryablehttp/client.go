// Package retryablehttp declares the API of
// github.com/hashicorp/go-retryablehttp that errcodevet recognizes, for
// fixtures.
package retryablehttp

import (
	"context"
	"net/http"
)

type CheckRetry func(ctx context.Context, resp *http.Response, err error) (bool, error)

type Client struct {
	CheckRetry CheckRetry
}

func NewClient() *Client { return &Client{} }

func DefaultRetryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	return false, nil
}
