//go:build !unix

package readfile

import (
	"errors"
	"io"
	"os"
)

type file struct{ f *os.File }

func open(name string) (file, error) {
	f, err := os.Open(name)
	return file{f}, err
}

// read returns 0 and no error at the end of the file, as read(2) does.
func (f file) read(p []byte) (int, error) {
	n, err := f.f.Read(p)
	if errors.Is(err, io.EOF) {
		err = nil
	}
	return n, err
}

func (f file) close() { f.f.Close() }
