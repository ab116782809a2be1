module github.com/errcodevet/errcodevet/alipay

go 1.18
