package analyzer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/errcodevet/errcodevet/analyzer"
)

// An entry of give-up-funcs or retry-funcs that names nothing in a package
// that would hold it (a typo: every finding it should turn on would
// silently stay off) fails the analysis with an error naming the entry,
// located at the item of the configuration file that gave it.
func TestFuncNamesThatNameNothing(t *testing.T) {
	dir := gopath(t)
	errOf := func(cfg analyzer.Config) error {
		t.Helper()
		for _, r := range analysistest.Run(new(testing.T), dir, newAnalyzer(t, cfg), "retrygiveup") {
			if r.Err != nil {
				return r.Err
			}
		}
		return nil
	}
	checks := []string{"retry-unknown", "retry-final"}

	err := errOf(analyzer.Config{Checks: checks, GiveUpFuncs: []string{"retrygiveup.Orders.MarkFaild"}})
	if want := "give-up-funcs: give-up function retrygiveup.Orders.MarkFaild names nothing: type retrygiveup.Orders has no method MarkFaild"; err == nil || err.Error() != want {
		t.Errorf("flag: %v, want %s", err, want)
	}
	err = errOf(analyzer.Config{Checks: checks, RetryFuncs: []string{"retrygiveup.Later"}})
	if want := "retry-funcs: retry function retrygiveup.Later names nothing: package retrygiveup has no function Later"; err == nil || err.Error() != want {
		t.Errorf("flag: %v, want %s", err, want)
	}

	config := filepath.Join(t.TempDir(), "errcodevet.yaml")
	file := "give-up-funcs:\n  - retrygiveup.Orders.MarkFailed\n  - retrygiveup.Ledger.Closes\n"
	if err := os.WriteFile(config, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	err = errOf(analyzer.Config{Checks: checks, ConfigFile: config})
	if want := config + ":3:5: give-up function retrygiveup.Ledger.Closes names nothing: type retrygiveup.Ledger has no method Closes"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("file: %v, want %s", err, want)
	}

	// Names that hold, or that this package cannot judge, are no error.
	if err := errOf(analyzer.Config{Checks: checks, GiveUpFuncs: []string{"retrygiveup.Orders.MarkFailed", "example.com/elsewhere.Store.MarkFailed"}}); err != nil {
		t.Errorf("good names: %v", err)
	}
}
