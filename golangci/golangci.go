package golangci

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/internal/checkid"
	"github.com/errcodevet/errcodevet/internal/factless"
)

// Name is the linter's name in golangci-lint's configuration and in
// //nolint directives.
const Name = "errcodevet"

func init() {
	register.Plugin(Name, New)
}

// Settings are the plugin's settings: the analyzer's Config, whose json tags
// name each setting as the analyzer's flags and .errcodevet.yaml do (one
// table of settings, in package analyzer). Relative paths (catalog,
// config) are taken from the directory golangci-lint runs in. Unknown keys
// are errors.
type Settings analyzer.Config

// Config returns the analyzer configuration s stands for.
func (s Settings) Config() analyzer.Config { return analyzer.Config(s) }

// Plugin is errcodevet as a golangci-lint linter.
type Plugin struct {
	settings Settings
}

// New decodes the settings golangci-lint passes (the `settings` map of
// linters.settings.custom.errcodevet) and validates them, so that a bad
// configuration stops golangci-lint before any package is loaded.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, fmt.Errorf("errcodevet settings: %w", err)
	}
	if _, err := analyzer.New(s.Config()); err != nil {
		return nil, fmt.Errorf("errcodevet settings: %w", err)
	}
	return &Plugin{settings: s}, nil
}

// BuildAnalyzers returns the errcodevet analyzer configured by the
// settings, in the form that declares no fact types: golangci-lint would
// otherwise load every dependency from source (internal/factless says
// what that form knows less, BENCHMARKS.md what it saves). Its messages end
// with their check's ID, as errcodevet's own text output does:
// golangci-lint shows the linter's name, not the check an
// //errcodevet:ignore directive needs. A finding's related information (a
// retry finding's "gives up here") is in its message, with its line
// (relatedInMessages): golangci-lint would count it as an issue of its own.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	a, err := factless.New(p.settings.Config(), p.factsDir())
	if err != nil {
		return nil, fmt.Errorf("errcodevet settings: %w", err)
	}
	return []*analysis.Analyzer{checkid.InMessages(relatedInMessages(a.Analyzer))}, nil
}

// factsDir is where the analyzer keeps each package's facts between runs:
// inside golangci-lint's cache directory, so that `golangci-lint cache
// clean` drops them with the results they go with, in a subdirectory per
// configuration, platform and errcodevet binary (facts depend on all three).
// It is empty, keeping nothing, when golangci-lint's cache is off.
func (p *Plugin) factsDir() string {
	cache := os.Getenv("GOLANGCI_LINT_CACHE")
	if cache == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		cache = filepath.Join(dir, "golangci-lint")
	}
	if cache == "off" || !filepath.IsAbs(cache) {
		return ""
	}
	h := sha256.New()
	settings, _ := json.Marshal(p.settings)
	fmt.Fprintf(h, "%s\n%s\n%s\n%s\n%s\n", settings, runtime.GOOS, runtime.GOARCH, os.Getenv("GOOS")+"/"+os.Getenv("GOARCH"), os.Getenv("GOFLAGS"))
	// The configuration's files (analyzer.Config.In), as found from the
	// directory golangci-lint runs in.
	_, files, _ := p.settings.Config().In(".")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		fmt.Fprintf(h, "%s %x\n", f, sha256.Sum256(data))
	}
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			fmt.Fprintf(h, "%s %d %d\n", exe, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return filepath.Join(cache, "errcodevet-facts", hex.EncodeToString(h.Sum(nil)[:12]))
}

// GetLoadMode asks for type information: errcodevet decides from types.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
