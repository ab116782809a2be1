package carrier

import "testing"

func TestNamesHost(t *testing.T) {
	for _, tc := range []struct {
		s, host string
		want    bool
	}{
		{"https://qyapi.weixin.qq.com/cgi-bin/gettoken", "qyapi.weixin.qq.com", true},
		{"qyapi.weixin.qq.com", "qyapi.weixin.qq.com", true},
		{"calls api.weixin.qq.com.", "api.weixin.qq.com", true},
		{"https://API.weixin.qq.com", "api.weixin.qq.com", false}, // hosts are matched as written
		{"https://qyapi.weixin.qq.com/cgi-bin", "api.weixin.qq.com", false},
		{"https://api.weixin.qq.com.evil.example/", "api.weixin.qq.com", false},
		{"https://sh.api.weixin.qq.com/x https://api.weixin.qq.com/y", "api.weixin.qq.com", true},
		{"https://oapi.dingtalk.com/gettoken", "oapi.dingtalk.com", true},
		{"", "oapi.dingtalk.com", false},
	} {
		if got := namesHost(tc.s, tc.host); got != tc.want {
			t.Errorf("namesHost(%q, %q) = %v, want %v", tc.s, tc.host, got, tc.want)
		}
	}
}

func TestUnder(t *testing.T) {
	for _, tc := range []struct {
		path, prefix string
		want         bool
	}{
		{"github.com/xen0n/go-workwx", "github.com/xen0n/go-workwx", true},
		{"github.com/xen0n/go-workwx/errcodes", "github.com/xen0n/go-workwx", true},
		{"github.com/xen0n/go-workwx2", "github.com/xen0n/go-workwx", false},
		{"github.com/silenceper/wechat/v2/workflow", "github.com/silenceper/wechat/v2/work", false},
	} {
		if got := under(tc.path, tc.prefix); got != tc.want {
			t.Errorf("under(%q, %q) = %v, want %v", tc.path, tc.prefix, got, tc.want)
		}
	}
}
