// Package mine is a package of the user's own code with constants of
// WeChat's values: some named after the number only.
package mine

const (
	Code40003  = 40003
	Code40013  = 40013
	WrongAppID = 40013
)
