// Package catalog holds the documented error codes that errcodevet checks
// against: for each API family its codes, success values, status letters,
// the carriers that hold them, and the retry advice derived from the
// vendor's text. It knows nothing of go/analysis.
//
// The built-in families are generated from the vendors' pages in sources/
// by the importer (go generate), as YAML to read and review and as the same
// files already parsed, in Go, which is what loads:
//
//   - wechat: WeChat errcode values (int): the English Official Account page,
//     then the Open Platform and Mini Program tables; success 0.
//   - miniprogram: Mini Program OpenAPI resultCode values (string) and
//     resultStatus letters S (success), F (failure), U (unknown outcome).
//   - wecom: WeCom (企业微信) errcode values (int): the vendor's global
//     error code page, as go-workwx's generated copy gives it; success 0.
//   - wechatpay: WeChat Pay error codes (string: API v3's code, API v2's
//     err_code) and the order and refund states (trade_state, refund
//     status), each with where it was read.
//   - alipay: classic Alipay OpenAPI code and sub_code values (string:
//     10000, isp.unknow-error, ACQ.SYSTEM_ERROR) and trade_status, each
//     with where it was read; success 10000.
//
// # Catalog files
//
// Users add families, or extend one, with files in the same format (YAML;
// JSON is accepted, being YAML too). Every problem in a file is reported
// with its file, line and column. A new family:
//
//	family: acme                    # lower-case identifier, used in messages
//	title: ACME Pay                 # for docs and messages
//	package: example.com/acme/codes # constants package fixes import; optional
//	source: https://acme.example/errors # where the table was read; optional
//	clients:                        # evidence that a package is a client; optional
//	  imports: [example.com/acme/sdk] # it is, or imports, a package under one
//	  hosts: [api.acme.example]     # a string literal names the API's host
//	  packages: [example.com/shop/acmepay/...] # its path matches a pattern
//	codes:
//	  kind: string                  # int or string
//	  carriers:                     # which expressions hold a code
//	    json: [errorCode]           # struct fields with this json tag name
//	    fields: [example.com/acme.Reply.Code] # fields by full path
//	    types: [example.com/acme.Code]        # every value of a named type
//	    map-keys: [errorCode]       # map[string]any values under this key
//	  success: [OK]                 # values that mean success
//	  documented:                   # the vendor's table
//	    - value: RATE_LIMITED
//	      name: RateLimited         # Go name of its constant; optional
//	      message: Too many requests.
//	      action: Slow down.
//	      retry: reduce-traffic     # retry, renew-token, reduce-traffic, never, unstated
//	      source: https://acme.example/docs/errors # where it was read; optional
//	  known:                        # valid per-API values outside the table:
//	    - value: OK                 # never reported as misspellings
//	status:                         # optional: an outcome status field
//	  field: status                 # the field's name in messages when no json carrier gives it; optional
//	  carriers: {json: [status]}
//	  success: [S]
//	  documented:
//	    - {value: S, message: Success.}
//	    - {value: U, message: Unknown outcome., retry: retry}
//
// To extend a family, write "extends: wechat" instead of "family": the
// file's codes, known values and carriers are added to the family; a value
// or name the family already has is an error. Codes added by an extension
// are fixed with constants from the extension's own package, if it names one.
//
// A carrier holds the values of one table: a json tag, map key, field or
// type that another table already names (json resultCode is the Mini
// Program's) is an error, not a silent loss of the second table's
// findings. A family of the same shape names its own carriers, the fields
// or types of its SDK. The exception is a json tag or map key that APIs of
// several vendors answer with: families that name their clients may share
// it, and the client decides, package by package, whose values it holds.
// WeCom and the WeChat Official Account both answer with errcode: a
// package that shows evidence of one family's clients (clients: above; for
// a struct field, the package declaring the struct counts too) holds that
// family's values; one with no evidence, the values of the family that
// named the carrier first (wechat); one with evidence of several, only the
// values they explain alike (the same value documented with the same retry
// class in each, or a success value of each): no family's meaning is
// asserted where they differ. Evidence of another vendor's client
// (clients.others, such as DingTalk's host in wechat's catalog) keeps the
// package's shared carriers out of every family. A file that extends a
// family may add to its clients: "extends: wecom" with "clients:
// {packages: [example.com/corp/wecom/...]}" makes the errcode of those
// packages WeCom's when their code does not tell.
//
// A result code that several APIs document lists their statuses:
//
//	documented:
//	  - value: ORDER_NOT_EXIST
//	    message: The order does not exist.
//	    apis: {inquiryPayment: F, refund: F}
//
// When the APIs agree, the code has their status (a "status" the entry
// states must be the same). When they differ, the code has no status and
// no retry class, and the entry may state neither: the outcome depends on
// the API called, and the retry checks must not pick one for all of them.
//
// A constant renamed keeps its earlier names, and a name that is not the
// vendor's own words says who chose it:
//
//	documented:
//	  - value: 45061
//	    name: UpdateFrequencyTooHigh
//	    name-by: errcodevet         # the constant's doc comment says so
//	    aliases: [Code45061]        # declared as deprecated aliases of name
//
// The constants package declares each alias as the same constant with a
// "Deprecated:" comment (staticcheck's SA1019 flags its uses), and a fix
// never writes one.
//
// The retry class drives the retry checks: a code whose class is "retry"
// selects a branch that must retry, one whose class is "never" a branch that
// must not.
package catalog
