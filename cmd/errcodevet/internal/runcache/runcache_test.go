package runcache

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestTrim checks that Trim removes the entries, marks and temporary files
// not used for five days and keeps the others and whatever is not its
// own, and that its stamp limits it to once a day.
func TestTrim(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-trimLimit - 2*mtimeInterval)
	file := func(name string, mtime time.Time) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, mtime, mtime); err != nil {
			t.Fatal(err)
		}
		return path
	}
	oldEntry, oldMark := key("old entry"), key("old mark")
	freshEntry, freshMark := key("fresh entry"), key("fresh mark")
	gone := []string{
		file(oldEntry[:2]+"/"+oldEntry+".json", old),
		file(oldMark[:2]+"/"+oldMark+".kept", old),
		file(oldEntry[:2]+"/."+oldEntry+".json.tmp123", old),
	}
	stay := []string{
		file(freshEntry[:2]+"/"+freshEntry+".json", time.Now().Add(-trimLimit+mtimeInterval)),
		file(freshMark[:2]+"/"+freshMark+".kept", time.Now()),
		file("dependency-carriers.txt", old),
		file(oldEntry[:2]+"/notes.json", old),
		file("notes/"+oldEntry+".json", old),
	}
	// A symbolic link out of the cache is not followed.
	outside := t.TempDir()
	target := filepath.Join(outside, oldEntry+".json")
	if err := os.WriteFile(target, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(target, old, old); err != nil {
		t.Fatal(err)
	}
	stay = append(stay, target)
	if err := os.Symlink(outside, filepath.Join(dir, "ee")); err != nil {
		t.Logf("no symbolic link: %v", err)
	}

	Trim(dir)
	for _, path := range gone {
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("%s, unused for more than 5 days, was not trimmed (stat: %v)", path, err)
		}
	}
	for _, path := range stay {
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s was trimmed: %v", path, err)
		}
	}

	// The stamp: no second trim the same day.
	again := file(oldEntry[:2]+"/"+oldEntry+".json", old)
	Trim(dir)
	if _, err := os.Stat(again); err != nil {
		t.Errorf("trimmed twice within a day: %v", err)
	}
	stamp := filepath.Join(dir, "trim.txt")
	yesterday := time.Now().Add(-trimInterval - time.Minute)
	if err := os.Chtimes(stamp, yesterday, yesterday); err != nil {
		t.Fatal(err)
	}
	Trim(dir)
	if _, err := os.Stat(again); !os.IsNotExist(err) {
		t.Errorf("not trimmed a day after the last trim (stat: %v)", err)
	}
	// A stamp from the future: the clock was set back.
	again = file(oldEntry[:2]+"/"+oldEntry+".json", old)
	future := time.Now().Add(2 * mtimeInterval)
	if err := os.Chtimes(stamp, future, future); err != nil {
		t.Fatal(err)
	}
	Trim(dir)
	if _, err := os.Stat(again); !os.IsNotExist(err) {
		t.Errorf("not trimmed under a stamp from the future (stat: %v)", err)
	}
}

// TestUse checks that a hit refreshes an entry's modification time, its
// last use, when it is older than an hour, and only then, and that a run
// finding its mark refreshes the mark.
func TestUse(t *testing.T) {
	dir := t.TempDir()
	k := key("entry")
	Put(dir, k, Entry{Stderr: []byte("finding\n"), Exit: 3})
	path := entryPath(dir, k)
	for _, c := range []struct {
		age     time.Duration
		refresh bool
	}{
		{trimLimit, true},
		{2 * mtimeInterval, true},
		{mtimeInterval / 2, false},
	} {
		mtime := time.Now().Add(-c.age).Truncate(time.Second)
		if err := os.Chtimes(path, mtime, mtime); err != nil {
			t.Fatal(err)
		}
		if e, ok := Get(dir, k); !ok || string(e.Stderr) != "finding\n" || e.Exit != 3 {
			t.Fatalf("Get = %+v, %v; want the entry put", e, ok)
		}
		if refreshed := !modTime(t, path).Equal(mtime); refreshed != c.refresh {
			t.Errorf("hit on an entry last used %v ago: refreshed %v, want %v", c.age, refreshed, c.refresh)
		}
	}
	if _, ok := Get(dir, key("missing")); ok {
		t.Error("Get of a key never put found an entry")
	}

	// A run in a module of its own, kept once: the next one with the same
	// arguments finds and refreshes its mark.
	mod := t.TempDir()
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(mod)
	r, ok := Start(dir, []string{"."}, []string{"."}, nil)
	if !ok {
		t.Fatal("run not cached")
	}
	r.Put(Entry{})
	mark := r.markPath()
	old := time.Now().Add(-trimLimit).Truncate(time.Second)
	if err := os.Chtimes(mark, old, old); err != nil {
		t.Fatal(err)
	}
	if _, ok := Start(dir, []string{"."}, []string{"."}, nil); !ok {
		t.Fatal("second run not cached")
	}
	if modTime(t, mark).Equal(old) {
		t.Errorf("a run that found the mark %s did not refresh it", mark)
	}
}

func key(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func modTime(t *testing.T, path string) time.Time {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.ModTime()
}
