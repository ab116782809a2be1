//go:build unix

package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"
)

// BenchmarkLatency measures the time from a didChange or didSave to the
// publishDiagnostics it causes, debounce excluded (the server's wait after
// an edit adds to it), on the fixture package and on a generated package
// of many files and carriers that imports much of the standard library.
// Each iteration changes a literal, so the findings change too. The first
// analysis (dependencies type-checked from source, then cached) is
// reported as cold-ms; cpu-ms/op is the CPU time of an analysis, this
// process's and its go list's, which varies less than the wall time on a
// shared machine. Each package's typecheck is the baseline: packages.Load
// of the package with syntax and types, dependencies from export data.
//
//	go test -run '^$' -bench Latency -benchtime 20x ./cmd/errcodevet/internal/lsp
func BenchmarkLatency(b *testing.B) {
	fixture := fixturePath(b, "api/api.go")
	// The fixed fixture imports wechat, and so the runtime.
	fixtureText := strings.Replace(readFile(b, fixture), "package api\n", "package api\n\nimport \"github.com/errcodevet/errcodevet/wechat\"\n\nvar _ = wechat.SystemBusy\n", 1)
	ten, tenText := generateLarge(b, 10)
	large, largeText := generateLarge(b, 80)

	for _, pkg := range []struct {
		name, path, text string
	}{
		{"fixture", fixture, fixtureText},
		{"ten", ten, tenText},
		{"large", large, largeText},
	} {
		// The baseline the latencies are quoted against: a plain type-check
		// of the same package, as go vet or gopls start, its dependencies
		// from export data (go list -export, warm build cache).
		b.Run(pkg.name+"/typecheck", func(b *testing.B) {
			cfg := &packages.Config{
				Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
				Dir:  filepath.Dir(pkg.path),
				Env:  append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"),
			}
			for i := 0; i < b.N; i++ {
				pkgs, err := packages.Load(cfg, ".")
				if err != nil {
					b.Fatal(err)
				}
				if packages.PrintErrors(pkgs) > 0 {
					b.Fatal("the benchmark's package does not type-check")
				}
			}
		})
		for _, event := range []string{"change", "save"} {
			b.Run(pkg.name+"/"+event, func(b *testing.B) {
				c := startServer(b, Options{Log: discardLog{}})
				c.initialize(nil)
				t0 := time.Now()
				uri := c.open(pkg.path, pkg.text)
				if diags := c.nextFor(uri, 1); len(diags) == 0 {
					b.Fatal("no diagnostics in the benchmark's file")
				}
				cold := time.Since(t0)
				literals := []string{"42001", "40001", "45009", "40013"}
				version := int32(1)
				var cpu time.Duration
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					version++
					text := strings.Replace(pkg.text, "42001", literals[i%len(literals)], 1)
					if event == "change" {
						c.change(uri, version, text)
					} else {
						b.StopTimer()
						c.change(uri, version, text)
						c.nextFor(uri, version)
						b.StartTimer()
						c.notify("textDocument/didSave", didSaveParams{TextDocument: textDocumentIdentifier{URI: uri}})
					}
					cpu0 := cpuTime(b)
					want := literals[i%len(literals)]
					diags := c.nextFor(uri, version)
					cpu += cpuTime(b) - cpu0
					if len(diags) == 0 || !strings.Contains(diags[0].Message, want) {
						b.Fatalf("version %d: %+v, want a finding of %s first", version, diags, want)
					}
				}
				b.ReportMetric(float64(cold.Milliseconds()), "cold-ms")
				b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
			})
		}
	}
}

// cpuTime returns the CPU time used so far by this process and its
// terminated children (the go list runs).
func cpuTime(b *testing.B) time.Duration {
	var self, children syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &self); err != nil {
		b.Fatal(err)
	}
	if err := syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children); err != nil {
		b.Fatal(err)
	}
	tv := func(t syscall.Timeval) time.Duration { return time.Duration(t.Nano()) }
	return tv(self.Utime) + tv(self.Stime) + tv(children.Utime) + tv(children.Stime)
}

type discardLog struct{}

func (discardLog) Write(p []byte) (int, error) { return len(p), nil }

// generateLarge writes a module whose package client has files files,
// each declaring carriers, functions returning them and comparisons of
// their codes, and importing net/http, encoding/json and more; it returns
// the first file's path and contents.
func generateLarge(b *testing.B, files int) (string, string) {
	b.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	gomod := "module example.com/large\n\ngo 1.26.0\n\nrequire github.com/errcodevet/errcodevet v0.0.0\n\nreplace github.com/errcodevet/errcodevet => " + root + "\n"
	write(b, filepath.Join(dir, "go.mod"), gomod)
	var first, firstText string
	for i := range files {
		var sb strings.Builder
		fmt.Fprintf(&sb, `package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Response%[1]d is the response of API %[1]d.
type Response%[1]d struct {
	ErrCode int    `+"`json:\"errcode\"`"+`
	ErrMsg  string `+"`json:\"errmsg\"`"+`
	Items   []string `+"`json:\"items\"`"+`
}

// Result%[1]d is a Mini Program OpenAPI result.
type Result%[1]d struct {
	ResultCode   string `+"`json:\"resultCode\"`"+`
	ResultStatus string `+"`json:\"resultStatus\"`"+`
	ResultMessage string `+"`json:\"resultMessage\"`"+`
}

// Call%[1]d calls API %[1]d.
func Call%[1]d(ctx context.Context, c *http.Client, url string) (*Response%[1]d, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var r Response%[1]d
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return nil, fmt.Errorf("api %[1]d: %%w", err)
	}
	return &r, nil
}

// Handle%[1]d handles the outcome of API %[1]d.
func Handle%[1]d(ctx context.Context, c *http.Client, res Result%[1]d) (bool, error) {
	r, err := Call%[1]d(ctx, c, "https://api.example.com/%[1]d")
	if err != nil {
		return false, err
	}
	if r.ErrCode == 42001 || r.ErrCode == 40001 {
		return true, nil
	}
	switch r.ErrCode {
	case -1, 45009:
		return true, nil
	}
	switch res.ResultStatus {
	case "U":
		return true, nil
	case "F":
		return false, fmt.Errorf("%%s: %%s", res.ResultCode, res.ResultMessage)
	}
	return res.ResultCode == "PARAM_ILLEGAL", nil
}
`, i)
		name := filepath.Join(dir, "client", fmt.Sprintf("api%03d.go", i))
		write(b, name, sb.String())
		if i == 0 {
			first, firstText = name, sb.String()
		}
	}
	return first, firstText
}

func write(b *testing.B, name, text string) {
	b.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
}
