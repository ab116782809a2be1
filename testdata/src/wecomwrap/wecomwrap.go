package wecomwrap // want package:"exposes carriers" package:"client of wecom"

// This fixture is a service's own WeCom client, a wrapper: its code names
// the host it calls, and its importers (wecomwrapuse, wecomwrapboth,
// wecomwrapfield) compare the errcode values it returns. It passes its
// evidence on as a fact, so they are WeCom clients too.

import "net/http"

const base = "https://qyapi.weixin.qq.com/cgi-bin"

// Reply is what every WeCom API answers.
type Reply struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// Get calls a WeCom API.
func Get(c *http.Client, path string) (Reply, error) {
	_, err := c.Get(base + path)
	return Reply{}, err
}
