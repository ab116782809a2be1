package engine

// SetHugeFileLines sets the size from which a file's package is loaded
// without being compiled, until the returned func restores it.
func SetHugeFileLines(n int) (restore func()) {
	old := hugeFileLines
	hugeFileLines = n
	return func() { hugeFileLines = old }
}
