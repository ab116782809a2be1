module github.com/errcodevet/errcodevet/wecom

go 1.18
