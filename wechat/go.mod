module github.com/errcodevet/errcodevet/wechat

go 1.18
