// Package alipay declares the documented code and sub_code values of the
// classic Alipay OpenAPI (the gateway and alipay.trade.*), and its
// trade_status values, as untyped string constants, with each source's
// message, action and retry advice:
//
//	switch rsp.Code {
//	case alipay.Success:
//		// paid: read the API's own fields
//	case alipay.PaymentInProcess, alipay.ServiceUnavailable:
//		// unknown outcome: query the order, then cancel it
//	}
//
// 10003 (PaymentInProcess), 20000 (ServiceUnavailable), isp.unknow-error,
// ACQ.SYSTEM_ERROR and trade_status WAIT_BUYER_PAY are unknown outcomes:
// the payment may still succeed or fail, so neither a success nor a
// failure may be concluded from them. SDKs that report 10003 as a success
// (smartwalle/alipay's Code.IsSuccess) hide this.
//
// The constants compare with a field of any string type, SDK code types
// included. Lookup, Message, Action and Retryable answer what the sources
// say about a code; LookupStatus about a trade_status. Each row's source
// (a vendor page's copy, or a third party's, tagged as such) is recorded in
// catalog/sources/alipay.txt.
//
// The package is generated (see catalog/sources). It is a module of its
// own, github.com/errcodevet/errcodevet/alipay, that requires nothing, says
// go 1.18 (the lowest Go its generic helpers build with) and imports only
// the standard library. Published names never change.
package alipay
