package carrierlocal // want package:"exposes carriers"

// This fixture proves that a local variable is a carrier when every
// value ever assigned to it is one, and not otherwise: when one assignment
// is not a carrier, when its address is taken, when it is a parameter, when
// it is declared without a value, or when it is changed in place.

type Response struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func every(resp, retry *Response) bool {
	code := resp.ErrCode
	if code == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return true
	}
	code = retry.ErrCode
	copied := code
	var declared = copied
	return declared == 40001 // want `errcode 40001 compared as a magic number: .*\(wechat.InvalidCredential\)`
}

func oneNotCarrier(resp *Response, fallback int) bool {
	code := resp.ErrCode
	if resp.ErrMsg == "" {
		code = fallback
	}
	return code == 42001
}

// A zero constant is no code at all, as the zero value of a variable
// declared without one; any other constant is a value of its own.
func zeroAssigned(resp *Response) bool {
	code := resp.ErrCode
	if code < 0 {
		code = 0
	}
	return code == 42001 // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
}

func constantAssigned(resp *Response) bool {
	code := resp.ErrCode
	if code < 0 {
		code = 7
	}
	return code == 42001
}

func addressTaken(resp *Response) bool {
	code := resp.ErrCode
	set(&code)
	return code == 42001
}

func set(p *int) { *p = 1 }

func parameter(code int) bool {
	return code == 42001
}

// Declared without a value, a variable starts at zero, which is no code,
// as code := 0 is.
func declaredWithoutValue(resp *Response) bool {
	var code int
	code = resp.ErrCode
	return code == 42001 // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
}

func declaredZero(resp *Response) bool {
	code := 0
	if resp != nil {
		code = resp.ErrCode
	}
	return code == 42001 // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
}

func changedInPlace(resp *Response) bool {
	code := resp.ErrCode
	code++
	other := resp.ErrCode
	other += 10
	return code == 42001 || other == 42001
}

func changedInClosure(resp *Response) bool {
	code := resp.ErrCode
	func() { code = 7 }()
	return code == 42001
}

func ranged(resps []Response) bool {
	for _, r := range resps {
		code := r.ErrCode
		if code == 42001 { // want `errcode 42001 compared as a magic number: .*`
			return true
		}
	}
	return false
}
