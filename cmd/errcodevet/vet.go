package main

import (
	"flag"
	"fmt"
	"io"
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
// the flag (go vet prints it once per package) rather than the usage.
// Messages end with their check ID: go vet shows nothing else.
func runVet(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("errcodevet", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if _, err := newAnalyzer(fs); err != nil {
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
		fmt.Fprintf(stderr, "errcodevet: %s%s\n", err, relativeCatalogHint(err, args))
		return exitUsage
	}
	// singlechecker hands a .cfg file to the unitchecker and serves
	// -flags and -V=full.
	singlechecker.Main(checkid.InMessages(analyzer.Analyzer)) // exits
	return exitOK
}

// relativeCatalogHint explains why a relative catalog path is not found
// under go vet, which runs the tool in each package's directory.
func relativeCatalogHint(err error, args []string) string {
	if !strings.Contains(err.Error(), "for flag -"+flagCatalog+":") {
		return ""
	}
	for i, a := range args {
		var v string
		switch {
		case strings.HasPrefix(a, "-"+flagCatalog+"="), strings.HasPrefix(a, "--"+flagCatalog+"="):
			_, v, _ = strings.Cut(a, "=")
		case (a == "-"+flagCatalog || a == "--"+flagCatalog) && i+1 < len(args):
			v = args[i+1]
		}
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" && !filepath.IsAbs(p) {
				return " (go vet runs errcodevet in each package's directory: give catalog files as absolute paths, or name them in .errcodevet.yaml, where paths are relative to the file)"
			}
		}
	}
	return ""
}

// anyValue accepts any value for a flag this parser only steps over.
type anyValue struct{ boolean bool }

func (v anyValue) String() string   { return "" }
func (v anyValue) Set(string) error { return nil }
func (v anyValue) IsBoolFlag() bool { return v.boolean }
