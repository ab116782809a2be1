package carriercatalog // want package:"exposes carriers"

// This fixture proves that carriers a catalog file declares are carriers: a
// field by its full path (with no tag), every value of a named type (a
// parameter too), and the json tag of a family the file declares, whose
// fixes use the constants package the file names. It runs with
// testdata/catalog/carriers.yaml and testdata/catalog/acme.yaml.

type ErrorCode int

type Reply struct {
	Status int
	Other  int
}

type Payment struct {
	ErrorCode string `json:"errorCode"`
}

func handle(r Reply, code ErrorCode, p Payment) bool {
	if r.Status == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return true
	}
	if r.Other == 42001 {
		return true
	}
	if code == 40001 { // want `errcode 40001 compared as a magic number: .*\(wechat.InvalidCredential\)`
		return true
	}
	if p.ErrorCode == "RATE_LIMITED" { // want `errorCode "RATE_LIMITED" compared as a magic string: too many requests \(acmecodes.RateLimited\)`
		return true
	}
	if p.ErrorCode == "CARD_DECLIEND" { // want `errorCode "CARD_DECLIEND" can never match: likely a misspelling of CARD_DECLINED \(acmecodes.CardDeclined\)`
		return true
	}
	return p.ErrorCode == "PENDING_REVIEW" || p.ErrorCode == "OK"
}
