package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/constgen"
)

// goCommand runs the go command in dir, offline, outside any workspace,
// with the local toolchain (so that the go line cannot switch it), and
// returns its standard output.
func goCommand(t *testing.T, dir string, args ...string) ([]byte, error) {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	cmd := exec.Command(goCmd, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=readonly")
	out, err := cmd.Output()
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		return out, errors.New(string(ee.Stderr))
	}
	return out, err
}

// TestConstantsModules guards what the constants modules promise their
// users: depending on one adds no other module to their build and needs
// no newer Go than 1.18. It also runs their tests, which "go test ./..."
// at the root does not reach (they are other modules).
func TestConstantsModules(t *testing.T) {
	for _, name := range families {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("..", "..", "..", name)
			out, err := goCommand(t, dir, "list", "-m", "-json", "all")
			if err != nil {
				t.Fatalf("go list -m -json all: %v", err)
			}
			var modules []struct {
				Path      string
				Main      bool
				GoVersion string
			}
			for dec := json.NewDecoder(strings.NewReader(string(out))); dec.More(); {
				var m struct {
					Path      string
					Main      bool
					GoVersion string
				}
				if err := dec.Decode(&m); err != nil {
					t.Fatal(err)
				}
				modules = append(modules, m)
			}
			if len(modules) != 1 || !modules[0].Main || modules[0].Path != modulePath+"/"+name {
				t.Fatalf("go list -m all in %s lists %+v, want the module %s/%s alone: it must require nothing", name, modules, modulePath, name)
			}
			if modules[0].GoVersion != constgen.GoVersion {
				t.Errorf("%s/go.mod says go %s, want go %s", name, modules[0].GoVersion, constgen.GoVersion)
			}
			for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
				if out, err := goCommand(t, dir, args...); err != nil {
					t.Errorf("go %s in %s: %v\n%s", strings.Join(args, " "), name, err, out)
				}
			}
		})
	}
}

// TestConstantsGoVersionIsLowest proves the go line is as low as it can
// be: the code uses only standard library API that Go 1.18 has (the
// stdversion check of go vet is silent below go 1.21, so this reads the
// API lists of the Go distribution), and with go 1.17 it does not build.
func TestConstantsGoVersionIsLowest(t *testing.T) {
	added := laterAPI(t, constgen.GoVersion)
	for _, name := range families {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("..", "..", "..", name)
			cfg := &packages.Config{
				Mode: packages.NeedName | packages.NeedTypes | packages.NeedTypesInfo | packages.NeedSyntax,
				Dir:  dir,
				Env:  append(os.Environ(), "GOWORK=off", "GOPROXY=off", "GOTOOLCHAIN=local"),
			}
			pkgs, err := packages.Load(cfg, ".")
			if err != nil {
				t.Fatal(err)
			}
			if len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
				t.Fatalf("loading %s: %+v", name, pkgs)
			}
			used := 0
			for id, obj := range pkgs[0].TypesInfo.Uses {
				if obj.Pkg() == nil || obj.Pkg() == pkgs[0].Types || obj.Parent() != obj.Pkg().Scope() {
					continue
				}
				used++
				key := obj.Pkg().Path() + "." + obj.Name()
				if v, ok := added[key]; ok {
					t.Errorf("%s uses %s, added in %s", pkgs[0].Fset.Position(id.Pos()), key, v)
				}
			}
			if used == 0 {
				t.Fatalf("%s uses no standard library API: the check checked nothing", name)
			}

			// The same code with go 1.17 must not build: 1.18 is the lowest.
			tmp := t.TempDir()
			src, err := os.ReadFile(filepath.Join(dir, "codes.go"))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(tmp, "codes.go"), src, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(tmp, "go.mod"), []byte("module example.com/low\n\ngo 1.17\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = goCommand(t, tmp, "build", ".")
			if err == nil || !strings.Contains(err.Error(), "requires go1.18") {
				t.Errorf("building %s with go 1.17: %v; want an error saying it requires go1.18", name, err)
			}
		})
	}
}

// laterAPI returns the package-level standard library names added after
// Go version v ("pkg.Name" -> "go1.N"), from $GOROOT/api.
func laterAPI(t *testing.T, v string) map[string]string {
	t.Helper()
	minor, err := strconv.Atoi(strings.TrimPrefix(v, "1."))
	if err != nil {
		t.Fatal(err)
	}
	api := filepath.Join(runtimeGOROOT(t), "api")
	line := regexp.MustCompile(`^pkg ([^ ,]+)(?: \([^)]*\))?, (?:func|const|var|type) ([A-Za-z0-9_]+)`)
	added := make(map[string]string)
	for n := minor + 1; ; n++ {
		f, err := os.Open(filepath.Join(api, "go1."+strconv.Itoa(n)+".txt"))
		if errors.Is(err, os.ErrNotExist) {
			if n == minor+1 {
				t.Fatalf("no API list go1.%d.txt in %s", n, api)
			}
			break
		} else if err != nil {
			t.Fatal(err)
		}
		for s := bufio.NewScanner(f); s.Scan(); {
			if m := line.FindStringSubmatch(s.Text()); m != nil {
				added[m[1]+"."+m[2]] = "go1." + strconv.Itoa(n)
			}
		}
		f.Close()
	}
	if added["slices.BinarySearchFunc"] != "go1.21" {
		t.Fatalf("the API lists in %s do not say slices.BinarySearchFunc came in go1.21: cannot trust them", api)
	}
	return added
}

func runtimeGOROOT(t *testing.T) string {
	out, err := goCommand(t, ".", "env", "GOROOT")
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

// TestPublishedListsComplete: each constants module's published_test.go
// lists every constant the package publishes (it checks their values in
// that module, which cannot import the catalog).
func TestPublishedListsComplete(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range families {
		path := filepath.Join("..", "..", "..", name, "published_test.go")
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		listed := make(map[string]bool)
		ast.Inspect(f, func(n ast.Node) bool {
			if spec, ok := n.(*ast.ValueSpec); ok && len(spec.Names) == 1 && spec.Names[0].Name == "published" {
				for _, elt := range spec.Values[0].(*ast.CompositeLit).Elts {
					lit := elt.(*ast.CompositeLit).Elts[0].(*ast.BasicLit)
					s, _ := strconv.Unquote(lit.Value)
					listed[s] = true
				}
				return false
			}
			return true
		})
		if len(listed) == 0 {
			t.Fatalf("%s: no published list found", path)
		}
		for _, table := range cat.Family(name).Tables() {
			for _, c := range table.Codes {
				if c.Name != "" && !listed[c.Name] {
					t.Errorf("%s %s %s is published as %s, which %s lacks: append it", name, table.Role, c.Value, c.Name, path)
				}
				for _, a := range c.Aliases {
					if !listed[a] {
						t.Errorf("%s %s %s keeps the alias %s, which %s lacks: an alias is a name published before", name, table.Role, c.Value, a, path)
					}
				}
			}
		}
	}
}

// TestExampleModule vets the bundled example, a module of its own that
// requires the constants modules as a user's would ("go vet ./..." at the
// root does not reach it).
func TestExampleModule(t *testing.T) {
	if out, err := goCommand(t, filepath.Join("..", "..", "..", "example"), "vet", "./..."); err != nil {
		t.Fatalf("go vet in example: %v\n%s", err, out)
	}
}
