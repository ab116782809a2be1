// Package wechat declares the documented errcode values of the WeChat
// Official Account API as untyped constants, with the vendor's message and
// retry advice:
//
//	if resp.ErrCode == wechat.AccessTokenExpired {
//		// renew the access token, then retry
//	}
//
// The constants compare with a field of any integer type. Lookup, Message,
// Action and Retryable answer what the documents say about a code, for
// logging and retry decisions.
//
// The package is generated from the vendor's page (see catalog/sources). It
// is a module of its own, github.com/errcodevet/errcodevet/wechat, that
// requires nothing, says go 1.18 (the lowest Go its generic helpers build
// with) and imports only the standard library: depending on it adds no
// module to a build and raises no go line. Published names never change.
package wechat
