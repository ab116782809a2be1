package clientboth // want package:"exposes carriers" package:"client of wechat, client of wecom"

// This fixture proves that a package calling both the Official Account and
// WeCom gets no family's meaning for a value the two tables explain
// differently (40001, 40013), nor for one only WeCom has (60011); a value
// both explain alike (42001, an expired token) is still reported.

const (
	mp   = "https://api.weixin.qq.com/cgi-bin/token"
	work = "https://qyapi.weixin.qq.com/cgi-bin/gettoken"
)

type reply struct {
	ErrCode int `json:"errcode"`
}

func classify(r reply) string {
	switch r.ErrCode {
	case 40001, 40013, 60011:
		return "ambiguous"
	case 42001: // want `errcode 42001 compared as a magic number: access_token expired \(wechat.AccessTokenExpired\)`
		return "renew"
	}
	return ""
}
