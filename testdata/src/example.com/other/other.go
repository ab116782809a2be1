package other

// This fixture is a library outside the user's code whose constants happen
// to share values with documented codes.

const (
	DefaultPort = 42001
	None        = 0
)
