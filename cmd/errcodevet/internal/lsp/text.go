package lsp

import (
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"unicode/utf8"
)

// A mapper converts byte offsets of one file's contents to LSP positions:
// lines split at "\n", "\r\n" and "\r" as the protocol says (go/token
// counts "\n" only), characters counted in UTF-16 code units.
type mapper struct {
	content    []byte
	lineStarts []int
}

func newMapper(content []byte) *mapper {
	m := &mapper{content: content, lineStarts: []int{0}}
	for i := 0; i < len(content); i++ {
		switch content[i] {
		case '\n':
			m.lineStarts = append(m.lineStarts, i+1)
		case '\r':
			if i+1 < len(content) && content[i+1] == '\n' {
				i++
			}
			m.lineStarts = append(m.lineStarts, i+1)
		}
	}
	return m
}

// position returns the position of offset, which must be within the
// contents or at their end.
func (m *mapper) position(offset int) (position, error) {
	if offset < 0 || offset > len(m.content) {
		return position{}, fmt.Errorf("offset %d outside the file's %d bytes", offset, len(m.content))
	}
	line := sort.Search(len(m.lineStarts), func(i int) bool { return m.lineStarts[i] > offset }) - 1
	return position{Line: uint32(line), Character: uint32(utf16Len(m.content[m.lineStarts[line]:offset]))}, nil
}

func (m *mapper) rangeOf(start, end int) (lspRange, error) {
	s, err := m.position(start)
	if err != nil {
		return lspRange{}, err
	}
	e, err := m.position(end)
	if err != nil {
		return lspRange{}, err
	}
	return lspRange{Start: s, End: e}, nil
}

// utf16Len returns the length of b in UTF-16 code units. An invalid byte
// counts as one unit, as the U+FFFD it decodes to.
func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		b = b[size:]
	}
	return n
}

// uriToPath returns the file path of a file: URI.
func uriToPath(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", fmt.Errorf("invalid document URI %q: %v", uri, err)
	}
	if u.Scheme != "file" {
		return "", fmt.Errorf("document URI %q: scheme %q is not supported, only file", uri, u.Scheme)
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		// file:///C:/dir/file.go
		p = strings.TrimPrefix(p, "/")
	}
	p = filepath.FromSlash(p)
	if !filepath.IsAbs(p) {
		return "", fmt.Errorf("document URI %q does not name an absolute path", uri)
	}
	return filepath.Clean(p), nil
}

// pathToURI returns the file: URI of an absolute path.
func pathToURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
