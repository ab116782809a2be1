package golangci

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/analyzer"
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
}

// Config returns the analyzer configuration s stands for.
func (s Settings) Config() analyzer.Config {
	return analyzer.Config{
		Checks:         s.Checks,
		Catalogs:       s.Catalogs,
		IncludeSuccess: s.IncludeSuccess,
		IncludeTests:   s.IncludeTests,
		RetryFuncs:     s.RetryFuncs,
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

// BuildAnalyzers returns the errcodevet analyzer configured by the settings.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	a, err := analyzer.New(p.settings.Config())
	if err != nil {
		return nil, fmt.Errorf("errcodevet settings: %w", err)
	}
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			report(coalesceFixes(d))
		}
		return run(pass)
	}
	return []*analysis.Analyzer{a}, nil
}

// coalesceFixes returns d with the consecutive insertions at one position in
// each of its fixes joined into one edit.
//
// errcodevet's fixes add an import as two insertions at the same place (a
// blank line, then the declaration), identical in every fix that adds it,
// so that go fix, which merges fixes, opens one group for them all.
// golangci-lint's --fix drops only duplicate edits that end up next to each
// other once sorted by position: from two findings' fixes it would keep
// both pairs and import the package twice. Joined, the two fixes' import
// edits are identical and applied once. Joining consecutive insertions at
// one position does not change what a fix does.
func coalesceFixes(d analysis.Diagnostic) analysis.Diagnostic {
	if len(d.SuggestedFixes) == 0 {
		return d
	}
	fixes := make([]analysis.SuggestedFix, len(d.SuggestedFixes))
	for i, sf := range d.SuggestedFixes {
		var edits []analysis.TextEdit
		for _, e := range sf.TextEdits {
			if n := len(edits); n > 0 && isInsertion(e) && isInsertion(edits[n-1]) && edits[n-1].Pos == e.Pos {
				edits[n-1].NewText = append(append([]byte(nil), edits[n-1].NewText...), e.NewText...)
				continue
			}
			edits = append(edits, e)
		}
		fixes[i] = analysis.SuggestedFix{Message: sf.Message, TextEdits: edits}
	}
	d.SuggestedFixes = fixes
	return d
}

func isInsertion(e analysis.TextEdit) bool {
	return !e.End.IsValid() || e.End == e.Pos
}

// GetLoadMode asks for type information: errcodevet decides from types.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
