// Command bigfile measures errcodevet standalone against go vet
// -vettool=errcodevet (the same binary) over a package made of one large
// generated file, 20,000 small functions (140,000 lines) by default, and a
// small hand-written file with two findings.
//
// Run it from the module root:
//
//	go run ./bench/cmd/bigfile             # 7 rounds
//	go run ./bench/cmd/bigfile -n 3 -funcs 40000
//
// Each run follows a new version of the generated file (a comment that
// changes), as after the generator ran again: neither driver finds the
// package in a cache (the go command's build and vet caches, errcodevet's
// run cache), while the dependencies stay compiled and errcodevet's kept
// verdicts stay, as on a developer's machine. The two drivers alternate,
// in an order that flips from round to round, so that a change in the
// machine's load falls on both. Before the rounds, each driver runs once
// unmeasured (to warm the caches), and the two drivers' findings are
// compared: a run whose findings differ fails the benchmark.
//
// It reports the medians of wall time and CPU time (user+system of the
// whole process tree: the go command, the compiler, the vet tool), and the
// median over the rounds of each round's standalone / go vet ratio. CPU
// time is less disturbed than wall time by a loaded machine.
//
// Results go to -o (default bench/out/bigfile) as results.md and
// results.json.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/errcodevet/errcodevet/bench/internal/measure"
)

// Run is one measured command.
type Run struct {
	Driver string  // standalone or vet
	Round  int     // from 1
	Load   string  // the load averages (1, 5, 15 minutes) as the run started
	Wall   float64 // seconds
	CPU    float64 // seconds, user+system of the whole tree
	MaxRSS int64   // KiB, the largest process of the tree
	Exit   int
}

const (
	module  = "example.com/bigfile"
	pkgDir  = "gen"
	genFile = "gen/api.gen.go"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("bigfile: ")
	n := flag.Int("n", 7, "rounds (each runs both drivers)")
	funcs := flag.Int("funcs", 20000, "functions in the generated file")
	out := flag.String("o", "bench/out/bigfile", "directory for results.md and results.json")
	flag.Parse()
	if *n < 1 || *funcs < 1 || flag.NArg() > 0 {
		log.Fatal("usage: bigfile [-n ROUNDS] [-funcs N] [-o DIR]")
	}
	if _, err := os.Stat("cmd/errcodevet"); err != nil {
		log.Fatal("run from the errcodevet module root")
	}
	work, err := os.MkdirTemp("", "errcodebigfile")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	if err := run(work, *n, *funcs, *out); err != nil {
		log.Print(err)
		os.RemoveAll(work)
		os.Exit(1)
	}
}

func run(work string, n, funcs int, out string) error {
	tool := filepath.Join(work, "errcodevet")
	if _, err := measure.Output(".", nil, "go", "build", "-o", tool, "./cmd/errcodevet"); err != nil {
		return err
	}
	dir := filepath.Join(work, "module")
	if err := os.MkdirAll(filepath.Join(dir, pkgDir), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+module+"\n\ngo 1.22\n"), 0o644); err != nil {
		return err
	}
	// A hand-written file beside the generated one, with two findings
	// (magic-code) for the drivers to agree on.
	if err := os.WriteFile(filepath.Join(dir, pkgDir, "use.go"), []byte(handWritten), 0o644); err != nil {
		return err
	}
	src := generate(funcs)
	lines := bytes.Count(src, []byte("\n"))
	env := cleanEnv(filepath.Join(work, "runcache"))
	version := 0
	next := func() error { // a new version of the generated file
		version++
		return os.WriteFile(filepath.Join(dir, genFile), fmt.Appendf(slices.Clip(src), "\n// version %d\n", version), 0o644)
	}

	// Warm-up, and the two drivers' findings compared.
	findings := make(map[string][]string)
	for _, d := range []string{"standalone", "vet"} {
		if err := next(); err != nil {
			return err
		}
		r, stdout, stderr, err := measured(dir, env, tool, d, 0)
		if err == nil && len(positions(stdout+stderr)) != 2 {
			err = fmt.Errorf("%s: want the hand-written file's 2 findings, got:\n%s%s", d, stdout, stderr)
		}
		if err != nil {
			return err
		}
		findings[d] = positions(stdout + stderr)
		log.Printf("warm-up %-10s %6.2fs wall %6.2fs CPU, %d findings, exit %d", d, r.Wall, r.CPU, len(findings[d]), r.Exit)
	}
	if !slices.Equal(findings["standalone"], findings["vet"]) {
		return fmt.Errorf("the drivers' findings differ:\nstandalone %v\nvet        %v", findings["standalone"], findings["vet"])
	}

	start := time.Now()
	var runs []Run
	for round := 1; round <= n; round++ {
		order := []string{"standalone", "vet"}
		if round%2 == 0 {
			slices.Reverse(order)
		}
		for _, d := range order {
			if err := next(); err != nil {
				return err
			}
			r, _, _, err := measured(dir, env, tool, d, round)
			if err != nil {
				return err
			}
			log.Printf("round %d %-10s %6.2fs wall %6.2fs CPU %7.1f MiB load %s", round, d, r.Wall, r.CPU, float64(r.MaxRSS)/1024, r.Load)
			runs = append(runs, r)
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	return measure.WriteResults(out, report(runs, n, funcs, lines, len(findings["vet"]), time.Since(start)), runs)
}

// measured runs errcodevet over the package under driver d once, in dir.
func measured(dir string, env []string, tool, d string, round int) (r Run, stdout, stderr string, err error) {
	r = Run{Driver: d, Round: round, Load: loadAverage()}
	var cmd *exec.Cmd
	switch d {
	case "standalone":
		cmd = exec.Command(tool, "./...")
	case "vet":
		cmd = exec.Command("go", "vet", "-vettool="+tool, "./...")
	}
	cmd.Dir, cmd.Env = dir, env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	begin := time.Now()
	err = cmd.Run()
	r.Wall = time.Since(begin).Seconds()
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		return r, "", "", err
	}
	st := cmd.ProcessState
	r.Exit = st.ExitCode()
	r.CPU = (st.UserTime() + st.SystemTime()).Seconds()
	r.MaxRSS = measure.MaxRSS(st)
	// Exit codes for findings: 3 standalone, 1 under go vet.
	if r.Exit != 0 && !(d == "standalone" && r.Exit == 3) && !(d == "vet" && r.Exit == 1) {
		return r, "", "", fmt.Errorf("%s: exit %d\n%s", d, r.Exit, errOut.String())
	}
	return r, out.String(), errOut.String(), nil
}

// positions returns the file:line:col of each finding printed in out (the
// standalone driver's and go vet's lines alike), sorted.
func positions(out string) []string {
	var ps []string
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimPrefix(line, "./") // go vet's relative paths
		if !strings.HasPrefix(line, pkgDir+"/") {
			continue
		}
		f := strings.SplitN(line, ":", 4)
		if len(f) == 4 {
			ps = append(ps, strings.Join(f[:3], ":"))
		}
	}
	slices.Sort(ps)
	return ps
}

const handWritten = `package gen

func expired(r *Response) bool {
	return r.ErrCode == 42001
}

func invalidCredential(r *Response) bool {
	return r.ErrCode == 40001
}
`

// generate returns the generated file: funcs small functions, as a client
// generator writes them, one in ten reading a WeChat errcode. errcodevet
// checks no generated file, but it type-checks it (the hand-written file
// beside it uses its types) and reads it to decide what it carries.
func generate(funcs int) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by bench/cmd/bigfile. DO NOT EDIT.\n\npackage gen\n\nimport \"strconv\"\n\n")
	b.WriteString("// Response is a WeChat reply.\ntype Response struct {\n\tErrCode int    `json:\"errcode\"`\n\tErrMsg  string `json:\"errmsg\"`\n}\n\n")
	for i := range funcs {
		switch {
		case i%10 == 9:
			fmt.Fprintf(&b, "func OK%d(r *Response) bool {\n\treturn r.ErrCode == 0\n}\n\n", i)
		default:
			fmt.Fprintf(&b, "func F%d(x int) string {\n\tif x > %d {\n\t\treturn strconv.Itoa(x - %d)\n\t}\n\treturn \"f%d\"\n}\n\n", i, i, i, i)
		}
	}
	return b.Bytes()
}

// cleanEnv is the environment of every measured command: no workspace, no
// network, no inherited build flags, errcodevet's run cache in runcache.
func cleanEnv(runcache string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "GOFLAGS", "GOWORK", "GOPROXY", "ERRCODEVET_CACHE":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GOFLAGS=-buildvcs=false", "GOWORK=off", "GOPROXY=off", "ERRCODEVET_CACHE="+runcache)
}

// loadAverage returns the 1, 5 and 15 minute load averages, or "n/a".
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "n/a"
}

func report(runs []Run, n, funcs, lines, findings int, elapsed time.Duration) string {
	var md strings.Builder
	goVersion, _ := measure.Output(".", nil, "go", "version")
	fmt.Fprintf(&md, "One package: a generated file of %d functions (%d lines) and a small hand-written file (%d findings); %d rounds, drivers alternating; %s, %s/%s, %d CPUs; load average at the end: %s; %s in all.\n\n",
		funcs, lines, findings, n, strings.TrimSpace(goVersion), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), loadAverage(), elapsed.Round(time.Second))
	md.WriteString("| driver | wall | CPU (user+system) | peak RSS |\n|---|---:|---:|---:|\n")
	for _, d := range []string{"standalone", "vet"} {
		var wall, cpu, rss []float64
		for _, r := range runs {
			if r.Driver == d {
				wall, cpu, rss = append(wall, r.Wall), append(cpu, r.CPU), append(rss, float64(r.MaxRSS))
			}
		}
		fmt.Fprintf(&md, "| %s | %.2f s | %.2f s | %s |\n", d, measure.Median(wall), measure.Median(cpu), measure.MiBText(measure.Median(rss)))
	}
	ratio := func(m func(Run) float64) float64 {
		var rs []float64
		for round := 1; round <= n; round++ {
			var s, v float64
			for _, r := range runs {
				if r.Round == round {
					if r.Driver == "standalone" {
						s = m(r)
					} else {
						v = m(r)
					}
				}
			}
			if v > 0 {
				rs = append(rs, s/v)
			}
		}
		return measure.Median(rs)
	}
	fmt.Fprintf(&md, "\nstandalone / go vet, the median of each round's ratio: wall %.2fx, CPU %.2fx\n",
		ratio(func(r Run) float64 { return r.Wall }), ratio(func(r Run) float64 { return r.CPU }))
	return md.String()
}
