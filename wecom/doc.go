// Package wecom declares the documented errcode values of the WeCom
// (企业微信) server API as untyped constants, with the vendor's description,
// remedy and retry advice:
//
//	if resp.ErrCode == wecom.AccessTokenExpired {
//		// renew the access token, then retry
//	}
//
// WeCom answers with the same errcode and errmsg fields as the WeChat
// Official Account API, but its own table: 40001 is an invalid secret here
// and an invalid credential there, 40013 an invalid CorpID against an
// invalid AppID. Compare a WeCom client's codes with these constants, not
// with package wechat's.
//
// The constants compare with a field of any integer type. Lookup, Message,
// Action and Retryable answer what the documents say about a code, for
// logging and retry decisions. Most names are the value (Code60020): the
// vendor's table is in Chinese and names no code; the few spelled out are
// errcodevet's names.
//
// The package is generated from the vendor's page (see catalog/sources). It
// is a module of its own, github.com/errcodevet/errcodevet/wecom, that
// requires nothing, says go 1.18 (the lowest Go its generic helpers build
// with) and imports only the standard library: depending on it adds no
// module to a build and raises no go line. Published names never change.
package wecom
