package clientworksdk // want package:"exposes carriers" package:"client of wecom"

// This fixture proves that a reply declared in a WeCom SDK's work package
// carries WeCom's codes in a package that shows no evidence of its own.

import "github.com/ArtisanCloud/PowerWeChat/v3/src/work/user"

func visible(c *user.Client, id string) bool {
	r, err := c.Get(id)
	return err == nil && r.ErrCode != 60011 // want `errcode 60011 compared as a magic number: 指定的成员/部门/标签参数无权限 \(wecom.NoPrivilege\)`
}
