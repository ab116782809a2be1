package measure

import (
	"os"
	"syscall"
)

// MaxRSS returns the peak resident set of an exited process and its
// waited-for descendants, in KiB (macOS reports ru_maxrss in bytes).
func MaxRSS(st *os.ProcessState) int64 {
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss / 1024
	}
	return 0
}
