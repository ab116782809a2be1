package clientsetting // want package:"exposes carriers" package:"client of wecom"

// This fixture proves that a catalog setting (testdata/catalog/wecomclients.yaml)
// makes a package a WeCom client when its code shows no evidence: its host
// comes from configuration.

type reply struct {
	ErrCode int `json:"errcode"`
}

func secretWrong(r reply) bool {
	return r.ErrCode == 40001 // want `errcode 40001 compared as a magic number: 不合法的secret参数 \(wecom.InvalidSecret\)`
}
