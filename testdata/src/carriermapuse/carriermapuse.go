package carriermapuse

// This fixture proves that a loosely decoded JSON map is found in a package
// that only uses one from another package (a function's result, a named map
// type), with no variable of its own and no fact to go by.

import "carriermapuse/decode"

func handle() bool {
	return decode.Body()["errcode"].(float64) == 42001 || decode.Reply()["errcode"].(float64) == 40001 // want `errcode 42001 compared as a magic number: .*` `errcode 40001 compared as a magic number: .*`
}
