//go:build !(linux || freebsd || netbsd || openbsd || dragonfly || darwin)

package measure

import "os"

// MaxRSS returns 0, reported as "n/a": the peak resident set comes from
// getrusage, which this system does not have (Windows would need its
// process memory API, through golang.org/x/sys, which this module does
// not depend on).
func MaxRSS(st *os.ProcessState) int64 { return 0 }
