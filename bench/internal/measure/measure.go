// Package measure holds what the benchmark commands share: running a
// command for its output, the peak memory of an exited process, medians
// and how figures are printed.
package measure

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// Output runs name with args in dir under env and returns its standard
// output; on failure the error carries the command and its standard error.
func Output(dir string, env []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return string(out), nil
}

// Median returns the median of xs, 0 when there are none.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// MiBText prints a size in KiB as MiB, or "n/a" for 0 (no reading).
func MiBText(kib float64) string {
	if kib == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.0f MiB", kib/1024)
}

// SplitList splits a comma-separated flag value, dropping empty items.
func SplitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// WriteResults writes a benchmark's tables (markdown) to dir/results.md and
// its runs to dir/results.json, then prints the tables.
func WriteResults(dir, tables string, runs any) error {
	if err := os.WriteFile(filepath.Join(dir, "results.md"), []byte(tables), 0o644); err != nil {
		return err
	}
	data, err := json.MarshalIndent(runs, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "results.json"), append(data, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Print(tables)
	return nil
}
