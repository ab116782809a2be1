package golangci_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/golangci"
)

// TestExampleConfig checks that .golangci.example.yml enables errcodevet
// as a module plugin with a setting for every analyzer flag, and that its
// settings are valid.
func TestExampleConfig(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", ".golangci.example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Version string
		Linters struct {
			Enable   []string
			Settings struct {
				Custom map[string]struct {
					Type        string
					Description string
					OriginalURL string `yaml:"original-url"`
					Settings    map[string]any
				}
			}
		}
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Version != "2" {
		t.Errorf("version = %q, want \"2\"", cfg.Version)
	}
	enabled := false
	for _, name := range cfg.Linters.Enable {
		enabled = enabled || name == golangci.Name
	}
	if !enabled {
		t.Errorf("linters.enable = %v, want errcodevet in it", cfg.Linters.Enable)
	}
	custom, ok := cfg.Linters.Settings.Custom[golangci.Name]
	if !ok {
		t.Fatal("no linters.settings.custom.errcodevet")
	}
	if custom.Type != "module" || custom.Description == "" || custom.OriginalURL == "" {
		t.Errorf("linters.settings.custom.errcodevet: type %q, description %q, original-url %q; want module and both set",
			custom.Type, custom.Description, custom.OriginalURL)
	}
	analyzer.Analyzer.Flags.VisitAll(func(f *flag.Flag) {
		if _, ok := custom.Settings[f.Name]; !ok {
			t.Errorf("the example does not show the setting %s", f.Name)
		}
	})
	if _, err := golangci.New(custom.Settings); err != nil {
		t.Errorf("the example's settings: %v", err)
	}
}
