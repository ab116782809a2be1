package clientwecom // want package:"exposes carriers" package:"client of wecom"

// This fixture proves that a hand-written WeCom client, known by the host
// it calls, gets WeCom's meanings and constants for its errcode values;
// clientofficial, beside it, still gets the Official Account's.

import (
	"encoding/json"
	"net/http"
)

const api = "https://qyapi.weixin.qq.com/cgi-bin"

type reply struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func addTagUsers(token string) (retry bool, err error) {
	resp, err := http.Post(api+"/tag/addtagusers?access_token="+token, "application/json", nil)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	var r reply
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return false, err
	}
	switch r.ErrCode {
	case 60011: // want `errcode 60011 compared as a magic number: 指定的成员/部门/标签参数无权限 \(wecom.NoPrivilege\)`
		return false, nil
	case 6000: // want `errcode 6000 compared as a magic number: 数据版本冲突 \(wecom.DataVersionConflict\)`
		return true, nil
	}
	return r.ErrCode == 40001, nil // want `errcode 40001 compared as a magic number: 不合法的secret参数 \(wecom.InvalidSecret\)`
}
