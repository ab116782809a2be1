package wecomwrapfield // want package:"exposes carriers"

// This fixture proves that a field of a struct declared by a WeCom wrapper
// holds WeCom's values where it is read, though this package neither
// imports the wrapper (the value reaches it through a type alias of
// another package) nor shows evidence of its own; and that a package
// without any evidence keeps the Official Account's meaning for its own
// errcode field.

import "wecomwrapfield/alias"

func dataConflict(r alias.Reply) bool {
	return r.ErrCode == 6000 // want `errcode 6000 compared as a magic number: 数据版本冲突 \(wecom.DataVersionConflict\)`
}

type mpReply struct {
	ErrCode int `json:"errcode"`
}

func credentialWrong(r mpReply) bool {
	return r.ErrCode == 40001 // want `errcode 40001 compared as a magic number: incorrect AppSecret or invalid access_token \(wechat.InvalidCredential\)`
}
