package readfile

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestContains(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "f")
	needles := [][]byte{[]byte(`"errcode`), []byte(`"resultCode`)}
	buf := make([]byte, 32) // small, so that needles straddle reads
	for _, c := range []struct {
		content string
		want    bool
	}{
		{"", false},
		{`"errcode`, true},
		{`x "errcod`, false},
		{strings.Repeat("x", 20) + `"resultCode"` + strings.Repeat("y", 100), true}, // across the first two reads
		{strings.Repeat("x", 29) + `"errcode"`, true},
		{strings.Repeat(`"errcod "resultCod `, 50), false},
		{strings.Repeat("z", 1000) + `"errcode`, true},
	} {
		if err := os.WriteFile(name, []byte(c.content), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, b := range [][]byte{buf, nil, make([]byte, BufferSize)} {
			got, err := Contains(name, b, needles)
			if err != nil || got != c.want {
				t.Errorf("Contains(%.40q..., buffer of %d) = %v, %v; want %v", c.content, len(b), got, err, c.want)
			}
		}
	}
	if _, err := Contains(filepath.Join(dir, "missing"), buf, needles); !os.IsNotExist(err) {
		t.Errorf("Contains, a missing file: %v, want a not-exist error", err)
	}
	if _, err := Contains(dir, buf, needles); err == nil {
		t.Errorf("Contains, a directory: no error")
	}
}

func TestCopy(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "f")
	for _, size := range []int{0, 1, BufferSize - 1, BufferSize, 3*BufferSize + 5} {
		want := bytes.Repeat([]byte{'e', 'r', 'r'}, size/3+1)[:size]
		if err := os.WriteFile(name, want, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, b := range [][]byte{nil, make([]byte, 100), make([]byte, BufferSize)} {
			var got bytes.Buffer
			if err := Copy(&got, name, b); err != nil || !bytes.Equal(got.Bytes(), want) {
				t.Errorf("Copy, %d bytes through a buffer of %d: got %d bytes, %v", size, len(b), got.Len(), err)
			}
		}
	}
	if err := Copy(new(bytes.Buffer), filepath.Join(dir, "missing"), nil); !os.IsNotExist(err) {
		t.Errorf("Copy, a missing file: %v, want a not-exist error", err)
	}
}
