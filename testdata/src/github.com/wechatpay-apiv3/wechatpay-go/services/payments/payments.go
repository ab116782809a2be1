// Package payments is a stub of the SDK's payments package, for the fixtures.
package payments

// Transaction is an order as the query APIs answer it.
type Transaction struct {
	OutTradeNo *string `json:"out_trade_no,omitempty"`
	TradeState *string `json:"trade_state,omitempty"`
}
