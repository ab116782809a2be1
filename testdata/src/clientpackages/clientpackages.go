package clientpackages // want package:"exposes carriers" package:"client of wecom"

// This fixture proves -client-packages: run with
// client-packages wecom=clientpackages, the package is a WeCom client
// though its code does not say so (its host comes from configuration);
// the pattern names this package only, so clientpackages/official keeps
// the Official Account's meanings.

type reply struct {
	ErrCode int `json:"errcode"`
}

func secretWrong(r reply) bool {
	return r.ErrCode == 40001 // want `errcode 40001 compared as a magic number: 不合法的secret参数 \(wecom.InvalidSecret\)`
}

func userMissing(r reply) bool {
	return r.ErrCode == 60111 // want `errcode 60111 compared as a magic number: userID不存在`
}
