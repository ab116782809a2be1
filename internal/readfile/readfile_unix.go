//go:build unix

package readfile

import (
	"io/fs"
	"syscall"
)

// file is an open descriptor, read with plain system calls: open, read
// until it returns 0, close.
type file struct {
	fd   int
	name string
}

func open(name string) (file, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return file{}, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return file{fd: fd, name: name}, nil
	}
}

func (f file) read(p []byte) (int, error) {
	for {
		n, err := syscall.Read(f.fd, p)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, &fs.PathError{Op: "read", Path: f.name, Err: err}
		}
		return n, nil
	}
}

func (f file) close() { syscall.Close(f.fd) }
