module github.com/errcodevet/errcodevet/miniprogram

go 1.18
