// Command run benchmarks errcodevet against two no-op analyzers built with
// the same driver (singlechecker): bench/noop, which declares no facts, and
// bench/noopfacts, which declares a fact type and does nothing else.
//
// Run it from the module root:
//
//	go run ./bench/cmd/run                 # the full benchmark, 5 runs of each
//	go run ./bench/cmd/run -n 3 -corpora std,gen1 -drivers vet
//	go run ./bench/cmd/run -smoke          # CI: 1 run, gen1 only; checks, never times
//
// Corpora: std (the standard library), xtools (golang.org/x/tools at the
// version go.mod requires, copied from the module cache into a writable
// temporary directory), prometheus (github.com/prometheus/prometheus at
// the version -prometheus names, copied the same way, or the checkout in
// the directory it names, used in place) and gen1, gen2, gen4 (the corpus
// bench/gen writes, at scale 1, 2 and 4). Drivers: standalone (TOOL ./..., TOOL std) and vet
// (go vet -vettool=TOOL). Every measured command runs N times; the three
// tools alternate within each round, in an order that rotates from round to
// round, so that a change in the machine's load falls on all of them.
//
// go vet caches each package's result under a key that includes the vet
// tool's ID, which the tool computes as the SHA-256 of its own executable
// (-V=full). Every vet run therefore gets a fresh copy of the tool with 16
// random bytes appended (the loader ignores trailing bytes): a new ID, so
// every package is analyzed again, including the dependencies that go vet
// analyzes for facts, while the compiled export data in GOCACHE stays
// warm, as it is for a developer who just upgraded the tool. A fresh
// GOCACHE per run would time compiling the dependencies instead.
//
// Standalone, errcodevet keeps results in a cache (ERRCODEVET_CACHE): each
// of its runs gets an empty cache directory, so it analyzes everything, as
// on a first run; with -warm, a second run right after it reuses that
// directory ("errcodevet-warm"), as a developer re-running it over
// unchanged code does.
//
// Memory is the peak resident set size. Standalone, that is the one
// process's. Under go vet the tool runs once per package, in processes of
// its own beside the go command; the runner passes -toolexec=itself to
// record each tool process's peak RSS and CPU time, and reports the largest
// peak among the tool's processes (the analyzer's footprint) and the peak of
// the whole process tree (usually the go command's). The wrapper costs one
// extra exec per package, the same for every tool.
//
// Results go to -o (default bench/out) as results.md (Markdown tables of
// medians and ratios) and results.json (every run).
package main

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/errcodevet/errcodevet/bench/internal/measure"
)

// logEnv names the file the -toolexec wrapper appends its records to.
const logEnv = "ERRCODEBENCH_TOOLEXEC_LOG"

// allTools are the tools -tools chooses from, in the order tables list them.
var allTools = []string{"noop", "noopfacts", "errcodevet"}

// warmTool names errcodevet's second run over a corpus, with the cache its
// first run left (standalone only).
const warmTool = "errcodevet-warm"

// cacheEnv names the directory errcodevet keeps its results in.
const cacheEnv = "ERRCODEVET_CACHE"

var toolPkgs = map[string]string{
	"noop":       "./bench/noop",
	"noopfacts":  "./bench/noopfacts",
	"errcodevet": "./cmd/errcodevet",
}

func main() {
	if logFile := os.Getenv(logEnv); logFile != "" && len(os.Args) > 1 && filepath.IsAbs(os.Args[1]) {
		os.Exit(toolexec(logFile, os.Args[1], os.Args[2:]))
	}
	log.SetFlags(0)
	log.SetPrefix("bench: ")
	n := flag.Int("n", 5, "runs of each command")
	corporaFlag := flag.String("corpora", "std,xtools,gen1,gen2,gen4", "comma-separated corpora: std, xtools, prometheus, gen<scale>")
	prometheus := flag.String("prometheus", "v0.316.0", "the prometheus corpus: a github.com/prometheus/prometheus version (copied from the module cache), or the directory of a checkout (used in place)")
	toolsFlag := flag.String("tools", strings.Join(allTools, ","), "comma-separated tools: noop, noopfacts, errcodevet")
	warm := flag.Bool("warm", false, "standalone: after each errcodevet run, run it again with the results it cached (errcodevet-warm)")
	driversFlag := flag.String("drivers", "standalone,vet", "comma-separated drivers: standalone, vet")
	out := flag.String("o", "bench/out", "directory for results.md and results.json")
	work := flag.String("work", "", "work directory for binaries and corpora (default a new temporary directory, removed at the end)")
	from := flag.String("from", "", "render the tables of a results.json written by an earlier run, running nothing")
	smoke := flag.Bool("smoke", false, "CI smoke run: -n 1 -corpora gen1, and check that the tools ran and errcodevet reported exactly the planted findings; never compares timings")
	flag.Parse()
	if *smoke {
		*n = 1
		*corporaFlag = "gen1"
	}
	if *n < 1 || flag.NArg() > 0 {
		log.Fatal("usage: run [-n N] [-corpora LIST] [-drivers LIST] [-o DIR] [-smoke]")
	}
	if *from != "" {
		b, err := load(*from)
		if err != nil {
			log.Fatal(err)
		}
		if err := b.report(*out, 0); err != nil {
			log.Fatal(err)
		}
		return
	}
	if _, err := os.Stat("bench/noop"); err != nil {
		log.Fatal("run from the errcodevet module root")
	}
	b := &bench{n: *n, smoke: *smoke, env: cleanEnv(), prometheus: *prometheus, warm: *warm}
	for _, t := range measure.SplitList(*toolsFlag) {
		if !slices.Contains(allTools, t) {
			log.Fatalf("unknown tool %q (want noop, noopfacts or errcodevet)", t)
		}
		b.tools = append(b.tools, t)
	}
	for _, d := range measure.SplitList(*driversFlag) {
		if d != "standalone" && d != "vet" {
			log.Fatalf("unknown driver %q (want standalone or vet)", d)
		}
		b.drivers = append(b.drivers, d)
	}
	if err := b.setup(*work, measure.SplitList(*corporaFlag)); err != nil {
		log.Fatal(err)
	}
	if *work == "" {
		defer os.RemoveAll(b.work)
	}
	start := time.Now()
	if err := b.runAll(); err != nil {
		log.Fatal(err)
	}
	if err := b.report(*out, time.Since(start)); err != nil {
		log.Fatal(err)
	}
	if b.smoke {
		if err := b.check(); err != nil {
			log.Fatal(err)
		}
		fmt.Println("smoke: ok")
	}
}

type corpus struct {
	Name    string
	Dir     string
	Pattern string
	Lines   int            // Go lines under Dir, 0 for std
	Planted map[string]int // findings bench/gen planted, by check
}

// Run is one measured command.
type Run struct {
	Corpus, Driver, Tool string
	Lines                int // of the corpus, 0 for std
	Round                int
	Load                 string  // the load averages (1, 5, 15 minutes) as the run started
	Wall                 float64 // seconds
	MaxRSS               int64   // KiB, the largest process of the tree
	CPU                  float64 // seconds, user+system of the whole tree
	Exit                 int
	// Under go vet, from the -toolexec records of the tool's processes.
	ToolProcs  int
	ToolMaxRSS int64   // KiB
	ToolCPU    float64 // seconds
}

type bench struct {
	n       int
	smoke   bool
	warm    bool
	tools   []string // measured, of allTools, plus warmTool with -warm
	work    string
	env     []string
	bins    map[string]string
	corpora []*corpus
	drivers []string
	runs    []Run
	goVer   string
	from    string // the results.json rendered again, if any

	prometheus string // version or directory
}

// load rebuilds a benchmark's runs, corpora and drivers from its
// results.json.
func load(path string) (*bench, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	b := &bench{}
	if err := json.Unmarshal(data, &b.runs); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	b.from = path
	seen := make(map[string]bool)
	for _, r := range b.runs {
		b.n = max(b.n, r.Round)
		if !seen["c"+r.Corpus] {
			seen["c"+r.Corpus] = true
			c := &corpus{Name: r.Corpus, Lines: r.Lines}
			if strings.HasPrefix(r.Corpus, "gen") {
				c.Planted = map[string]int{}
			}
			b.corpora = append(b.corpora, c)
		}
		if !seen["d"+r.Driver] {
			seen["d"+r.Driver] = true
			b.drivers = append(b.drivers, r.Driver)
		}
		if !seen["t"+r.Tool] && r.Round > 0 {
			seen["t"+r.Tool] = true
			b.tools = append(b.tools, r.Tool)
		}
	}
	slices.SortStableFunc(b.tools, func(x, y string) int { return toolRank(x) - toolRank(y) })
	return b, nil
}

// cleanEnv is the environment of every measured command: no workspace, no
// network, no inherited build flags.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "GOFLAGS", "GOWORK", "GOPROXY", logEnv, cacheEnv:
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GOFLAGS=-buildvcs=false", "GOWORK=off", "GOPROXY=off")
}

func (b *bench) setup(work string, names []string) error {
	var err error
	if work == "" {
		if b.work, err = os.MkdirTemp("", "errcodebench"); err != nil {
			return err
		}
	} else {
		b.work = work
		if err := os.MkdirAll(work, 0o755); err != nil {
			return err
		}
	}
	ver, err := measure.Output(".", nil, "go", "version")
	if err != nil {
		return err
	}
	b.goVer = strings.TrimSpace(ver)

	b.bins = make(map[string]string)
	for _, t := range b.tools {
		bin := filepath.Join(b.work, "bin", t)
		if _, err := measure.Output(".", nil, "go", "build", "-o", bin, toolPkgs[t]); err != nil {
			return err
		}
		b.bins[t] = bin
	}
	for _, name := range names {
		c, err := b.prepare(name)
		if err != nil {
			return fmt.Errorf("corpus %s: %v", name, err)
		}
		b.corpora = append(b.corpora, c)
	}
	return nil
}

func (b *bench) prepare(name string) (*corpus, error) {
	switch {
	case name == "std":
		dir := filepath.Join(b.work, "std")
		return &corpus{Name: name, Dir: dir, Pattern: "std"}, os.MkdirAll(dir, 0o755)
	case name == "xtools":
		ver, err := measure.Output(".", nil, "go", "list", "-m", "-f", "{{.Version}}", "golang.org/x/tools")
		if err != nil {
			return nil, err
		}
		ver = strings.TrimSpace(ver)
		src, err := measure.Output(".", nil, "go", "mod", "download", "-json", "golang.org/x/tools@"+ver)
		if err != nil {
			return nil, err
		}
		var mod struct{ Dir string }
		if err := json.Unmarshal([]byte(src), &mod); err != nil || mod.Dir == "" {
			return nil, fmt.Errorf("go mod download gave no directory for golang.org/x/tools@%s", ver)
		}
		dir := filepath.Join(b.work, "xtools")
		if err := copyWritable(mod.Dir, dir); err != nil {
			return nil, err
		}
		// Its dependencies come from the module proxy once; the runs are offline.
		if _, err := measure.Output(dir, nil, "go", "mod", "download"); err != nil {
			return nil, err
		}
		return &corpus{Name: name, Dir: dir, Pattern: "./...", Lines: goLines(dir)}, nil
	case name == "prometheus":
		dir := b.prometheus
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			src, err := measure.Output(".", nil, "go", "mod", "download", "-json", "github.com/prometheus/prometheus@"+b.prometheus)
			if err != nil {
				return nil, err
			}
			var mod struct{ Dir string }
			if err := json.Unmarshal([]byte(src), &mod); err != nil || mod.Dir == "" {
				return nil, fmt.Errorf("go mod download gave no directory for github.com/prometheus/prometheus@%s", b.prometheus)
			}
			dir = filepath.Join(b.work, "prometheus")
			if err := copyWritable(mod.Dir, dir); err != nil {
				return nil, err
			}
		}
		// Its dependencies come from the module cache (downloaded once if
		// missing); the runs are offline, outside its go.work.
		if _, err := measure.Output(dir, b.env, "go", "mod", "download"); err != nil {
			return nil, err
		}
		return &corpus{Name: name, Dir: dir, Pattern: "./...", Lines: goLines(dir)}, nil
	case strings.HasPrefix(name, "gen"):
		scale, err := strconv.Atoi(strings.TrimPrefix(name, "gen"))
		if err != nil || scale < 1 {
			return nil, fmt.Errorf("want gen<scale>, as gen1 or gen4")
		}
		dir := filepath.Join(b.work, name)
		if _, err := os.Stat(filepath.Join(dir, "corpus.json")); err != nil {
			if _, err := measure.Output(".", nil, "go", "run", "./bench/gen", "-o", dir, "-scale", strconv.Itoa(scale)); err != nil {
				return nil, err
			}
		}
		data, err := os.ReadFile(filepath.Join(dir, "corpus.json"))
		if err != nil {
			return nil, err
		}
		var m struct {
			Lines    int
			Findings map[string]int
		}
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, err
		}
		return &corpus{Name: name, Dir: dir, Pattern: "./...", Lines: m.Lines, Planted: m.Findings}, nil
	}
	return nil, fmt.Errorf("unknown corpus (want std, xtools, prometheus or gen<scale>)")
}

// copyWritable copies the directory tree src to dst with owner-writable
// files, as the module cache's are read-only.
func copyWritable(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// goLines counts the lines of the .go files under dir, outside testdata.
func goLines(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if strings.HasSuffix(path, ".go") {
			if data, err := os.ReadFile(path); err == nil {
				n += bytes.Count(data, []byte("\n"))
			}
		}
		return nil
	})
	return n
}

func (b *bench) runAll() error {
	for _, c := range b.corpora {
		for _, d := range b.drivers {
			// Warm up: compiled export data, the page cache.
			log.Printf("%s %s: warm-up", c.Name, d)
			if _, err := b.run(c, d, "noop", 0, ""); err != nil {
				return err
			}
			for round := 1; round <= b.n; round++ {
				for k := range b.tools {
					tool := b.tools[(k+round)%len(b.tools)]
					seq := []string{tool}
					if tool == "errcodevet" && d == "standalone" && b.warm {
						seq = append(seq, warmTool)
					}
					cache := filepath.Join(b.work, "cache", fmt.Sprintf("%s-%d", c.Name, round))
					os.RemoveAll(cache)
					for _, t := range seq {
						r, err := b.run(c, d, t, round, cache)
						if err != nil {
							return err
						}
						log.Printf("%s %s round %d %-15s %6.2fs %7.1f MiB (tool %7.1f MiB) exit %d load %s",
							c.Name, d, round, t, r.Wall, mib(r.MaxRSS), mib(r.ToolMaxRSS), r.Exit, r.Load)
						b.runs = append(b.runs, r)
					}
					os.RemoveAll(cache)
				}
			}
		}
	}
	return nil
}

func mib(kib int64) float64 { return float64(kib) / 1024 }

// reportedTools are the tools measured, with errcodevet's warm runs.
func (b *bench) reportedTools() []string {
	if b.warm && !slices.Contains(b.tools, warmTool) {
		return append(slices.Clip(b.tools), warmTool)
	}
	return b.tools
}

// toolRank orders tools as the tables list them.
func toolRank(t string) int {
	if i := slices.Index(allTools, t); i >= 0 {
		return i
	}
	return len(allTools) // errcodevet-warm, after errcodevet
}

// loadAverage returns the 1, 5 and 15 minute load averages, or "n/a"
// where /proc/loadavg does not exist.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "n/a"
}

// run runs tool over corpus c under driver d once and measures it;
// errcodevet keeps its results in cache.
func (b *bench) run(c *corpus, d, tool string, round int, cache string) (Run, error) {
	r := Run{Corpus: c.Name, Driver: d, Tool: tool, Lines: c.Lines, Round: round, Load: loadAverage()}
	bin := b.bins[tool]
	if tool == warmTool {
		bin = b.bins["errcodevet"]
	}
	var cmd *exec.Cmd
	var logFile string
	switch d {
	case "standalone":
		// The same packages for every tool: errcodevet leaves test files
		// out unless asked; singlechecker's -test defaults to true.
		args := []string{c.Pattern}
		if tool == "noop" || tool == "noopfacts" {
			args = []string{"-test=false", c.Pattern}
		}
		cmd = exec.Command(bin, args...)
		cmd.Env = append(slices.Clip(b.env), cacheEnv+"="+cache)
	case "vet":
		// A fresh tool ID, so that vet's result cache misses (see package doc).
		vetBin := filepath.Join(b.work, "vettool", fmt.Sprintf("%s-%d", tool, round))
		if err := copyWithNoise(b.bins[tool], vetBin); err != nil {
			return r, err
		}
		defer os.Remove(vetBin)
		self, err := os.Executable()
		if err != nil {
			return r, err
		}
		logFile = vetBin + ".log"
		os.Remove(logFile)
		defer os.Remove(logFile)
		cmd = exec.Command("go", "vet", "-toolexec="+self, "-vettool="+vetBin, c.Pattern)
		cmd.Env = append(slices.Clip(b.env), logEnv+"="+logFile)
	}
	cmd.Dir = c.Dir
	var stderr bytes.Buffer
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	r.Wall = time.Since(start).Seconds()
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		return r, err
	}
	st := cmd.ProcessState
	r.Exit = st.ExitCode()
	r.MaxRSS = measure.MaxRSS(st) // the largest of the process and its descendants
	r.CPU = (st.UserTime() + st.SystemTime()).Seconds()
	if !b.exitOK(d, tool, r.Exit) {
		return r, fmt.Errorf("%s %s %s: exit %d\n%s", c.Name, d, tool, r.Exit, tail(stderr.String(), 40))
	}
	if logFile != "" {
		if err := r.readToolLog(logFile); err != nil {
			return r, err
		}
	}
	return r, nil
}

// exitOK reports whether an exit code is a completed run: 0, or the
// driver's code for findings when errcodevet found some.
func (b *bench) exitOK(driver, tool string, code int) bool {
	if code == 0 {
		return true
	}
	if tool != "errcodevet" && tool != warmTool {
		return false
	}
	return driver == "standalone" && code == 3 || driver == "vet" && code == 1
}

func tail(s string, lines int) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(l) > lines {
		l = l[len(l)-lines:]
	}
	return strings.Join(l, "\n")
}

// copyWithNoise copies the executable src to dst with 16 random bytes
// appended, which changes its SHA-256 and so its vet tool ID.
func copyWithNoise(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, append(data, []byte(rand.Text()[:16])...), 0o755)
}

// toolexec runs a tool for go vet -toolexec and, when it is a vet tool
// analyzing a package (its last argument a vet.cfg), appends its peak RSS
// and CPU time to logFile.
func toolexec(logFile, tool string, args []string) int {
	cmd := exec.Command(tool, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		fmt.Fprintf(os.Stderr, "bench toolexec: %v\n", err)
		return 1
	}
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], "vet.cfg") {
		rss := measure.MaxRSS(cmd.ProcessState)
		cpu := (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
		f, err := os.OpenFile(logFile, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err == nil {
			fmt.Fprintf(f, "%d %.4f\n", rss, cpu) // one short write: atomic with O_APPEND
			f.Close()
		}
	}
	return cmd.ProcessState.ExitCode()
}

func (r *Run) readToolLog(logFile string) error {
	data, err := os.ReadFile(logFile)
	if err != nil {
		return fmt.Errorf("no -toolexec records: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var rss int64
		var cpu float64
		if _, err := fmt.Sscanf(line, "%d %f", &rss, &cpu); err != nil {
			return fmt.Errorf("bad -toolexec record %q", line)
		}
		r.ToolProcs++
		r.ToolMaxRSS = max(r.ToolMaxRSS, rss)
		r.ToolCPU += cpu
	}
	return nil
}

// check is the smoke run's verdict: every tool completed (run already
// checked the exit codes), and errcodevet reports exactly the findings
// bench/gen planted, standalone and under go vet.
func (b *bench) check() error {
	for _, c := range b.corpora {
		if c.Planted == nil {
			continue
		}
		want := 0
		for _, n := range c.Planted {
			want += n
		}
		got, err := b.countFindings(c)
		if err != nil {
			return err
		}
		for id, n := range c.Planted {
			if got[id] != n {
				return fmt.Errorf("%s: errcodevet reported %d %s findings, the generator planted %d (all: %v)", c.Name, got[id], id, n, got)
			}
		}
		for id, n := range got {
			if c.Planted[id] == 0 && isGenCheck(id) {
				return fmt.Errorf("%s: errcodevet reported %d unexpected %s findings", c.Name, n, id)
			}
		}
		fmt.Printf("smoke: %s: errcodevet reported the %d planted findings\n", c.Name, want)
	}
	return nil
}

// isGenCheck reports whether the generator plants the check's findings; the
// corpus says nothing about the others (the retry checks).
func isGenCheck(id string) bool {
	return id == "magic-code" || id == "string-code" || id == "unknown-code" || id == "directive"
}

// countFindings runs errcodevet -json over the corpus, without the test
// variants, and counts the diagnostics by category.
func (b *bench) countFindings(c *corpus) (map[string]int, error) {
	cmd := exec.Command(b.bins["errcodevet"], "-json", "-test=false", c.Pattern)
	cmd.Dir, cmd.Env = c.Dir, b.env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	data, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("errcodevet -json: %v\n%s", err, stderr.String())
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &tree); err != nil {
		return nil, fmt.Errorf("errcodevet -json: %v", err)
	}
	got := make(map[string]int)
	for pkg, byAnalyzer := range tree {
		for _, raw := range byAnalyzer {
			var diags []struct{ Category string }
			if err := json.Unmarshal(raw, &diags); err != nil {
				return nil, fmt.Errorf("errcodevet -json: %s: %s", pkg, raw)
			}
			for _, d := range diags {
				got[d.Category]++
			}
		}
	}
	return got, nil
}

// stat is the medians of one tool's runs over a corpus under a driver.
type stat struct {
	wall, rss, cpu, toolRSS, toolCPU float64
	procs                            int
}

func (b *bench) stat(c, d, tool string) stat {
	var wall, rss, cpu, toolRSS, toolCPU []float64
	procs := 0
	for _, r := range b.runs {
		if r.Corpus == c && r.Driver == d && r.Tool == tool {
			wall = append(wall, r.Wall)
			rss = append(rss, float64(r.MaxRSS))
			cpu = append(cpu, r.CPU)
			toolRSS = append(toolRSS, float64(r.ToolMaxRSS))
			toolCPU = append(toolCPU, r.ToolCPU)
			procs = r.ToolProcs
		}
	}
	return stat{measure.Median(wall), measure.Median(rss), measure.Median(cpu), measure.Median(toolRSS), measure.Median(toolCPU), procs}
}

// pairedRatio is the median over rounds of num's measure / den's in the
// same round.
func (b *bench) pairedRatio(c, d, num, den string, m func(Run) float64) string {
	byRound := make(map[int]map[string]Run)
	for _, r := range b.runs {
		if r.Corpus == c && r.Driver == d && r.Round > 0 {
			if byRound[r.Round] == nil {
				byRound[r.Round] = make(map[string]Run)
			}
			byRound[r.Round][r.Tool] = r
		}
	}
	var ratios []float64
	for _, tools := range byRound {
		n, okN := tools[num]
		dd, okD := tools[den]
		if okN && okD && m(dd) > 0 {
			ratios = append(ratios, m(n)/m(dd))
		}
	}
	if len(ratios) == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", measure.Median(ratios))
}

func (b *bench) report(dir string, elapsed time.Duration) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var md strings.Builder
	if b.from != "" {
		fmt.Fprintf(&md, "Medians of %d runs, tools alternating; rendered from %s.\n\n", b.n, b.from)
	} else {
		fmt.Fprintf(&md, "Medians of %d runs, tools alternating; %s, %s/%s, %d CPUs; load average at the end: %s; %s in all.\n\n",
			b.n, b.goVer, runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), loadAverage(), elapsed.Round(time.Second))
	}
	if b.smoke {
		md.WriteString("Smoke run: one run each; the figures are not meant to be compared.\n\n")
	}

	md.WriteString("Absolute medians: wall time, peak RSS, CPU time (user+system). Under go vet, the memory is that of the largest tool process and the CPU that of all tool processes; the whole tree's peak RSS (the go command's, as a rule) is in parentheses.\n\n")
	md.WriteString("| corpus | lines | driver | tool | wall | peak RSS | CPU |\n|---|---:|---|---|---:|---:|---:|\n")
	for _, c := range b.corpora {
		lines := "-"
		if c.Lines > 0 {
			lines = strconv.Itoa(c.Lines)
		}
		for _, d := range b.drivers {
			for _, t := range b.reportedTools() {
				s := b.stat(c.Name, d, t)
				if s.wall == 0 {
					continue // not run under this driver (errcodevet-warm under vet)
				}
				if d == "vet" {
					fmt.Fprintf(&md, "| %s | %s | vet | %s | %.2f s | %s (%s) | %.1f s |\n", c.Name, lines, t, s.wall, measure.MiBText(s.toolRSS), measure.MiBText(s.rss), s.toolCPU)
				} else {
					fmt.Fprintf(&md, "| %s | %s | standalone | %s | %.2f s | %s | %.1f s |\n", c.Name, lines, t, s.wall, measure.MiBText(s.rss), s.cpu)
				}
			}
		}
	}

	md.WriteString("\nRatios: the median, over the rounds, of each round's ratio (a round runs the three tools back to back, so a change in the machine's load falls on all three). \"facts\" is noopfacts / noop: the price of declaring a fact type. errcodevet is compared with both floors. Memory and CPU under go vet are the tool processes'.\n\n")
	md.WriteString("| corpus | driver | facts: wall | facts: memory | errcodevet / noop: wall | memory | CPU | errcodevet / noopfacts: wall | memory | CPU |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, c := range b.corpora {
		for _, d := range b.drivers {
			r := func(num, den string, m func(Run) float64) string { return b.pairedRatio(c.Name, d, num, den, m) }
			wall := func(r Run) float64 { return r.Wall }
			mem := func(r Run) float64 {
				if d == "vet" {
					return float64(r.ToolMaxRSS)
				}
				return float64(r.MaxRSS)
			}
			cpu := func(r Run) float64 {
				if d == "vet" {
					return r.ToolCPU
				}
				return r.CPU
			}
			fmt.Fprintf(&md, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", c.Name, d,
				r("noopfacts", "noop", wall), r("noopfacts", "noop", mem),
				r("errcodevet", "noop", wall), r("errcodevet", "noop", mem), r("errcodevet", "noop", cpu),
				r("errcodevet", "noopfacts", wall), r("errcodevet", "noopfacts", mem), r("errcodevet", "noopfacts", cpu))
		}
	}

	if slices.Contains(b.reportedTools(), warmTool) {
		md.WriteString("\nWarm runs (standalone): errcodevet run again right after its first run, over the same unchanged corpus, with the results the first run cached; the median of each round's second / first ratio.\n\n")
		md.WriteString("| corpus | first run | second run | second / first: wall | memory | CPU |\n|---|---:|---:|---:|---:|---:|\n")
		for _, c := range b.corpora {
			first, second := b.stat(c.Name, "standalone", "errcodevet"), b.stat(c.Name, "standalone", warmTool)
			if second.wall == 0 {
				continue
			}
			r := func(m func(Run) float64) string {
				return b.pairedRatio(c.Name, "standalone", warmTool, "errcodevet", m)
			}
			fmt.Fprintf(&md, "| %s | %.2f s | %.2f s | %s | %s | %s |\n", c.Name, first.wall, second.wall,
				r(func(r Run) float64 { return r.Wall }), r(func(r Run) float64 { return float64(r.MaxRSS) }), r(func(r Run) float64 { return r.CPU }))
		}
	}

	// Linearity over the generated corpora: the cost a corpus adds per
	// thousand lines, from one scale to the next, is the same at every step
	// if the cost is linear (the fixed cost, loading the standard library,
	// cancels out).
	var gens []*corpus
	for _, c := range b.corpora {
		if c.Planted != nil {
			gens = append(gens, c)
		}
	}
	if len(gens) > 1 {
		md.WriteString("\nGrowth over the generated corpus: medians, and the CPU time each step adds per 1,000 added lines (the same at every step when the cost is linear; the fixed cost of loading the standard library cancels out). Under go vet, CPU is that of the tool processes.\n\n")
		md.WriteString("| driver | corpus | lines | errcodevet wall | errcodevet CPU | noopfacts CPU | added CPU per 1k lines: errcodevet | noopfacts | errcodevet memory |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n")
		for _, d := range b.drivers {
			for i, c := range gens {
				e, f := b.stat(c.Name, d, "errcodevet"), b.stat(c.Name, d, "noopfacts")
				ecpu, fcpu, emem := e.cpu, f.cpu, e.rss
				if d == "vet" {
					ecpu, fcpu, emem = e.toolCPU, f.toolCPU, e.toolRSS
				}
				slopeE, slopeF := "-", "-"
				if i > 0 {
					p := gens[i-1]
					pe, pf := b.stat(p.Name, d, "errcodevet"), b.stat(p.Name, d, "noopfacts")
					pecpu, pfcpu := pe.cpu, pf.cpu
					if d == "vet" {
						pecpu, pfcpu = pe.toolCPU, pf.toolCPU
					}
					kl := float64(c.Lines-p.Lines) / 1000
					slopeE = fmt.Sprintf("%.1f ms", (ecpu-pecpu)/kl*1000)
					slopeF = fmt.Sprintf("%.1f ms", (fcpu-pfcpu)/kl*1000)
				}
				fmt.Fprintf(&md, "| %s | %s | %d | %.2f s | %.1f s | %.1f s | %s | %s | %.0f MiB |\n", d, c.Name, c.Lines, e.wall, ecpu, fcpu, slopeE, slopeF, emem/1024)
			}
		}
	}
	return measure.WriteResults(dir, md.String(), b.runs)
}
