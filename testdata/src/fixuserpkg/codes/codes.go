package codes

// This fixture is the user's own package of constants.

const (
	TokenExpired = 42001
	Busy         = -1
)
