// Package refunddomestic is a stub of the SDK's refund package, for the fixtures.
package refunddomestic

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
