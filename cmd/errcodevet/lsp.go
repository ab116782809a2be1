package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/cmd/errcodevet/internal/lsp"
	"github.com/errcodevet/errcodevet/internal/factless"
)

const lspUsage = `usage: errcodevet lsp [flags]

Lsp runs errcodevet as a language server on standard input and output, for
editors: it publishes errcodevet's diagnostics for the open Go files as you
type and offers their fixes as quick-fix code actions. Run it beside gopls.
The analyzer flags are those of the command line; see docs/editors.md.

Flags:
`

func runLSP(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("errcodevet lsp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	// This analyzer takes the flags, checking them; each analysis gets a
	// new one (newRun).
	_, err := newFactless(fs)
	if err != nil {
		fmt.Fprintf(stderr, "errcodevet lsp: %v\n", err)
		return 1
	}
	debounce := fs.Duration("debounce", lsp.DefaultDebounce, "wait after an edit before analyzing (initializationOptions {\"debounce\": \"300ms\"} overrides it)")
	if code, ok := parseFlags(fs, args, stderr, lspUsage); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "errcodevet lsp: unexpected argument %q: the server reads its client on standard input\n", fs.Arg(0))
		return 2
	}
	if *debounce < 0 {
		fmt.Fprintf(stderr, "errcodevet lsp: -debounce: negative duration %v\n", *debounce)
		return 2
	}
	// The server wants a factless analyzer per analysis: with fact types,
	// every dependency would be type-checked from source (seconds), and a
	// new analyzer forgets what an edit made untrue. The flags set on the
	// command line are set on each; a flag's value replaces, never adds
	// to, the setting, so the last value given says all.
	newRun := func() (*factless.Analyzer, error) {
		a, err := factless.New(analyzer.Config{}, "")
		if err != nil {
			return nil, err
		}
		fs.Visit(func(f *flag.Flag) {
			if r, ok := f.Value.(*recorder); ok && err == nil {
				err = a.Analyzer.Flags.Set(f.Name, r.last)
			}
		})
		return a, err
	}
	if _, err := newRun(); err != nil {
		fmt.Fprintf(stderr, "errcodevet lsp: %v\n", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err = lsp.Serve(ctx, stdio{stdout}, lsp.Options{
		Analyzer: newRun,
		Debounce: *debounce,
		Log:      stderr,
		Version:  version(),
	})
	if err != nil {
		fmt.Fprintf(stderr, "errcodevet lsp: %v\n", err)
		return 1
	}
	return 0
}

// stdio is the server's connection: standard input, and the given output.
type stdio struct{ out io.Writer }

func (s stdio) Read(p []byte) (int, error)  { return os.Stdin.Read(p) }
func (s stdio) Write(p []byte) (int, error) { return s.out.Write(p) }
func (s stdio) Close() error                { return nil }
