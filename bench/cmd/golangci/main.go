// Command golangci benchmarks errcodevet inside golangci-lint: the custom
// golangci-lint built from .custom-gcl.yml (.ci/golangci.sh builds it; pass
// it with -bin), one configuration per variant, the variants alternating
// within each round in an order that rotates from round to round, and
// golangci-lint's cache cleaned before every run (it would otherwise serve
// each package's issues from the previous run). The Go build cache stays
// warm: export data is compiled once, in an untimed warm-up round.
//
//	go run ./bench/cmd/golangci -bin /path/to/custom-gcl -n 3
//	go run ./bench/cmd/golangci -bin ... -corpora xtools,prometheus -variants durationcheck,errcodevet
//	go run ./bench/cmd/golangci -bin ... -smoke   # CI: one round over x/tools, four variants; checks, never times
//
// Variants (-variants, all by default):
//
//	asciicheck           syntax only: the cheapest linter
//	durationcheck        type-aware, declares no facts: the floor errcodevet is held to
//	errcodevet           errcodevet alone
//	standard             golangci-lint's standard set (errcheck govet ineffassign staticcheck unused)
//	standard+errcodevet  the same with errcodevet: its marginal cost
//	staticcheck          staticcheck alone: a fact-heavy peer
//
// Corpora (-corpora): xtools (golang.org/x/tools at the version go.mod
// requires) and prometheus (github.com/prometheus/prometheus at -prometheus),
// both from the Go module proxy (go mod download -json), copied into a
// writable work directory; their dependencies are downloaded once.
//
// Results go to -o (default bench/out/golangci) as results.md and
// results.json.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
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

// variants maps each variant to the linters it enables.
var variants = map[string][]string{
	"asciicheck":          {"asciicheck"},
	"durationcheck":       {"durationcheck"},
	"errcodevet":          {"errcodevet"},
	"standard":            {"errcheck", "govet", "ineffassign", "staticcheck", "unused"},
	"standard+errcodevet": {"errcheck", "govet", "ineffassign", "staticcheck", "unused", "errcodevet"},
	"staticcheck":         {"staticcheck"},
}

var variantOrder = []string{"asciicheck", "durationcheck", "errcodevet", "standard", "standard+errcodevet", "staticcheck"}

// ratios are the paired ratios the tables give: the goals of issue 14.
var ratios = [][2]string{
	{"errcodevet", "durationcheck"},
	{"standard+errcodevet", "standard"},
	{"staticcheck", "durationcheck"},
	{"errcodevet", "asciicheck"},
}

// Run is one measured golangci-lint run.
type Run struct {
	Corpus, Variant string
	Round           int // 0: the untimed warm-up
	Wall            float64
	MaxRSS          int64 // KiB
	CPU             float64
	Issues          map[string]int // by linter
}

type corpus struct{ Name, Dir string }

func main() {
	log.SetFlags(0)
	log.SetPrefix("bench golangci: ")
	bin := flag.String("bin", "", "the custom golangci-lint binary (.ci/golangci.sh -keep DIR builds one)")
	n := flag.Int("n", 3, "timed rounds")
	corporaFlag := flag.String("corpora", "xtools", "comma-separated corpora: xtools, prometheus")
	prometheus := flag.String("prometheus", "v0.316.0", "the github.com/prometheus/prometheus module version (Prometheus v3)")
	variantsFlag := flag.String("variants", strings.Join(variantOrder, ","), "comma-separated variants")
	out := flag.String("o", "bench/out/golangci", "directory for results.md and results.json")
	work := flag.String("work", "", "work directory for corpora (default a new temporary directory, removed at the end)")
	warmup := flag.Bool("warmup", true, "run an untimed warm-up round first (compiles the corpus's export data into the Go build cache)")
	smoke := flag.Bool("smoke", false, "CI smoke run: one round over x/tools, no warm-up, variants asciicheck, durationcheck, errcodevet, standard+errcodevet; checks that each ran and errcodevet reported nothing; never compares timings")
	flag.Parse()
	if *bin == "" || *n < 1 || flag.NArg() > 0 {
		log.Fatal("usage: golangci -bin CUSTOM-GOLANGCI-LINT [-n N] [-corpora LIST] [-variants LIST] [-o DIR] [-smoke]")
	}
	if *smoke {
		*n = 1
		*corporaFlag = "xtools"
		*variantsFlag = "asciicheck,durationcheck,errcodevet,standard+errcodevet"
	}
	var vs []string
	for _, v := range measure.SplitList(*variantsFlag) {
		if variants[v] == nil {
			log.Fatalf("unknown variant %q (want one of %s)", v, strings.Join(variantOrder, ", "))
		}
		vs = append(vs, v)
	}
	binPath, err := filepath.Abs(*bin)
	if err != nil {
		log.Fatal(err)
	}
	dir := *work
	if dir == "" {
		if dir, err = os.MkdirTemp("", "errcodebench-golangci"); err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(dir)
	}
	var corpora []corpus
	for _, name := range measure.SplitList(*corporaFlag) {
		c, err := prepare(dir, name, *prometheus)
		if err != nil {
			log.Fatalf("corpus %s: %v", name, err)
		}
		corpora = append(corpora, c)
	}
	configs := filepath.Join(dir, "configs")
	for _, v := range vs {
		if err := writeConfig(configs, v); err != nil {
			log.Fatal(err)
		}
	}
	cache := filepath.Join(dir, "golangci-cache")
	var runs []Run
	start := time.Now()
	first := 0
	if *smoke || !*warmup {
		first = 1
	}
	for _, c := range corpora {
		for round := first; round <= *n; round++ {
			order := rotate(vs, round)
			for _, v := range order {
				r, err := run(binPath, configs, cache, c, v)
				if err != nil {
					log.Fatal(err)
				}
				r.Round = round
				log.Printf("%s round %d %-20s %6.2f s %6.0f MiB  issues %v", c.Name, round, v, r.Wall, float64(r.MaxRSS)/1024, r.Issues)
				runs = append(runs, r)
			}
		}
	}
	if err := report(*out, runs, corpora, vs, *n, time.Since(start), *smoke); err != nil {
		log.Fatal(err)
	}
	if *smoke {
		for _, r := range runs {
			if r.Issues["errcodevet"] != 0 {
				log.Fatalf("%s %s: errcodevet reported %d issues on %s, want none", r.Corpus, r.Variant, r.Issues["errcodevet"], r.Corpus)
			}
		}
		fmt.Println("smoke: ok")
	}
}

func rotate(vs []string, round int) []string {
	k := round % len(vs)
	return append(slices.Clone(vs[k:]), vs[:k]...)
}

// prepare copies a corpus module from the module cache into dir and
// downloads its dependencies (the timed runs are offline).
func prepare(dir, name, prometheusVersion string) (corpus, error) {
	var mod, ver string
	switch name {
	case "xtools":
		mod = "golang.org/x/tools"
		v, err := measure.Output(".", nil, "go", "list", "-m", "-f", "{{.Version}}", mod)
		if err != nil {
			return corpus{}, err
		}
		ver = strings.TrimSpace(v)
	case "prometheus":
		mod, ver = "github.com/prometheus/prometheus", prometheusVersion
	default:
		return corpus{}, fmt.Errorf("unknown corpus (want xtools or prometheus)")
	}
	dst := filepath.Join(dir, name)
	if _, err := os.Stat(filepath.Join(dst, "go.mod")); err != nil {
		src, err := measure.Output(".", nil, "go", "mod", "download", "-json", mod+"@"+ver)
		if err != nil {
			return corpus{}, err
		}
		var m struct{ Dir string }
		if err := json.Unmarshal([]byte(src), &m); err != nil || m.Dir == "" {
			return corpus{}, fmt.Errorf("go mod download gave no directory for %s@%s", mod, ver)
		}
		if err := os.CopyFS(dst, os.DirFS(m.Dir)); err != nil {
			return corpus{}, err
		}
		if err := filepath.WalkDir(dst, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			mode := fs.FileMode(0o644)
			if d.IsDir() {
				mode = 0o755
			}
			return os.Chmod(p, mode)
		}); err != nil {
			return corpus{}, err
		}
	}
	// GOWORK=off as in the timed runs: a module zip keeps the go.work of its
	// repository (prometheus's names modules the zip leaves out).
	if _, err := measure.Output(dst, append(os.Environ(), "GOWORK=off"), "go", "mod", "download"); err != nil {
		return corpus{}, err
	}
	return corpus{Name: name, Dir: dst}, nil
}

func writeConfig(dir, variant string) error {
	var b strings.Builder
	b.WriteString("version: \"2\"\nrun:\n  tests: true\nlinters:\n  default: none\n  enable:\n")
	for _, l := range variants[variant] {
		fmt.Fprintf(&b, "    - %s\n", l)
	}
	if slices.Contains(variants[variant], "errcodevet") {
		b.WriteString("  settings:\n    custom:\n      errcodevet:\n        type: module\n        description: errcodevet\n")
	}
	b.WriteString("issues:\n  max-issues-per-linter: 0\n  max-same-issues: 0\n")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, variant+".yml"), []byte(b.String()), 0o644)
}

// run cleans golangci-lint's cache, then runs one variant over a corpus.
func run(bin, configs, cache string, c corpus, variant string) (Run, error) {
	r := Run{Corpus: c.Name, Variant: variant}
	env := append(os.Environ(), "GOLANGCI_LINT_CACHE="+cache, "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off")
	clean := exec.Command(bin, "cache", "clean")
	clean.Env = env
	if out, err := clean.CombinedOutput(); err != nil {
		return r, fmt.Errorf("cache clean: %v\n%s", err, out)
	}
	jsonOut := filepath.Join(configs, variant+".json")
	cmd := exec.Command(bin, "run", "-c", filepath.Join(configs, variant+".yml"),
		"--issues-exit-code=0", "--allow-parallel-runners", "--output.text.path=", "--output.json.path="+jsonOut, "./...")
	cmd.Dir, cmd.Env = c.Dir, env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	r.Wall = time.Since(start).Seconds()
	if err != nil {
		return r, fmt.Errorf("%s %s: %v\n%s", c.Name, variant, err, stderr.String())
	}
	r.MaxRSS = measure.MaxRSS(cmd.ProcessState)
	r.CPU = (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
	data, err := os.ReadFile(jsonOut)
	if err != nil {
		return r, err
	}
	var res struct{ Issues []struct{ FromLinter string } }
	if err := json.Unmarshal(data, &res); err != nil {
		return r, fmt.Errorf("%s: %v", jsonOut, err)
	}
	r.Issues = make(map[string]int)
	for _, is := range res.Issues {
		r.Issues[is.FromLinter]++
	}
	return r, nil
}

func report(dir string, runs []Run, corpora []corpus, vs []string, n int, elapsed time.Duration, smoke bool) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var md strings.Builder
	loadavg, _ := os.ReadFile("/proc/loadavg")
	la := "n/a"
	if f := strings.Fields(string(loadavg)); len(f) >= 3 {
		la = strings.Join(f[:3], " ")
	}
	fmt.Fprintf(&md, "golangci-lint, medians of %d rounds, variants alternating, golangci-lint cache cleaned before each run; %s/%s, %d CPUs; load average at the end: %s; %s in all.\n\n",
		n, runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), la, elapsed.Round(time.Second))
	if smoke {
		md.WriteString("Smoke run: one run each; the figures are not meant to be compared.\n\n")
	}
	md.WriteString("| corpus | variant | wall | peak RSS | CPU | issues |\n|---|---|---:|---:|---:|---|\n")
	for _, c := range corpora {
		for _, v := range vs {
			var wall, rss, cpu []float64
			var issues map[string]int
			for _, r := range runs {
				if r.Corpus == c.Name && r.Variant == v && r.Round > 0 {
					wall, rss, cpu = append(wall, r.Wall), append(rss, float64(r.MaxRSS)), append(cpu, r.CPU)
					issues = r.Issues
				}
			}
			fmt.Fprintf(&md, "| %s | %s | %.2f s | %s | %.1f s | %d (errcodevet %d) |\n", c.Name, v, measure.Median(wall), measure.MiBText(measure.Median(rss)), measure.Median(cpu), total(issues), issues["errcodevet"])
		}
	}
	md.WriteString("\nRatios: the median over rounds of each round's ratio.\n\n| corpus | ratio | wall | memory | CPU |\n|---|---|---:|---:|---:|\n")
	for _, c := range corpora {
		for _, pair := range ratios {
			if !slices.Contains(vs, pair[0]) || !slices.Contains(vs, pair[1]) {
				continue
			}
			ratio := func(m func(Run) float64) string {
				var xs []float64
				for round := 1; round <= n; round++ {
					var num, den float64
					for _, r := range runs {
						if r.Corpus == c.Name && r.Round == round {
							switch r.Variant {
							case pair[0]:
								num = m(r)
							case pair[1]:
								den = m(r)
							}
						}
					}
					if num > 0 && den > 0 {
						xs = append(xs, num/den)
					}
				}
				if len(xs) == 0 {
					return "-"
				}
				return fmt.Sprintf("%.2fx", measure.Median(xs))
			}
			fmt.Fprintf(&md, "| %s | %s / %s | %s | %s | %s |\n", c.Name, pair[0], pair[1],
				ratio(func(r Run) float64 { return r.Wall }), ratio(func(r Run) float64 { return float64(r.MaxRSS) }), ratio(func(r Run) float64 { return r.CPU }))
		}
	}
	return measure.WriteResults(dir, md.String(), runs)
}

func total(m map[string]int) int {
	t := 0
	for _, v := range m {
		t += v
	}
	return t
}
