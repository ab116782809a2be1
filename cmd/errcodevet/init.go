package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v4"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/cmd/errcodevet/internal/catalogcmd"
	"github.com/errcodevet/errcodevet/internal/configfile"
	"github.com/errcodevet/errcodevet/internal/factless"
)

const initUsage = `usage: errcodevet init [flags] [packages]

Init sets a module up so that errcodevet's fixes build. It analyzes the
packages (default ./...) and, for each family whose fixes would import a
constants package the module does not provide (the published constants
modules, until the module requires them), writes the family's constants
package into the module, as "errcodevet catalog gen" does, and names it in
the constants setting of the module's .errcodevet.yaml. Then run
"errcodevet -fix ./..." to apply the fixes.

A family goes to DIR/<family>codes (-dir), or to the package of the module
that the constants setting already names for it. The configuration file
is the module root's, created if missing; anything else in it stays as it
is. Nothing is written when a package cannot be.

Flags:
`

func runInit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("errcodevet init", flag.ContinueOnError)
	a, err := newFactless(fs)
	if err != nil {
		fmt.Fprintf(stderr, "errcodevet init: %v\n", err)
		return exitError
	}
	dir := fs.String("dir", "internal", "the `directory`, relative to the module root, of the packages written: DIR/<family>codes")
	tests := includeTests(fs)
	if code, ok := parseFlags(fs, args, stderr, initUsage); !ok {
		return code
	}
	if filepath.IsAbs(*dir) || !filepath.IsLocal(*dir) {
		fmt.Fprintf(stderr, "errcodevet init: -dir %s: want a directory inside the module, relative to its root\n", *dir)
		return exitUsage
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	run, err := analyzePackages(a, patterns, tests())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	exit := exitOK
	for _, p := range run.problems {
		fmt.Fprintln(stderr, p)
		exit = exitError
	}
	held := heldBack(run.graph)
	if len(held) == 0 {
		fmt.Fprintln(stdout, "errcodevet init: nothing to do: the module provides every package the fixes import")
		return exit
	}
	mod := mainModule(run.pkgs)
	if mod == nil {
		fmt.Fprintln(stderr, "errcodevet init: the packages are in no module: run it in a module (go mod init)")
		return exitError
	}
	plan, err := planInit(a, mod, held, *dir)
	if err != nil {
		fmt.Fprintf(stderr, "errcodevet init: %v\n", err)
		return exitError
	}
	for _, p := range plan.packages {
		g, err := catalogcmd.Generate(p.family, plan.catalogs, p.dir, "")
		if err != nil {
			fmt.Fprintf(stderr, "errcodevet init: family %s: %v\n", p.family.Name, err)
			return exitError
		}
		if g.ImportPath != p.importPath {
			fmt.Fprintf(stderr, "errcodevet init: family %s: %s is package %s, not %s\n", p.family.Name, p.dir, g.ImportPath, p.importPath)
			return exitError
		}
		fmt.Fprintf(stdout, "wrote %s: package %s, the constants of family %s\n", relative(g.File), g.Name, p.family.Name)
	}
	if plan.config != nil {
		if err := writeConfig(plan, mod.Dir); err != nil {
			fmt.Fprintf(stderr, "errcodevet init: %v\n", err)
			return exitError
		}
		fmt.Fprintf(stdout, "wrote %s: the fixes import them (constants: %s)\n", relative(plan.configPath), strings.Join(plan.settings, ", "))
	}
	fmt.Fprintln(stdout, `run "errcodevet -fix ./..." to apply the fixes`)
	return exit
}

// heldBack returns the constants packages whose fixes the root packages
// held back, each once, by family.
func heldBack(graph *checker.Graph) []analyzer.HeldBack {
	var held []analyzer.HeldBack
	for _, act := range graph.Roots {
		res, _ := act.Result.(*analyzer.Result)
		if res == nil {
			continue
		}
		for _, h := range res.HeldBack {
			if !slices.Contains(held, h) {
				held = append(held, h)
			}
		}
	}
	slices.SortFunc(held, func(a, b analyzer.HeldBack) int {
		return strings.Compare(a.Family+" "+a.Package, b.Family+" "+b.Package)
	})
	return held
}

// mainModule returns the module of the packages, or nil.
func mainModule(pkgs []*packages.Package) *packages.Module {
	for _, p := range pkgs {
		if p.Module != nil && p.Module.Main && p.Module.Dir != "" {
			return p.Module
		}
	}
	return nil
}

// initPlan is what init writes.
type initPlan struct {
	catalogs []string // catalog files besides the built-in one
	packages []initPackage

	configPath string
	config     []byte // the new configuration file; nil: unchanged
	configPerm os.FileMode
	settings   []string // "family: path" set in it
}

type initPackage struct {
	family     *catalog.Family
	dir        string // absolute
	importPath string
}

// planInit decides where each held-back family's constants go and the
// configuration file that names them, refusing a constants setting that
// names a package outside the module.
func planInit(a *factless.Analyzer, mod *packages.Module, held []analyzer.HeldBack, dir string) (*initPlan, error) {
	flags := a.Config()
	if flags.ConfigFile == "none" {
		return nil, fmt.Errorf("-config=none: init writes the constants setting into the configuration file")
	}
	cfg, _, err := flags.In(mod.Dir)
	if err != nil {
		return nil, err
	}
	plan := &initPlan{catalogs: cfg.Catalogs, configPath: cfg.ConfigFile, configPerm: 0o644}
	if plan.configPath == "" {
		plan.configPath = filepath.Join(mod.Dir, configfile.Name)
	}
	old, err := os.ReadFile(plan.configPath)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if info, err := os.Stat(plan.configPath); err == nil {
		plan.configPerm = info.Mode().Perm()
	}
	cat, err := catalog.Load(plan.catalogs...)
	if err != nil {
		return nil, err
	}
	set := make(map[string]string)
	for _, h := range held {
		fam := cat.Family(h.Family)
		if fam == nil {
			return nil, fmt.Errorf("no family %q in the catalogs", h.Family)
		}
		p := initPackage{family: fam}
		if named, ok := cfg.Constants[h.Family]; ok {
			rel, ok := strings.CutPrefix(named, mod.Path+"/")
			if !ok {
				return nil, fmt.Errorf("the constants of family %s are %s, outside module %s: require its module, or name a package of the module",
					h.Family, named, mod.Path)
			}
			p.importPath, p.dir = named, filepath.Join(mod.Dir, filepath.FromSlash(rel))
		} else {
			rel := path.Join(filepath.ToSlash(dir), h.Family+"codes")
			p.importPath, p.dir = mod.Path+"/"+rel, filepath.Join(mod.Dir, filepath.FromSlash(rel))
			set[h.Family] = p.importPath
			plan.settings = append(plan.settings, h.Family+": "+p.importPath)
		}
		plan.packages = append(plan.packages, p)
	}
	if len(set) > 0 {
		data, err := setConstants(old, set)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", plan.configPath, err)
		}
		plan.config = data
	}
	return plan, nil
}

// writeConfig writes the configuration file of plan, after checking, from
// a temporary file beside it, that the analyzer reads it.
func writeConfig(plan *initPlan, moduleDir string) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(plan.configPath), "."+filepath.Base(plan.configPath)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	_, err = tmp.Write(plan.config)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), plan.configPerm); err != nil {
		return err
	}
	if _, _, err = (analyzer.Config{ConfigFile: tmp.Name()}).In(moduleDir); err != nil {
		return fmt.Errorf("the configuration file init would write is invalid: %v", err)
	}
	return os.Rename(tmp.Name(), plan.configPath)
}

// setConstants returns the configuration file data with the constants
// setting of each family of set added, the rest of the text as it was:
// entries in an existing block mapping go after its last one; otherwise a
// constants block is added at the end.
func setConstants(data []byte, set map[string]string) ([]byte, error) {
	families := slices.Sorted(maps.Keys(set))
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	var constants *yaml.Node // the value
	var key *yaml.Node
	if doc.Kind != 0 && len(doc.Content) > 0 && doc.Content[0].Kind == yaml.MappingNode {
		m := doc.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == "constants" {
				key, constants = m.Content[i], m.Content[i+1]
			}
		}
	}
	lines := strings.SplitAfter(string(data), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if n := len(lines); n > 0 && !strings.HasSuffix(lines[n-1], "\n") {
		lines[n-1] += "\n"
	}
	if key == nil {
		var b strings.Builder
		if len(lines) > 0 {
			b.WriteString("\n")
		}
		b.WriteString("# The constants packages errcodevet's fixes import, written by errcodevet init.\nconstants:\n")
		for _, fam := range families {
			fmt.Fprintf(&b, "  %s: %s\n", fam, set[fam])
		}
		return []byte(strings.Join(lines, "") + b.String()), nil
	}
	indent := key.Column - 1 + 2
	after := key.Line // insert after this line (1-based)
	switch {
	case constants.Kind == yaml.MappingNode && constants.Style&yaml.FlowStyle == 0 && len(constants.Content) > 0:
		indent = constants.Content[0].Column - 1
		after = constants.Content[len(constants.Content)-1].Line
	case constants.Kind == yaml.ScalarNode && constants.Tag == "!!null" && constants.Line == key.Line:
	default:
		return nil, fmt.Errorf("%d:%d: the constants setting is not written as a block of family: path lines; add %s by hand",
			key.Line, key.Column, strings.Join(settingsList(families, set), ", "))
	}
	var add strings.Builder
	for _, fam := range families {
		fmt.Fprintf(&add, "%s%s: %s\n", strings.Repeat(" ", indent), fam, set[fam])
	}
	out := slices.Concat(lines[:after], []string{add.String()}, lines[after:])
	return []byte(strings.Join(out, "")), nil
}

func settingsList(families []string, set map[string]string) []string {
	var out []string
	for _, fam := range families {
		out = append(out, fam+": "+set[fam])
	}
	return out
}

// heldBackNotice returns the one line that says which fixes were held
// back and what to do about it in the main module, or "".
func heldBackNotice(graph *checker.Graph) string {
	var pkgs []*packages.Package
	for _, act := range graph.Roots {
		pkgs = append(pkgs, act.Package)
	}
	goVersion := ""
	if mod := mainModule(pkgs); mod != nil {
		goVersion = mod.GoVersion
	}
	return analyzer.HeldBackNotice(heldBack(graph), goVersion, "fixes")
}
