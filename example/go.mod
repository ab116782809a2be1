// The example is a module of its own, as a user's would be: it requires
// the constants modules, not the linter, and replaces them by this
// repository's copies until they are published.
module github.com/errcodevet/errcodevet/example

go 1.22

require (
	github.com/errcodevet/errcodevet/miniprogram v0.0.0
	github.com/errcodevet/errcodevet/wechat v0.0.0 // the fixes of wechat.go import it
)

replace (
	github.com/errcodevet/errcodevet/miniprogram => ../miniprogram
	github.com/errcodevet/errcodevet/wechat => ../wechat
)
