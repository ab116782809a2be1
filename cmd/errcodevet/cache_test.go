package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcodevet/errcodevet/cmd/errcodevet/internal/runcache"
	"github.com/errcodevet/errcodevet/internal/testmodule"
)

// TestRunCache checks that a second run over unchanged code prints what
// the first printed, from the cache, and that editing a dependency that is
// not among the packages analyzed (its getter no longer returns the code)
// changes the findings, as does a configuration file.
func TestRunCache(t *testing.T) {
	cache := t.TempDir()
	t.Setenv(runcache.Env, cache)
	dir := testmodule.New(t, map[string]string{
		"sdk/sdk.go": `package sdk

type Resp struct {
	ErrCode int ` + "`json:\"errcode\"`" + `
	Other   int
}

func (r *Resp) Code() int { return r.ErrCode }
`,
		"user/user.go": `package user

import "example.com/fixture/sdk"

func Expired(r *sdk.Resp) bool { return r.Code() == 42001 }
`,
	})
	code, first, _ := runIn(t, dir, "./user")
	if code != exitFindings || !strings.Contains(first, "user/user.go:5:") || !strings.Contains(first, "(magic-code)") {
		t.Fatalf("first run: exit %d, stdout\n%s\nwant the magic-code finding through sdk's getter", code, first)
	}
	entries, _ := filepath.Glob(filepath.Join(cache, "*", "*.json"))
	if len(entries) != 1 {
		t.Fatalf("%d cache entries after the first run, want 1", len(entries))
	}
	if _, err := os.Stat(filepath.Join(cache, "trim.txt")); err != nil {
		t.Errorf("the first run did not trim the cache: %v", err)
	}
	code, second, _ := runIn(t, dir, "./user")
	if code != exitFindings || second != first {
		t.Fatalf("second run: exit %d, stdout\n%s\nwant the first's\n%s", code, second, first)
	}
	// The second run's output came from the entry.
	if err := os.WriteFile(entries[0], []byte(`{"stdout":"Y2FjaGVk","exit":3}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, out, _ := runIn(t, dir, "./user"); out != "cached" {
		t.Fatalf("third run printed %q, want the cache entry's %q", out, "cached")
	}

	sdk := filepath.Join(dir, "sdk", "sdk.go")
	data, err := os.ReadFile(sdk)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "return r.ErrCode", "return r.Other", 1)
	if err := os.WriteFile(sdk, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := runIn(t, dir, "./user"); code != exitOK || out != "" {
		t.Fatalf("after sdk's getter stopped returning the errcode: exit %d, stdout\n%s\nwant nothing", code, out)
	}
	if err := os.WriteFile(sdk, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, out, _ := runIn(t, dir, "./user"); out != "cached" {
		t.Fatalf("sdk restored: printed %q, want the first entry's %q", out, "cached")
	}
	config := filepath.Join(dir, ".errcodevet.yaml")
	if err := os.WriteFile(config, []byte("checks: [string-code]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := runIn(t, dir, "./user"); code != exitOK || out != "" {
		t.Fatalf("with magic-code turned off in %s: exit %d, stdout\n%s\nwant nothing", config, code, out)
	}

	t.Setenv(runcache.Env, "off")
	if err := os.Remove(config); err != nil {
		t.Fatal(err)
	}
	if _, out, _ := runIn(t, dir, "./user"); out != first {
		t.Fatalf("cache off: stdout\n%s\nwant\n%s", out, first)
	}
}
