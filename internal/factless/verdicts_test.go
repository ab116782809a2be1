package factless

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/errcodevet/errcodevet/analyzer"
)

// TestVerdictKey checks what a kept verdict of the dependency rule is keyed
// by: a file in the module cache by its name alone (the go command writes
// it once), any other file by its name, size and modification time too.
func TestVerdictKey(t *testing.T) {
	modcache := t.TempDir()
	t.Setenv("GOMODCACHE", modcache)
	quoted := [][]byte{[]byte(`"errcode`)}
	for _, c := range []struct {
		dir      string
		byStamps bool
	}{
		{filepath.Join(modcache, "example.com", "sdk@v1.0.0"), false},
		{t.TempDir(), true}, // a workspace module, a local replace, GOROOT
	} {
		if err := os.MkdirAll(c.dir, 0o755); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(c.dir, "sdk.go")
		if err := os.WriteFile(file, []byte("package sdk\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		before := verdictKey(quoted, c.dir, []string{file})
		later := time.Now().Add(time.Hour)
		if err := os.Chtimes(file, later, later); err != nil {
			t.Fatal(err)
		}
		after := verdictKey(quoted, c.dir, []string{file})
		if before == "" || after == "" || (before != after) != c.byStamps {
			t.Errorf("%s: key before and after a new modification time: %q, %q; want them different: %v", c.dir, before, after, c.byStamps)
		}
		if other := verdictKey([][]byte{[]byte(`"resultCode`)}, c.dir, []string{file}); other == after {
			t.Errorf("%s: the same key for other keys looked for", c.dir)
		}
		if err := os.Remove(file); err != nil {
			t.Fatal(err)
		}
		if got := verdictKey(quoted, c.dir, []string{file}); (got == "") != c.byStamps {
			t.Errorf("%s: key of a removed file: %q", c.dir, got)
		}
	}
}

// TestKeptVerdicts checks that Save keeps, besides this run's verdicts,
// those of earlier runs over other projects and drops those no run used
// for more than five days, that a later run takes a kept verdict instead
// of reading the files, and that a run with nothing new writes nothing.
func TestKeptVerdicts(t *testing.T) {
	modcache := t.TempDir()
	t.Setenv("GOMODCACHE", modcache)
	cache := t.TempDir()
	path := verdictsPath(cache)
	today := time.Now().Unix() / (24 * 60 * 60)
	old, recent := strings.Repeat("0", 64), strings.Repeat("1", 64)
	seed := fmt.Sprintf("%s%s 1 %d\n%s 0 %d\n", verdictsHeader, old, today-verdictLife-1, recent, today-verdictLife)
	if err := os.WriteFile(path, []byte(seed), 0o644); err != nil {
		t.Fatal(err)
	}
	// run is one run over a project whose one dependency is the module
	// mod, whose file holds src; it returns the rule's answer and the key
	// of the one verdict the run added.
	run := func(mod, src string) (carriers bool, added string) {
		t.Helper()
		dir := filepath.Join(modcache, "example.com", mod+"@v1.0.0")
		file := filepath.Join(dir, mod+".go")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		a, err := New(analyzer.Config{}, "")
		if err != nil {
			t.Fatal(err)
		}
		rule := a.Rule(cache)
		before := readVerdicts(path)
		carriers = rule.Carriers("example.com/"+mod, dir, []string{file})
		rule.Save()
		for key := range readVerdicts(path) {
			if _, ok := before[key]; !ok {
				added = key
			}
		}
		return carriers, added
	}
	carriers, sdk := run("sdk", "package sdk\n\ntype Resp struct {\n\tCode int `json:\"errcode\"`\n}\n")
	if !carriers || sdk == "" {
		t.Fatalf("project 1, module sdk: carriers %v, verdict added %q; want true and one", carriers, sdk)
	}
	carriers, util := run("util", "package util\n")
	if carriers || util == "" {
		t.Fatalf("project 2, module util: carriers %v, verdict added %q; want false and one", carriers, util)
	}
	want := map[string]keptVerdict{sdk: {true, today}, util: {false, today}, recent: {false, today - verdictLife}}
	if got := readVerdicts(path); !maps.Equal(got, want) {
		t.Errorf("kept verdicts after both projects' runs:\n%v\nwant\n%v", got, want)
	}

	// Project 1 again: sdk's verdict is kept, its files are not read (a
	// module version never changes: here it does, to show it).
	if err := os.Chtimes(path, time.Unix(0, 0), time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	if carriers, added := run("sdk", "package sdk\n"); !carriers || added != "" {
		t.Errorf("project 1 again: carriers %v, verdict added %q; want the kept true and none", carriers, added)
	}
	if fi, err := os.Stat(path); err != nil || !fi.ModTime().Equal(time.Unix(0, 0)) {
		t.Errorf("a run with no new verdict wrote the verdicts file (%v)", err)
	}
}

// TestReadVerdicts checks that a verdicts file that Save did not write
// whole reads as no verdicts.
func TestReadVerdicts(t *testing.T) {
	key := strings.Repeat("a", 64)
	for _, c := range []struct {
		data string
		want map[string]keptVerdict
	}{
		{verdictsHeader + key + " 1 20000\n", map[string]keptVerdict{key: {true, 20000}}},
		{verdictsHeader, map[string]keptVerdict{}},
		{"", nil},
		{`{"` + key + `":true}`, nil}, // an older format
		{verdictsHeader + key + " 1 20000", nil},
		{verdictsHeader + key + " 1\n", nil},
		{verdictsHeader + key + " 2 20000\n", nil},
		{verdictsHeader + key[1:] + " 0 20000\n", nil},
		{verdictsHeader + key + " 1 20000\n\x00\x00\x00\n", nil},
	} {
		path := filepath.Join(t.TempDir(), "verdicts")
		if err := os.WriteFile(path, []byte(c.data), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := readVerdicts(path); !maps.Equal(got, c.want) || (got == nil) != (c.want == nil) {
			t.Errorf("readVerdicts of %q = %v, want %v", c.data, got, c.want)
		}
	}
}

// BenchmarkReadVerdicts measures what every run that analyzes pays to read
// a verdicts file of 20,000 entries.
func BenchmarkReadVerdicts(b *testing.B) {
	var data []byte
	data = append(data, verdictsHeader...)
	for i := range 20000 {
		data = fmt.Appendf(data, "%064x %d %d\n", i*7919, i%2, 20000+i%5)
	}
	path := filepath.Join(b.TempDir(), "verdicts")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if len(readVerdicts(path)) != 20000 {
			b.Fatal("not 20000 verdicts")
		}
	}
}
