// Package readfile reads files through a small buffer the caller reuses,
// with as few system calls as the platform allows: the dependency rule
// searches the files of every dependency of a program (twelve thousand
// files, 140 MB for prometheus), where os.Open's set-up (a poller
// registration attempt and descriptor-flag calls on Linux) costs more than
// the reading, and a buffer the size of the largest file would cost memory.
package readfile

import (
	"bytes"
	"io"
)

// BufferSize is the size of the buffers callers should pass.
const BufferSize = 64 << 10

// Contains reports whether the named file contains one of needles, read
// through buf (at least twice the longest needle; BufferSize suits).
func Contains(name string, buf []byte, needles [][]byte) (bool, error) {
	longest := 0
	for _, n := range needles {
		longest = max(longest, len(n))
	}
	if longest == 0 {
		return false, nil
	}
	if len(buf) < 2*longest {
		buf = make([]byte, max(BufferSize, 2*longest))
	}
	f, err := open(name)
	if err != nil {
		return false, err
	}
	defer f.close()
	kept := 0 // bytes at the start of buf from the end of the last read: a needle may straddle two
	for {
		n, err := f.read(buf[kept:])
		if err != nil {
			return false, err
		}
		if n == 0 {
			return false, nil
		}
		window := buf[:kept+n]
		for _, needle := range needles {
			if bytes.Contains(window, needle) {
				return true, nil
			}
		}
		kept = min(longest-1, len(window))
		copy(buf, window[len(window)-kept:])
	}
}

// Copy writes the content of the named file to w, read through buf.
func Copy(w io.Writer, name string, buf []byte) error {
	if len(buf) == 0 {
		buf = make([]byte, BufferSize)
	}
	f, err := open(name)
	if err != nil {
		return err
	}
	defer f.close()
	for {
		n, err := f.read(buf)
		if err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
		if _, err := w.Write(buf[:n]); err != nil {
			return err
		}
	}
}
