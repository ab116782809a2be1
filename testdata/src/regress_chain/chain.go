package regress_chain // want package:"exposes carriers"

// Carriers flow along chains of assignments and calls, in any order of
// declaration; the solver looks again only at what mentions a solved
// variable or function (it used to rescan everything until nothing
// changed, quadratic along a chain). What does not agree, or is given a
// non-carrier, stays no carrier.

type Response struct {
	ErrCode int `json:"errcode"`
}

type Result struct {
	ResultStatus string `json:"resultStatus"`
}

func g3(r *Response) int { return g2(r) } // want g3:"returns wechat code"

func g2(r *Response) int { return g1(r) } // want g2:"returns wechat code"

func g1(r *Response) int { // want g1:"returns wechat code"
	if r == nil {
		return g0(&Response{})
	}
	return g0(r)
}

func g0(r *Response) int { return r.ErrCode } // want g0:"returns wechat code"

func mixed(r *Response, res Result) string { // no fact: one result is no carrier
	if r.ErrCode == 0 {
		return res.ResultStatus
	}
	return "S"
}

func chains(r *Response, res Result, n int) bool {
	c := b
	_ = c
	a := g3(r)
	b2 := a
	c2 := b2
	if c2 == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return true
	}
	s := res.ResultStatus
	t := s
	if t == "U" { // want `resultStatus "U" compared as a magic string: unknown outcome \(miniprogram.StatusUnknown\)`
		return true
	}
	d := r.ErrCode
	d = n // d is also given a non-carrier
	e := d
	if e == 42001 || mixed(r, res) == "U" {
		return true
	}
	return false
}

var b = 1
