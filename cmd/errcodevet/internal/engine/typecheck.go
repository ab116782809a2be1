package engine

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"slices"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// TypeCheck parses and type-checks the package m describes (go list's
// metadata), as go/packages does a package it loads from source: its
// errors are m's (go list's) with the parser's and the type checker's
// appended, and it is ill-typed if it or an import has errors. imports
// are m's imports, already loaded, by import path; an import without
// syntax has its types read by fromExport. With ignoreBodies, function
// bodies are not checked (a dependency's). Files are read from overlay
// first, then from disk.
//
// The engine's Load and the language server's loader both check their
// source packages with it.
func TypeCheck(fset *token.FileSet, m *packages.Package, imports map[string]*packages.Package, overlay map[string][]byte,
	fromExport func(*packages.Package) (*types.Package, error), ignoreBodies bool) *packages.Package {
	p := &packages.Package{
		ID:              m.ID,
		Name:            m.Name,
		PkgPath:         m.PkgPath,
		Errors:          slices.Clone(m.Errors),
		GoFiles:         m.GoFiles,
		CompiledGoFiles: m.CompiledGoFiles,
		OtherFiles:      m.OtherFiles,
		EmbedFiles:      m.EmbedFiles,
		EmbedPatterns:   m.EmbedPatterns,
		IgnoredFiles:    m.IgnoredFiles,
		Module:          m.Module,
		Imports:         imports,
		Fset:            fset,
		TypesSizes:      m.TypesSizes,
		TypesInfo:       NewTypesInfo(),
	}
	defer func() {
		p.IllTyped = len(p.Errors) > 0
		for _, imp := range p.Imports {
			p.IllTyped = p.IllTyped || imp.IllTyped
		}
	}()
	if p.PkgPath == "unsafe" {
		p.Types = types.Unsafe
		p.Syntax = []*ast.File{}
		return p
	}
	p.Types = types.NewPackage(p.PkgPath, p.Name)

	var mu sync.Mutex // appendError is called by the parsing goroutines
	appendError := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		switch err := err.(type) {
		case packages.Error:
			p.Errors = append(p.Errors, err)
		case *os.PathError:
			p.Errors = append(p.Errors, packages.Error{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError})
		case scanner.ErrorList:
			for _, e := range err {
				p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		case types.Error:
			p.TypeErrors = append(p.TypeErrors, err)
			p.Errors = append(p.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
		default:
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
	}

	p.Syntax = parseFiles(fset, p.CompiledGoFiles, overlay, appendError)

	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := p.Imports[path]
			if imp == nil {
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			if imp.Types != nil && imp.Types.Complete() {
				return imp.Types, nil
			}
			return fromExport(imp)
		}),
		IgnoreFuncBodies: ignoreBodies,
		Error:            appendError,
		Sizes:            p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	typErr := types.NewChecker(tc, fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if typErr != nil && len(p.Errors) == 0 {
		appendError(typErr)
	}
	return p
}

// parseFiles parses files, several at a time, and returns the syntax of
// those that parsed (partly, with errors), in the order of files.
func parseFiles(fset *token.FileSet, files []string, overlay map[string][]byte, appendError func(error)) []*ast.File {
	parsed := make([]*ast.File, len(files))
	errs := make([]error, len(files))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, name := range files {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			src, ok := overlay[name]
			if !ok {
				var err error
				if src, err = os.ReadFile(name); err != nil {
					errs[i] = err
					return
				}
			}
			parsed[i], errs[i] = parser.ParseFile(fset, name, src, parser.AllErrors|parser.ParseComments)
		})
	}
	wg.Wait()
	var syntax []*ast.File
	for i := range files {
		if parsed[i] != nil {
			syntax = append(syntax, parsed[i])
		}
		if errs[i] != nil {
			appendError(errs[i])
		}
	}
	return syntax
}

// NewTypesInfo returns a types.Info that records everything go/packages
// records for a package loaded from source.
func NewTypesInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// ReadExport reads the types of the package path from its export data
// file into imports, the packages read so far by path, and returns them:
// every package read from export data is one types.Package, whichever
// export file mentions it. The caller serializes calls sharing imports.
func ReadExport(fset *token.FileSet, imports map[string]*types.Package, path, file string) (*types.Package, error) {
	if file == "" {
		return nil, fmt.Errorf("no export data for %s", path)
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("reading export data for %s: %v", path, err)
	}
	t, err := gcexportdata.Read(r, fset, imports, path)
	if err != nil {
		return nil, fmt.Errorf("reading export data for %s: %v", path, err)
	}
	return t, nil
}
