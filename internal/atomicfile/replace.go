package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A Change is an existing file's new content.
type Change struct {
	Path string
	Data []byte
}

// ReplaceAll gives each file its new content, all or none, keeping each
// file's mode and owner, and refusing a file its user may not write (as
// gofmt -w does) or that no one may (mode 0444: made read-only on
// purpose, even for root).
//
// Every new content is first written beside its file, in a temporary file
// given the file's mode and owner; only when all are written are they
// renamed over their files. A file that cannot be replaced so is written
// in place: one with other hard links (a rename would part them), or one
// whose owner the replacement cannot take (another user's file, writable
// by this one) or whose directory is not writable. A symbolic link is
// followed: the file it names is written.
//
// On an error before the renames nothing has changed, and the error says
// so. A rename or an
// in-place write that fails then (rare: the disk failed or filled) is
// undone by writing back the old content of every file already written;
// the error says so, or which file could not be restored.
func ReplaceAll(changes []Change) (err error) {
	staged := make([]*stagedFile, 0, len(changes))
	defer func() {
		for _, s := range staged {
			if s.tmp != "" {
				os.Remove(s.tmp)
			}
		}
	}()
	for _, c := range changes {
		s, err := stage(c)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err // the path is the one resolved, or the same
			}
			return fmt.Errorf("%s: %w; no file was changed", c.Path, err)
		}
		staged = append(staged, s)
	}
	for i, s := range staged {
		if err := s.commit(); err != nil {
			return fmt.Errorf("%s: %w%s", changes[i].Path, err, restore(staged[:i+1]))
		}
		s.tmp = ""
	}
	return nil
}

// stagedFile is a change ready to be committed.
type stagedFile struct {
	path    string // the file written: the target of a symbolic link
	old     []byte // its content, for undoing
	data    []byte
	tmp     string // the replacement, or "" to write in place
	written bool   // committed, or partly (to restore)
}

func stage(c Change) (*stagedFile, error) {
	path, err := filepath.EvalSymlinks(c.Path)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if info.Mode().Perm()&0o222 == 0 {
		return nil, fmt.Errorf("read-only (mode %v)", info.Mode().Perm())
	}
	// The user's own permission, as the system sees it.
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return nil, err
	}
	f.Close()
	old, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s := &stagedFile{path: path, old: old, data: c.Data}
	if links(info) > 1 {
		return s, nil // in place
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if errors.Is(err, fs.ErrPermission) {
		return s, nil // a directory the user may not write: in place, as gofmt -w does
	}
	if err != nil {
		return nil, err
	}
	s.tmp = tmp.Name()
	if ok, err := fill(tmp, c.Data, info); err != nil {
		return nil, err
	} else if !ok {
		os.Remove(s.tmp)
		s.tmp = "" // the owner cannot be kept in a replacement: in place
	}
	return s, nil
}

// fill writes data into tmp, gives it the mode and owner of the file it
// replaces, and closes it. ok is false if the owner cannot be given.
func fill(tmp *os.File, data []byte, like fs.FileInfo) (ok bool, err error) {
	defer func() {
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return false, err
	}
	if !sameOwner(tmp, like) {
		return false, nil
	}
	if err := tmp.Chmod(like.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)); err != nil {
		return false, err
	}
	return true, tmp.Sync()
}

func (s *stagedFile) commit() error {
	if s.tmp != "" {
		if err := os.Rename(s.tmp, s.path); err != nil {
			return err
		}
		s.written = true
		return nil
	}
	s.written = true // a failed write may have truncated it
	return writeInPlace(s.path, s.data)
}

// writeInPlace overwrites the file at path with data, keeping its inode,
// mode and owner.
func writeInPlace(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// restore writes back the old content of the files written, and says how
// that went, as the end of an error message.
func restore(staged []*stagedFile) string {
	var failed []string
	n := 0
	for _, s := range staged {
		if !s.written {
			continue
		}
		n++
		if err := writeInPlace(s.path, s.old); err != nil {
			failed = append(failed, fmt.Sprintf("%s (%v)", s.path, err))
		}
	}
	switch {
	case len(failed) > 0:
		return fmt.Sprintf("; could not restore %s", strings.Join(failed, ", "))
	case n > 0:
		return "; the files written before it were restored: no file changed"
	}
	return ""
}
