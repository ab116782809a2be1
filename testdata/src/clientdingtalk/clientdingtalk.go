package clientdingtalk // want package:"exposes carriers" package:"client of another vendor"

// This fixture proves that DingTalk replies, which carry errcode too, are
// no family's: 40001 and 42001 are DingTalk's codes here.

import "encoding/json"

const gettoken = "https://oapi.dingtalk.com/gettoken?appkey=%s&appsecret=%s"

func expired(body []byte) bool {
	var result map[string]any
	if err := json.Unmarshal(body, &result); err != nil {
		return false
	}
	code, _ := result["errcode"].(float64)
	return code == 42001 || code == 40001
}

type reply struct {
	ErrCode int `json:"errcode"`
}

func failed(r reply) bool { return r.ErrCode == 40001 }
