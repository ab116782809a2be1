package wecomclient // want package:"exposes carriers" package:"client of wecom"

// This fixture proves that go-workwx's error carries a WeCom
// errcode: its values are explained and fixed with WeCom's table and
// constants, never the Official Account's (60011 and 6000 mean nothing
// there; 40001 means another thing).

import (
	"errors"

	workwx "github.com/xen0n/go-workwx"
)

func userName(app *workwx.WorkwxApp, id string) (string, bool) {
	u, err := app.GetUser(id)
	var e *workwx.WorkwxClientError
	if errors.As(err, &e) {
		switch e.Code {
		case 60011: // want `errcode 60011 compared as a magic number: 指定的成员/部门/标签参数无权限 \(wecom.NoPrivilege\)`
			return "", false
		case 40001: // want `errcode 40001 compared as a magic number: 不合法的secret参数 \(wecom.InvalidSecret\)`
			return "", false
		}
		if e.Code == 6000 { // want `errcode 6000 compared as a magic number: 数据版本冲突 \(wecom.DataVersionConflict\)`
			return userName(app, id)
		}
		return "", false
	}
	return u.Name, err == nil
}
