package official // want package:"exposes carriers"

// Not matched by the pattern clientpackages (no /...): an Official
// Account client, as a package with no evidence is.

type reply struct {
	ErrCode int `json:"errcode"`
}

func renew(r reply) bool {
	return r.ErrCode == 40001 // want `errcode 40001 compared as a magic number: incorrect AppSecret or invalid access_token \(wechat.InvalidCredential\)`
}

func userMissing(r reply) bool {
	return r.ErrCode == 60111 // not an Official Account code: nothing to say
}
