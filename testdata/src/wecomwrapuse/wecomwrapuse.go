package wecomwrapuse // want package:"exposes carriers"

// This fixture proves that a package using a WeCom wrapper of another
// package (wecomwrap names qyapi.weixin.qq.com, this package does not) is
// a WeCom client: the wrapper's Reply.ErrCode and this package's own
// errcode field hold WeCom's values. It passes nothing on: only a
// package's own evidence is a fact.

import (
	"net/http"

	"wecomwrap"
)

func noPrivilege(c *http.Client) bool {
	r, err := wecomwrap.Get(c, "/user/get")
	return err == nil && r.ErrCode == 60011 // want `errcode 60011 compared as a magic number: 指定的成员/部门/标签参数无权限 \(wecom.NoPrivilege\)`
}

type ack struct {
	ErrCode int `json:"errcode"`
}

func secretWrong(a ack) bool {
	return a.ErrCode == 40001 // want `errcode 40001 compared as a magic number: 不合法的secret参数 \(wecom.InvalidSecret\)`
}
