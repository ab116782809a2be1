package wrap // want package:"exposes carriers"

// This fixture declares no carrier itself: it exposes carriers because it
// imports a package that does, and its function returns one through the
// fact of the function it calls.

import "carrierfacts/sdk"

func Code(e *sdk.CommonError) int64 { return e.Code() } // want Code:"returns wechat code"

// Query hands on the results of a call of several.
func Query(e *sdk.CommonError) (int64, error) { return e.Check() } // want Query:"returns wechat code"
