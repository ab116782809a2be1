package lsp

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/internal/factless"
	"github.com/errcodevet/errcodevet/internal/testmodule"
)

// TestLoaderCache: unchanged packages are reused, edited ones and their
// importers rebuilt, and every graph has one package per ID, also when an
// edit is undone.
func TestLoaderCache(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":  "module m\n\ngo 1.26.0\n",
		"b/b.go":  "package b\n\nconst B = 1\n",
		"a/a.go":  "package a\n\nimport \"m/b\"\n\nconst A = b.B\n",
		"c/c.go":  "package c\n\nimport (\n\t\"m/a\"\n\t\"m/b\"\n)\n\nconst C = a.A + b.B\n",
		"d/d.go":  "package d\n\nimport \"strings\"\n\nvar D = strings.ToUpper(\"d\")\n",
		"b/b2.go": "package b\n",
	}
	testmodule.WriteFiles(t, dir, files)
	l := newLoader()
	load := func(overlay map[string][]byte, pattern string) *packages.Package {
		t.Helper()
		pkgs, err := l.load(context.Background(), packages.Config{Dir: dir, Overlay: overlay}, pattern)
		if err != nil || len(pkgs) != 1 {
			t.Fatalf("load %s: %v, %v", pattern, pkgs, err)
		}
		// One package per ID, and types.Package imports matching.
		byID := make(map[string]*packages.Package)
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			if q := byID[p.ID]; q != nil && q != p {
				t.Errorf("two packages %s in one graph", p.ID)
			}
			byID[p.ID] = p
			for _, f := range p.Syntax {
				if p.Fset.File(f.FileStart) == nil {
					t.Errorf("%s: a file of a forgotten package", p.ID)
				}
			}
			for _, e := range p.Errors {
				t.Errorf("%s: %v", p.ID, e)
			}
			for path, imp := range p.Imports {
				found := false
				for _, ti := range p.Types.Imports() {
					found = found || ti == imp.Types
				}
				if path != "unsafe" && !found {
					t.Errorf("%s imports a %s that is not its types' import", p.ID, path)
				}
			}
		})
		return pkgs[0]
	}
	bFile := filepath.Join(dir, "b", "b.go")

	c1 := load(nil, "./c")
	c2 := load(nil, "./c")
	if c1 != c2 {
		t.Error("unchanged package type-checked again")
	}
	d := load(nil, "./d")
	if d.Imports["strings"] != load(nil, "./d").Imports["strings"] {
		t.Error("standard library package type-checked again")
	}

	// Edit b: b rebuilt, a and c too.
	edited := map[string][]byte{bFile: []byte("package b\n\nconst B = 2\n")}
	b2 := load(edited, "./b")
	if b2 == c1.Imports["m/b"] {
		t.Error("edited package not type-checked again")
	}
	c3 := load(edited, "./c")
	if c3 == c1 || c3.Imports["m/a"] == c1.Imports["m/a"] || c3.Imports["m/b"] != b2 {
		t.Error("importers of the edited package not rebuilt, or the edit rebuilt twice")
	}

	// Edit b and load it alone, undo and load it alone: c's graph from
	// before the edit must not come back with the b the edit forgot.
	c4 := load(nil, "./c")
	load(edited, "./b")
	load(nil, "./b")
	if c5 := load(nil, "./c"); c5 == c4 {
		t.Error("a package importing a forgotten one was reused")
	}

	// Too many loads without it: d's graph is forgotten, files and all.
	for range keepLoads + 1 {
		load(nil, "./b")
	}
	if d2 := load(nil, "./d"); d2 == d {
		t.Error("package unused for many loads still cached")
	}
}

// TestLoaderListsOnlyWhenNeeded: go list runs again only when what it
// reads changes (imports, package clauses, build constraints, the files of
// a package's directory, go.mod), not for an edit of a function body; the
// standard library comes from export data.
func TestLoaderListsOnlyWhenNeeded(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module m\n\ngo 1.26.0\n",
		"b/b.go": "package b\n\nconst B = 1\n",
		"a/a.go": "package a\n\nimport (\n\t\"strings\"\n\n\t\"m/b\"\n)\n\nvar A = strings.Repeat(\"a\", b.B)\n",
	}
	testmodule.WriteFiles(t, dir, files)
	aFile := filepath.Join(dir, "a", "a.go")
	l := newLoader()
	load := func(overlay map[string][]byte, wantLists int, why string) *packages.Package {
		t.Helper()
		pkgs, err := l.load(context.Background(), packages.Config{Dir: dir, Overlay: overlay}, "./a")
		if err != nil || len(pkgs) != 1 {
			t.Fatalf("%s: load: %v, %v", why, pkgs, err)
		}
		for _, e := range pkgs[0].Errors {
			t.Errorf("%s: %v", why, e)
		}
		if l.listed != wantLists {
			t.Errorf("%s: %d go list runs in all, want %d", why, l.listed, wantLists)
		}
		return pkgs[0]
	}
	a := load(nil, 1, "first load")
	if s := a.Imports["strings"]; s.Syntax != nil || s.Types == nil || !s.Types.Complete() {
		t.Errorf("strings: syntax %v, types %v; want types from export data", s.Syntax != nil, s.Types)
	}
	if b := a.Imports["m/b"]; b.Syntax == nil {
		t.Error("m/b, a workspace package, not type-checked from source")
	}
	body := []byte(strings.Replace(files["a/a.go"], `"a"`, `"x"`, 1))
	if load(map[string][]byte{aFile: body}, 1, "body edited") == a {
		t.Error("edited package not type-checked again")
	}
	imports := []byte(strings.Replace(files["a/a.go"], "\"strings\"\n", "\"strings\"\n\t\"unicode\"\n", 1) + "\nvar _ = unicode.IsUpper\n")
	load(map[string][]byte{aFile: imports}, 2, "import added")
	load(map[string][]byte{aFile: imports}, 2, "nothing changed")
	load(map[string][]byte{aFile: imports, filepath.Join(dir, "a", "new.go"): []byte("package a\n")}, 3, "unsaved file added")
	if err := os.WriteFile(filepath.Join(dir, "b", "b2.go"), []byte("package b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	load(nil, 4, "file added to a dependency's directory")
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module m\n\ngo 1.26.0\n\n// edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	load(nil, 5, "go.mod edited")
}

// TestLoaderRuleAnswers: the rule's answers for the packages outside the
// workspace are kept across loads while the carrier keys that apply to
// them stay the same, under a new rule each load (the server makes a new
// analyzer per analysis), so that an edit reads no dependency's files
// again; an edit of the configuration that changes the keys is seen at the
// next load (issue 21).
func TestLoaderRuleAnswers(t *testing.T) {
	dir := t.TempDir()
	appText := "package app\n\nimport \"example.com/sdk\"\n\nfunc expired(r *sdk.Reply) bool { return r.Code() == 42001 }\n"
	testmodule.WriteFiles(t, dir, map[string]string{
		"sdk/go.mod":           "module example.com/sdk\n\ngo 1.26.0\n",
		"sdk/sdk.go":           "package sdk\n\nimport \"strings\"\n\ntype Reply struct {\n\tRet int64\n}\n\nfunc (r *Reply) Code() int64 { return r.Ret }\n\nvar _ = strings.ToUpper\n",
		"sdk/.errcodevet.yaml": "include-tests: false\n",
		"sdk/codes.yaml":       "extends: wechat\ncodes:\n  carriers:\n    fields: [example.com/sdk.Reply.Ret]\n",
		"app/go.mod":           "module example.com/app\n\ngo 1.26.0\n\nrequire example.com/sdk v0.0.0\n\nreplace example.com/sdk => ../sdk\n",
		"app/app.go":           appText,
	})
	appFile := filepath.Join(dir, "app", "app.go")
	config := filepath.Join(dir, "sdk", ".errcodevet.yaml")
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	l := newLoader()
	edits := 0
	// load loads app under a new analyzer's rule, with an edit of app.go
	// each time, and returns the sdk package it imports.
	load := func(why string) *packages.Package {
		t.Helper()
		a, err := factless.New(analyzer.Config{}, "")
		if err != nil {
			t.Fatal(err)
		}
		l.rule = a.Rule("")
		edits++
		overlay := map[string][]byte{appFile: []byte(appText + strings.Repeat("\n", edits))}
		pkgs, err := l.load(context.Background(), packages.Config{Dir: filepath.Join(dir, "app"), Env: env, Overlay: overlay}, "./")
		if err != nil || len(pkgs) != 1 {
			t.Fatalf("%s: load: %v, %v", why, pkgs, err)
		}
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			for _, e := range p.Errors {
				t.Errorf("%s: %s: %v", why, p.ID, e)
			}
		})
		return pkgs[0].Imports["example.com/sdk"]
	}
	setConfig := func(text string) {
		t.Helper()
		if err := os.WriteFile(config, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	if sdk := load("no catalog"); sdk.Syntax != nil {
		t.Fatal("no catalog: sdk, which spells no key, type-checked from source")
	}
	asked := l.asked
	if asked == 0 {
		t.Fatal("no catalog: the rule was not asked")
	}
	if sdk := load("edit"); sdk.Syntax != nil || l.asked != asked {
		t.Fatalf("edit: sdk from source %v, the rule asked %d times more; want export data, and the answers kept", sdk.Syntax != nil, l.asked-asked)
	}

	setConfig("catalog: [codes.yaml]\n")
	sdk := load("catalog added")
	if sdk.Syntax == nil {
		t.Fatal("catalog added: sdk, whose Reply.Ret the catalog lists, still from export data")
	}
	if l.asked == asked {
		t.Fatal("catalog added: the rule's answers kept")
	}
	asked = l.asked
	if again := load("edit with the catalog"); again != sdk || l.asked != asked {
		t.Fatalf("edit with the catalog: sdk type-checked again %v, the rule asked %d times more; want both kept", again != sdk, l.asked-asked)
	}

	setConfig("include-tests: false\n")
	if sdk := load("catalog removed"); sdk.Syntax != nil {
		t.Fatal("catalog removed: sdk still from source")
	}
}
