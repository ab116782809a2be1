package carrierresults // want package:"exposes carriers"

// This fixture proves that each result of a function of several results
// is followed on its own: code, err := call() carries a code when every
// return gives call's first result one (or 0), however the result is
// taken (:=, =, var, an if's init, return call(), a named result
// assigned then returned), and that a result given another value, a bare
// return of named results, or a result that carries nothing are not
// carriers.

import "errors"

type Response struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
	HTTP    int    `json:"status"`
}

type Result struct {
	ResultStatus string `json:"resultStatus"`
	ResultCode   string `json:"resultCode"`
	PaymentID    string `json:"paymentId"`
}

var errNoAnswer = errors.New("no answer")

// call answers 0 when there is no answer: 0 is no code.
func call(resp *Response, err error) (int, error) { // want call:"returns wechat code"
	if err != nil {
		return 0, err
	}
	if resp == nil {
		return 0, errNoAnswer
	}
	return resp.ErrCode, nil
}

// again hands call's results on.
func again(resp *Response) (int, error) { // want again:"returns wechat code"
	return call(resp, nil)
}

type Client struct{ last *Response }

func (c *Client) Send() (code int, err error) { // want Send:"returns wechat code"
	if c.last == nil {
		return 0, errNoAnswer
	}
	return c.last.ErrCode, nil
}

// pay returns the status as its second result.
func pay(res *Result) (string, string, error) { // want pay:"returns miniprogram status as result 2"
	return res.PaymentID, res.ResultStatus, nil
}

// both returns a code and a status.
func both(res *Result) (string, string) { // want both:"returns miniprogram code, returns miniprogram status as result 2"
	return res.ResultCode, res.ResultStatus
}

// lookup reads a loosely decoded answer.
func lookup(m map[string]any) (float64, bool) { // want lookup:"returns wechat code"
	v, ok := m["errcode"].(float64)
	return v, ok
}

// decode answers 0 on an error: a float64 0 is no code either.
func decode(m map[string]any, err error) (float64, error) { // want decode:"returns wechat code"
	if err != nil {
		return 0, err
	}
	code, _ := m["errcode"].(float64)
	return code, nil
}

// queryCode assigns its named result, then returns it.
func queryCode(resp *Response, err error) (code int, e error) { // want queryCode:"returns wechat code"
	if err != nil {
		return 0, err
	}
	code = resp.ErrCode
	return code, nil
}

// lookupVar is lookup with a var declaration: the same verdict.
func lookupVar(m map[string]any) (float64, bool) { // want lookupVar:"returns wechat code"
	var v, ok = m["errcode"].(float64)
	return v, ok
}

func handle(resp *Response, c *Client, res *Result, m map[string]any) bool {
	code, err := call(resp, nil)
	if err == nil && code == 42001 { // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return true
	}
	var code2, err2 = again(resp)
	if err2 == nil && code2 == 40001 { // want `errcode 40001 compared as a magic number: .*\(wechat.InvalidCredential\)`
		return true
	}
	var code3 int
	code3, err = c.Send()
	if err == nil && code3 == 42002 { // want `errcode 42002 compared as a magic number: .*\(wechat.RefreshTokenExpired\)`
		return true
	}
	if code, err := call(resp, nil); err == nil && code == 42001 { // want `errcode 42001 compared as a magic number: .*`
		return true
	}
	_, status, _ := pay(res)
	if status == "U" { // want `resultStatus "U" compared as a magic string: unknown outcome \(miniprogram.StatusUnknown\)`
		return true
	}
	rc, rs := both(res)
	if rc == "ACCESS_DENIED" && rs == "F" { // want `resultCode "ACCESS_DENIED" compared as a magic string: .*\(miniprogram.AccessDenied\)` `resultStatus "F" compared as a magic string: .*\(miniprogram.StatusFailure\)`
		return true
	}
	if f, ok := lookup(m); ok && f == 40001 { // want `errcode 40001 compared as a magic number: .*`
		return true
	}
	if d, err := decode(m, nil); err == nil && d == -1 { // want `errcode -1 compared as a magic number: .*`
		return true
	}
	if q, err := queryCode(resp, nil); err == nil && q == 40001 { // want `errcode 40001 compared as a magic number: .*`
		return true
	}
	f, ok := lookupVar(m)
	return ok && f == 42001 // want `errcode 42001 compared as a magic number: .*`
}

// --- Look-alikes: silent ---

// orSentinel answers -1 of its own when there is no answer: the result
// holds a value that is not a code, so it is no carrier.
func orSentinel(resp *Response) (int, error) {
	if resp == nil {
		return -1, errNoAnswer
	}
	return resp.ErrCode, nil
}

// httpStatus returns a code and the HTTP status: only the first carries.
func httpStatus(resp *Response) (int, int) { // want httpStatus:"returns wechat code"
	return resp.ErrCode, resp.HTTP
}

// named returns its named results bare: what they hold is not followed.
func named(resp *Response) (code int, err error) {
	code = resp.ErrCode
	return
}

// orHTTP gives its named result another value on one path.
func orHTTP(resp *Response) (code int, err error) {
	code = resp.ErrCode
	if resp.HTTP != 200 {
		code = resp.HTTP
	}
	return code, nil
}

type Sender interface{ Send() (int, error) }

func silent(resp *Response, s Sender) bool {
	if code, _ := orSentinel(resp); code == 42001 {
		return true
	}
	if _, status := httpStatus(resp); status == 40001 {
		return true
	}
	if code, _ := named(resp); code == 42001 {
		return true
	}
	if code, _ := orHTTP(resp); code == 42001 {
		return true
	}
	// A dynamic call: which function answers is not known.
	if code, _ := s.Send(); code == 42001 {
		return true
	}
	// Given another value after the call.
	code, err := call(resp, nil)
	if err != nil {
		code = 500
	}
	return code == 42001
}
