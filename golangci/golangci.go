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
)

// Name is the linter's name in golangci-lint's configuration and in
// //nolint directives.
const Name = "errcodevet"

func init() {
	register.Plugin(Name, New)
}

// Settings are the plugin's settings, the analyzer's flags under the same
// names (see analyzer.Config). Unknown keys are errors.
type Settings struct {
	// Checks are the IDs of the checks to run; empty means all.
	Checks []string `json:"checks" yaml:"checks"`
	// Catalogs are catalog files adding or extending API families,
	// relative to the directory golangci-lint runs in.
	Catalogs []string `json:"catalog" yaml:"catalog"`
	// IncludeSuccess reports success values compared as literals too.
	IncludeSuccess bool `json:"include-success" yaml:"include-success"`
	// IncludeTests checks _test.go files too.
	IncludeTests bool `json:"include-tests" yaml:"include-tests"`
	// RetryFuncs are further functions that retry what they are given, as
	// import/path.Func or import/path.Type.Method.
	RetryFuncs []string `json:"retry-funcs" yaml:"retry-funcs"`
	// Constants maps a family to the import path of the constants package
	// its fixes import: {wechat: example.com/m/internal/wechatcodes}.
	Constants map[string]string `json:"constants" yaml:"constants"`
	// ConfigFile is the errcodevet configuration file to read, relative to the
	// directory golangci-lint runs in, instead of the .errcodevet.yaml
	// found from each package's directory up to its module root; "none"
	// reads none. The settings above override the file's.
	ConfigFile string `json:"config" yaml:"config"`
}

// Config returns the analyzer configuration s stands for.
func (s Settings) Config() analyzer.Config {
	return analyzer.Config{
		Checks:         s.Checks,
		Catalogs:       s.Catalogs,
		IncludeSuccess: s.IncludeSuccess,
		IncludeTests:   s.IncludeTests,
		RetryFuncs:     s.RetryFuncs,
		Constants:      s.Constants,
		ConfigFile:     s.ConfigFile,
	}
}

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
// otherwise load every dependency from source (analyzer.NewFactless says
// what that form knows less, BENCHMARKS.md what it saves). Its messages end
// with their check's ID, as errcodevet's own text output does:
// golangci-lint shows the linter's name, not the check an
// //errcodevet:ignore directive needs.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	a, err := analyzer.NewFactless(p.settings.Config(), p.factsDir())
	if err != nil {
		return nil, fmt.Errorf("errcodevet settings: %w", err)
	}
	return []*analysis.Analyzer{checkid.InMessages(a)}, nil
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
	for _, c := range p.settings.Catalogs {
		data, _ := os.ReadFile(c)
		fmt.Fprintf(h, "%s %x\n", c, sha256.Sum256(data))
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
