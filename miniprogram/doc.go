// Package miniprogram declares the documented resultCode and resultStatus
// values of the Mini Program OpenAPIs (Alipay+ style) as untyped constants,
// with the vendor's message, further action and retry advice:
//
//	switch res.Result.ResultStatus {
//	case miniprogram.StatusSuccess:
//	case miniprogram.StatusUnknown:
//		// the outcome is unknown: retry or query the result
//	case miniprogram.StatusFailure:
//		// final: do not retry
//	}
//
// The constants compare with a field of any string type. Lookup,
// LookupStatus, Message, Action and Retryable answer what the documents say
// about a value.
//
// The package is generated from the vendor's page (see catalog/sources). It
// is a module of its own, github.com/errcodevet/errcodevet/miniprogram, that
// requires nothing, says go 1.18 (the lowest Go its generic helpers build
// with) and imports only the standard library: depending on it adds no
// module to a build and raises no go line. Published names never change.
package miniprogram
