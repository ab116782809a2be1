module example.com/golangcifixture

go 1.26.0

require (
	github.com/errcodevet/errcodevet v0.0.0
	github.com/errcodevet/errcodevet/wechat v0.0.0
)

replace (
	github.com/errcodevet/errcodevet => ../..
	github.com/errcodevet/errcodevet/wechat => ../../wechat
)
