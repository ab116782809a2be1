// Package atomicfile writes files so that a reader sees the old content or
// the new, never a half-written file: the data goes to a temporary file in
// the same directory, which is then renamed over the target.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write replaces path with data, durably: the data reaches the disk before
// the rename, so a crash leaves the old file or the new one. For the user's
// files (fixed sources, reports). On any error the target is untouched and
// the temporary file is removed.
func Write(path string, data []byte, perm os.FileMode) error {
	return write(path, data, perm, true)
}

// WriteCache is Write without waiting for the disk: for cache entries,
// which are written by the hundred in one run and whose readers check them
// (a crash may lose an entry or leave one that fails its check; it is then
// computed again), like the go command's build cache. A golangci-lint run
// writes one facts record per package.
func WriteCache(path string, data []byte, perm os.FileMode) error {
	return write(path, data, perm, false)
}

func write(path string, data []byte, perm os.FileMode, sync bool) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if sync {
		if err = tmp.Sync(); err != nil {
			return err
		}
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
