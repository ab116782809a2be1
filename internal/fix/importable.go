package fix

import (
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
)

// importable reports whether the package being analyzed, in file, can
// import the package at importPath as its build stands: an import a fix adds must not
// leave a module that no longer builds (an unpublished module, a module the
// user does not require). It is, in order:
//   - a package the package imports already, in another file;
//   - in GOPATH mode (no go.mod above the package), a directory of Go
//     files under the GOPATH root that holds the package;
//   - a package of the main module (a constants package generated there,
//     which the constants: setting names): a directory of Go files in it,
//     with no go.mod of its own;
//   - when the module vendors, a package that vendor/ holds;
//   - a package of a module that go.mod requires, or that the workspace
//     (go.work) uses: the module whose path is the import path, or a
//     longer prefix of it whose files hold the package (a replacement
//     directory, or the module cache).
//
// It answers false when it cannot tell.
func (f *Finder) importable(file *ast.File, importPath string) bool {
	if ok, seen := f.importables[importPath]; seen {
		return ok
	}
	dir := filepath.Dir(f.pass.Fset.File(file.FileStart).Name())
	ok := importable(f.pass.Pkg, dir, importPath)
	f.importables[importPath] = ok
	return ok
}

// importable reports whether pkg, whose files are in dir, can import the
// package at importPath (see Finder.importable).
func importable(pkg *types.Package, dir, importPath string) bool {
	if dependsOn(pkg, importPath) {
		return true
	}
	if !filepath.IsAbs(dir) {
		return false
	}
	root, mod := findGoMod(dir)
	if mod == nil {
		// GOPATH mode: the package's directory is GOPATH/src/its path
		// (an external test package's, its package's path).
		suffix := string(filepath.Separator) + filepath.FromSlash(strings.TrimSuffix(pkg.Path(), "_test"))
		if src, ok := strings.CutSuffix(dir, suffix); ok {
			return goFiles(filepath.Join(src, filepath.FromSlash(importPath)))
		}
		return false
	}
	if mod.Module == nil {
		return false
	}
	if within(importPath, mod.Module.Mod.Path) {
		return packageIn(root, mod.Module.Mod.Path, importPath)
	}
	if fileExists(filepath.Join(root, "vendor", "modules.txt")) {
		// The build reads vendor/, which has what go mod vendor copied.
		return goFiles(filepath.Join(root, "vendor", filepath.FromSlash(importPath)))
	}
	// The required module that provides it: the longest path prefix.
	var best *modfile.Require
	for _, r := range mod.Require {
		if within(importPath, r.Mod.Path) && (best == nil || len(r.Mod.Path) > len(best.Mod.Path)) {
			best = r
		}
	}
	if best != nil {
		if best.Mod.Path == importPath {
			return true
		}
		if dir := moduleDir(root, mod, best.Mod); dir != "" {
			return packageIn(dir, best.Mod.Path, importPath)
		}
	}
	for _, use := range workspaceModules(root) {
		if within(importPath, use.path) && packageIn(use.dir, use.path, importPath) {
			return true
		}
	}
	return false
}

// dependsOn reports whether pkg imports the package at importPath
// already (in another file).
func dependsOn(pkg *types.Package, importPath string) bool {
	for _, q := range pkg.Imports() {
		if q.Path() == importPath {
			return true
		}
	}
	return false
}

// within reports whether importPath is modPath or a package under it.
func within(importPath, modPath string) bool {
	return importPath == modPath || strings.HasPrefix(importPath, modPath+"/")
}

// findGoMod returns the directory and go.mod of the module holding dir, or
// a nil file when there is none (or it does not parse).
func findGoMod(dir string) (string, *modfile.File) {
	for d := dir; ; d = filepath.Dir(d) {
		file := filepath.Join(d, "go.mod")
		if data, err := os.ReadFile(file); err == nil {
			mod, err := modfile.Parse(file, data, nil)
			if err != nil {
				return "", nil
			}
			return d, mod
		}
		if filepath.Dir(d) == d {
			return "", nil
		}
	}
}

// packageIn reports whether the module modPath, whose files are in root,
// holds the package importPath: a directory of Go files with no go.mod
// between it and root (which would make it another module's).
func packageIn(root, modPath, importPath string) bool {
	rel := strings.TrimPrefix(strings.TrimPrefix(importPath, modPath), "/")
	dir := filepath.Join(root, filepath.FromSlash(rel))
	if !goFiles(dir) {
		return false
	}
	for d := dir; d != filepath.Clean(root) && len(d) > len(root); d = filepath.Dir(d) {
		if fileExists(filepath.Join(d, "go.mod")) {
			return false
		}
	}
	return true
}

// goFiles reports whether dir holds a Go file that is not a test.
func goFiles(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if name := e.Name(); !e.IsDir() && strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			return true
		}
	}
	return false
}

func fileExists(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}

// moduleDir returns the directory holding the files of m, required by the
// module at root with go.mod mod: its replacement's directory, or its
// place in the module cache; "" if neither is known.
func moduleDir(root string, mod *modfile.File, m module.Version) string {
	for _, r := range mod.Replace {
		if r.Old.Path != m.Path || r.Old.Version != "" && r.Old.Version != m.Version {
			continue
		}
		if r.New.Version == "" { // a directory
			if filepath.IsAbs(r.New.Path) {
				return r.New.Path
			}
			return filepath.Join(root, filepath.FromSlash(r.New.Path))
		}
		m = r.New
		break
	}
	cache := modCache()
	if cache == "" {
		return ""
	}
	p, err1 := module.EscapePath(m.Path)
	v, err2 := module.EscapeVersion(m.Version)
	if err1 != nil || err2 != nil {
		return ""
	}
	return filepath.Join(cache, filepath.FromSlash(p)+"@"+v)
}

// modCache returns the module cache directory as the go command finds it
// from the environment ($GOMODCACHE, else $GOPATH/pkg/mod, else
// ~/go/pkg/mod).
func modCache() string {
	if c := os.Getenv("GOMODCACHE"); c != "" {
		return c
	}
	gopath := os.Getenv("GOPATH")
	if gopath == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		gopath = filepath.Join(home, "go")
	}
	return filepath.Join(filepath.SplitList(gopath)[0], "pkg", "mod")
}

type workspaceModule struct{ path, dir string }

// workspaceModules returns the modules of the go.work the go command uses
// for the module at root ($GOWORK, or the nearest above), if any.
func workspaceModules(root string) []workspaceModule {
	file := os.Getenv("GOWORK")
	switch file {
	case "off":
		return nil
	case "":
		for d := root; ; d = filepath.Dir(d) {
			if fileExists(filepath.Join(d, "go.work")) {
				file = filepath.Join(d, "go.work")
				break
			}
			if filepath.Dir(d) == d {
				return nil
			}
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	work, err := modfile.ParseWork(file, data, nil)
	if err != nil {
		return nil
	}
	var mods []workspaceModule
	for _, u := range work.Use {
		dir := filepath.FromSlash(u.Path)
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(filepath.Dir(file), dir)
		}
		if _, mod := findGoMod(dir); mod != nil && mod.Module != nil && fileExists(filepath.Join(dir, "go.mod")) {
			mods = append(mods, workspaceModule{mod.Module.Mod.Path, dir})
		}
	}
	return mods
}
