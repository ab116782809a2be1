// Package wechatpay declares the documented WeChat Pay error codes (API
// v3's code, API v2's err_code) and the order and refund states
// (trade_state, refund status) as untyped constants, with the vendor's
// message, advice, retry class and where each was read:
//
//	switch *tx.TradeState {
//	case wechatpay.StateSuccess:
//	case wechatpay.StateUserPaying:
//		// not final: query the order again, then reverse it if still unpaid
//	}
//
// The constants compare with a field of any string type, the official
// SDK's refunddomestic.Status included. Lookup, LookupStatus, Message,
// Action and Retryable answer what the documents say about a value.
//
// The package is generated from the tables in catalog/sources. It is a
// module of its own, github.com/errcodevet/errcodevet/wechatpay, that
// requires nothing, says go 1.18 (the lowest Go its generic helpers build
// with) and imports only the standard library: depending on it adds no
// module to a build and raises no go line. Published names never change.
package wechatpay
