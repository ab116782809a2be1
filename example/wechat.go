package example

import "errors"

var errRenewToken = errors.New("access token expired")

// checkToken handles the errcode of a WeChat reply.
func checkToken(resp *AccessTokenResponse) error {
	if resp.ErrCode == 0 { // success values are left alone by default (-include-success)
		return nil
	}
	if resp.ErrCode == 42001 { // magic-code
		return errRenewToken
	}
	switch resp.Code() {
	case -1, 45009: // magic-code, twice (a function returning the errcode carries it too); retry-unknown: -1 says try again later
		return errors.New("busy")
	case 12345: // not a documented code: left alone
		return errors.New("something else")
	}
	//errcodevet:ignore magic-code the vendor's sample compares the number
	if resp.ErrCode == 40001 {
		return errRenewToken
	}
	return errors.New(resp.ErrMsg)
}

// decodeLoosely handles a reply decoded into a map[string]any.
func decodeLoosely(m map[string]any) bool {
	code, ok := m["errcode"].(float64)
	return ok && code == 40013 // magic-code
}
