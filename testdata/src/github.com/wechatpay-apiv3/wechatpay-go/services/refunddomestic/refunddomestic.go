// Package refunddomestic is a stub of the SDK's refund package, for the fixtures.
package refunddomestic

import (
	"context"

	"github.com/wechatpay-apiv3/wechatpay-go/core"
)

// Status is a refund's status.
type Status string

// The SDK's own constants of Status.
const (
	STATUS_SUCCESS    Status = "SUCCESS"
	STATUS_CLOSED     Status = "CLOSED"
	STATUS_PROCESSING Status = "PROCESSING"
	STATUS_ABNORMAL   Status = "ABNORMAL"
)

// Refund is a refund as the refund APIs answer it.
type Refund struct {
	OutRefundNo *string `json:"out_refund_no"`
	Status      *Status `json:"status"`
}

// CreateRequest is the request of a refund.
type CreateRequest struct {
	OutTradeNo  *string `json:"out_trade_no,omitempty"`
	OutRefundNo *string `json:"out_refund_no"`
}

// RefundsApiService is the refund API.
type RefundsApiService struct{}

// Create asks for a refund.
func (a *RefundsApiService) Create(ctx context.Context, req CreateRequest) (resp *Refund, result *core.APIResult, err error) {
	return nil, nil, nil
}
