package atomicfile

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestReplaceAll proves that ReplaceAll writes every file, keeping modes,
// hard links and symbolic links, and none when one is read-only.
func TestReplaceAll(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string, perm os.FileMode) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), perm); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, perm); err != nil { // past the umask
			t.Fatal(err)
		}
		return path
	}
	read := func(path string) string {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	plain := write("plain.go", "old", 0o640)
	linked := write("linked.go", "old", 0o644)
	target := write("target.go", "old", 0o644)
	readOnly := write("ro.go", "old", 0o444)
	if runtime.GOOS != "windows" {
		if err := os.Link(linked, filepath.Join(dir, "link.go")); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("target.go", filepath.Join(dir, "symlink.go")); err != nil {
			t.Fatal(err)
		}
	}

	err := ReplaceAll([]Change{{plain, []byte("new")}, {readOnly, []byte("new")}})
	if err == nil || !strings.Contains(err.Error(), "ro.go: read-only (mode -r--r--r--); no file was changed") {
		t.Errorf("err = %v, want ro.go refused", err)
	}
	if read(plain) != "old" || read(readOnly) != "old" {
		t.Error("a file was written")
	}

	changes := []Change{{plain, []byte("new")}}
	if runtime.GOOS != "windows" {
		changes = append(changes, Change{linked, []byte("new")}, Change{filepath.Join(dir, "symlink.go"), []byte("new")})
	}
	if err := ReplaceAll(changes); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(plain); err != nil || read(plain) != "new" || info.Mode().Perm() != 0o640 && runtime.GOOS != "windows" {
		t.Errorf("plain.go: %q, %v, %v", read(plain), info.Mode(), err)
	}
	if runtime.GOOS == "windows" {
		return
	}
	if read(filepath.Join(dir, "link.go")) != "new" {
		t.Error("the hard link was parted from the file")
	}
	if info, err := os.Lstat(filepath.Join(dir, "symlink.go")); err != nil || info.Mode()&os.ModeSymlink == 0 || read(target) != "new" {
		t.Errorf("the symbolic link was replaced, or its target not written: %v %v", info.Mode(), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 6 {
		t.Errorf("files left beside: %v", entries)
	}
}
