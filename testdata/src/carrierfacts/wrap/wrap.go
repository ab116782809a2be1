package wrap // want package:"exposes carriers"

// This fixture declares no carrier itself: it exposes carriers because it
// imports a package that does, and its function returns one through the
// fact of the function it calls.

import "carrierfacts/sdk"

func Code(e *sdk.CommonError) int64 { return e.Code() } // want Code:"returns wechat code"
