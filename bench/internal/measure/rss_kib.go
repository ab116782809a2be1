//go:build linux || freebsd || netbsd || openbsd || dragonfly

package measure

import (
	"os"
	"syscall"
)

// MaxRSS returns the peak resident set of an exited process and its
// waited-for descendants, in KiB (the unit of ru_maxrss on Linux and the BSDs).
func MaxRSS(st *os.ProcessState) int64 {
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss
	}
	return 0
}
