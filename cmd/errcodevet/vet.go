package main

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/internal/checkid"
)

// isVetInvocation reports whether args are the go command's: go vet and go
// fix run the tool with -V=full and -flags to learn about it, then once per
// package with the flags and a .cfg file describing the package.
// flagCatalog is the analyzer's flag naming catalog files.
const flagCatalog = "catalog"

func isVetInvocation(args []string) bool {
	if len(args) == 0 {
		return false
	}
	if strings.HasSuffix(args[len(args)-1], ".cfg") {
		return true
	}
	for _, a := range args {
		if a == "-flags" || strings.HasPrefix(a, "-V=") {
			return true
		}
	}
	return false
}

// runVet serves go vet and go fix through the unitchecker protocol. The
// flags are checked here first, so that a bad value is one line naming
// the flag rather than the usage, said by the runs on the packages asked
// about only.
//
// A configuration file in error fails the run, as a non-zero exit: the go
// command caches a package's facts before it reads an error the tool
// reports in its JSON output, and later runs would go green, analyzing
// nothing. The file found from the directory go vet runs in is checked
// when it asks for the tool's identity (-V=full), before any package, once
// (whatever the flags, which go vet does not pass there); the file of
// each package asked about, with the flags, before that package's run.
// Messages end with their check ID: go vet shows nothing else.
func runVet(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("errcodevet", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	a, err := newFactless(fs) // for its configuration only
	if err != nil {
		fmt.Fprintf(stderr, "errcodevet: %v\n", err)
		return exitError
	}
	// The driver flags of the protocol (see analysisflags), taken as given.
	for _, name := range []string{"flags", "V", "json", "fix", "diff", "source", "v", "all"} {
		fs.Var(anyValue{boolean: true}, name, "")
	}
	for _, name := range []string{"c", "tags"} {
		fs.Var(anyValue{}, name, "")
	}
	if err := fs.Parse(args); err != nil {
		if dependencyRun(args) {
			// The go command runs the tool on every dependency for its
			// facts, the standard library included, with the same flags:
			// the packages it was asked about say what is wrong, once
			// each. Exiting without facts leaves nothing for it to cache.
			return exitOK
		}
		fmt.Fprintf(stderr, "errcodevet: %s%s\n", err, relativePathHint(err, args))
		return exitUsage
	}
	if len(args) == 1 && args[0] == "-V=full" {
		return printToolID(stdout, stderr)
	}
	if dir := vetPackageDir(args); dir != "" {
		if _, err := a.Files(dir); err != nil {
			fmt.Fprintf(stderr, "errcodevet: %v\n", err)
			return exitError
		}
	}
	// singlechecker hands a .cfg file to the unitchecker and serves
	// -flags and -V=full.
	singlechecker.Main(checkid.InMessages(analyzer.Analyzer)) // exits
	return exitOK
}

// vetConfig is what the tool reads of the go command's .cfg file, the
// last argument of a run on a package.
type vetConfig struct {
	Dir      string // the package's directory
	VetxOnly bool   // run for the facts its importers need only
}

func readVetConfig(args []string) (vetConfig, bool) {
	var c vetConfig
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return c, false
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil || json.Unmarshal(data, &c) != nil {
		return c, false
	}
	return c, true
}

// dependencyRun reports whether args run the tool on a package only for
// the facts its importers need: go vet does not show what such a run
// finds.
func dependencyRun(args []string) bool {
	c, ok := readVetConfig(args)
	return ok && c.VetxOnly
}

// vetPackageDir returns the directory of the package args run the tool on
// for go vet to show what it finds, or "".
func vetPackageDir(args []string) string {
	c, ok := readVetConfig(args)
	if !ok || c.VetxOnly {
		return ""
	}
	return c.Dir
}

// relativePathHint explains why a relative catalog or configuration path
// is not found under go vet, which runs the tool in each package's
// directory.
func relativePathHint(err error, args []string) string {
	for _, name := range []string{flagCatalog, "config"} {
		if !strings.Contains(err.Error(), "for flag -"+name+":") {
			continue
		}
		for i, a := range args {
			var v string
			switch {
			case strings.HasPrefix(a, "-"+name+"="), strings.HasPrefix(a, "--"+name+"="):
				_, v, _ = strings.Cut(a, "=")
			case (a == "-"+name || a == "--"+name) && i+1 < len(args):
				v = args[i+1]
			}
			for _, p := range strings.Split(v, ",") {
				if p = strings.TrimSpace(p); p != "" && !filepath.IsAbs(p) {
					return " (go vet runs errcodevet in each package's directory: give the path absolute, or put the setting in .errcodevet.yaml, where paths are relative to the file)"
				}
			}
		}
	}
	return ""
}

// printToolID answers go vet's -V=full: the tool's identity, which go vet
// keys its cache of results on. Besides the executable (as analysisflags
// does), it covers the configuration file found from the current directory
// and the catalog files it names, so that editing them is not answered
// from the cache. A file in error fails it, and with it the go command.
func printToolID(stdout, stderr io.Writer) int {
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "errcodevet: %v\n", err)
		return exitError
	}
	h := sha256.New()
	hashFile := func(path string) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\x00", path)
		_, err = io.Copy(h, f)
		return err
	}
	if err := hashFile(exe); err != nil {
		fmt.Fprintf(stderr, "errcodevet: %v\n", err)
		return exitError
	}
	_, files, err := analyzer.Config{}.In(".")
	if err != nil {
		fmt.Fprintf(stderr, "errcodevet: %v\n", err)
		return exitError
	}
	for _, f := range files {
		hashFile(f)
	}
	fmt.Fprintf(stdout, "%s version devel comments-go-here buildID=%02x\n", exe, h.Sum(nil))
	return exitOK
}

// anyValue accepts any value for a flag this parser only steps over.
type anyValue struct{ boolean bool }

func (v anyValue) String() string   { return "" }
func (v anyValue) Set(string) error { return nil }
func (v anyValue) IsBoolFlag() bool { return v.boolean }
