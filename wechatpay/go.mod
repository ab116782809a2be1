module github.com/errcodevet/errcodevet/wechatpay

go 1.18
