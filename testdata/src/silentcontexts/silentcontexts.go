package silentcontexts // want package:"exposes carriers"

// This fixture proves that documented values are left alone outside
// comparisons for equality: ordering comparisons, arithmetic, constant
// declarations, composite literals, assignments, arguments and results.

type Response struct {
	ErrCode int `json:"errcode"`
}

type Result struct {
	ResultStatus string `json:"resultStatus"`
}

const tokenExpired = 42001

var fallback = Response{ErrCode: -1}

var known = map[int]string{42001: "token expired", 40001: "bad credential"}

func handle(resp *Response, res *Result) int {
	if resp.ErrCode > 40000 && resp.ErrCode <= 42001 {
		return resp.ErrCode - 42001
	}
	if resp.ErrCode-42001 == 0 || resp.ErrCode%42001 == 0 {
		return 0
	}
	resp.ErrCode = 42001
	res.ResultStatus = "U"
	var code = 40001
	code += 42001
	use(42001, "U")
	r := Result{ResultStatus: "F"}
	_ = []int{-1, 42001}
	_ = known[42001]
	_ = r
	return code
}

func use(int, string) {}

func last() int { return 42001 }
