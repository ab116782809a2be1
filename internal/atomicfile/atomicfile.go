// Package atomicfile writes files so that a reader sees the old content or
// the new, never a half-written file: the data goes to a temporary file in
// the same directory, which is then renamed over the target.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write replaces path with data. On any error the target is untouched and
// the temporary file is removed.
func Write(path string, data []byte, perm os.FileMode) (err error) {
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
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
