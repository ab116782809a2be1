package wechattables // want package:"exposes carriers"

// This fixture proves the codes beyond the English WeChat page: the Open
// Platform table (40164, with its English errmsg; 43101, with the vendor's
// Chinese description) and the Mini Program table (76001), each explained
// with the vendor's text and fixed with its constant. The last function checks a Mini Program misspelling.

type Response struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func handle(resp Response) string {
	switch resp.ErrCode {
	case 40164: // want `errcode 40164 compared as a magic number: invalid ip, not in whitelist \(wechat.InvalidIP\)`
		return "add the server's IP to the whitelist"
	case 43101: // want `errcode 43101 compared as a magic number: 用户拒绝接受消息，如果用户之前曾经订阅过，则表示用户取消了订阅关系 \(wechat.UserRefuseAcceptMsg\)`
		return "the user refused the message"
	case 76001: // want `errcode 76001 compared as a magic number: rid不存在 \(wechat.RIDNotFound\)`
		return "no such rid"
	}
	return ""
}

type Result struct {
	ResultCode string `json:"resultCode"`
}

// A code of the Mini Program OpenAPIs' Result sections is explained with its
// page's text, and its misspelling is named.
func paid(res Result) bool {
	return res.ResultCode != "ORDER_NOT_EXIST" && // want `resultCode "ORDER_NOT_EXIST" compared as a magic string: the order does not exist \(miniprogram.OrderNotExist\)`
		res.ResultCode != "ORDER_NOT_EXSIT" // want `resultCode "ORDER_NOT_EXSIT" can never match: likely a misspelling of ORDER_NOT_EXIST \(miniprogram.OrderNotExist\)`
}
