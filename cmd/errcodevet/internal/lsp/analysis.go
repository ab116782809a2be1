package lsp

import (
	"context"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/analyzer"
	"github.com/errcodevet/errcodevet/cmd/errcodevet/internal/engine"
	"github.com/errcodevet/errcodevet/internal/factless"
)

// A run is one analysis of some open files, against a snapshot of every
// open file's contents.
type run struct {
	ctx    context.Context
	cancel context.CancelFunc
	paths  []string // the files asked for
	done   chan struct{}
}

// snapshot is an open file as a run sees it.
type snapshot struct {
	uri     string
	version int32
	text    []byte
}

// startRun starts analyzing the pending files, after the run before it
// has stopped: runs never overlap, and each publishes in order.
func (s *server) startRun() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped || s.state != stateInitialized || len(s.pending) == 0 {
		return
	}
	var paths []string
	for p := range s.pending {
		if s.docs[p] != nil {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	s.pending = make(map[string]bool)
	snap := make(map[string]snapshot, len(s.docs))
	for p, d := range s.docs {
		snap[p] = snapshot{uri: d.uri, version: d.version, text: d.text}
	}
	ctx, cancel := context.WithCancel(s.ctx)
	r := &run{ctx: ctx, cancel: cancel, paths: paths, done: make(chan struct{})}
	prev := s.running
	s.running = r
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer close(r.done)
		defer cancel()
		if prev != nil {
			<-prev.done
		}
		if hook, _ := testHookAnalyze.Load().(func()); hook != nil {
			hook()
		}
		if ctx.Err() != nil {
			return // cancelled by an edit, which put its files back in pending
		}
		results := s.analyze(ctx, paths, snap)
		s.finish(r, snap, results)
	}()
}

// testHookAnalyze, if set to a func(), runs before each analysis: tests
// hold an analysis with it.
var testHookAnalyze atomic.Value

// A result is what a run found in one open file.
type result struct {
	findings []finding
	pkg      string // the ID of the package the file was analyzed in, or ""
	why      string // why that package was not analyzed, or ""
}

// finish stores and publishes the results of r, unless an edit cancelled
// it or changed a file since the snapshot: those results are stale, and
// the next run replaces them.
func (s *server) finish(r *run, snap map[string]snapshot, results map[string]result) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running == r {
		s.running = nil
	}
	if r.ctx.Err() != nil {
		return
	}
	paths := make([]string, 0, len(results))
	for p := range results {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		doc := s.docs[p]
		if doc == nil || doc.version != snap[p].version {
			continue
		}
		res := results[p]
		doc.analyzed = true
		doc.resultOf = doc.version
		doc.findings = res.findings
		diags := make([]diagnostic, len(res.findings))
		for i, f := range res.findings {
			diags[i] = f.diag
		}
		v := doc.version
		s.outbox = append(s.outbox, notification{"textDocument/publishDiagnostics", publishDiagnosticsParams{URI: doc.uri, Version: &v, Diagnostics: diags}})
		if res.pkg != "" {
			if res.why != "" {
				s.noticeLocked(res.pkg, res.why)
			} else {
				delete(s.notices, res.pkg)
			}
		}
	}
	s.notifyLocked()
}

// analyze analyzes the packages of paths and returns the findings of every
// open file in them, and an empty result for the asked files it could not
// analyze. It returns nil if ctx is cancelled.
func (s *server) analyze(ctx context.Context, paths []string, snap map[string]snapshot) map[string]result {
	overlay := make(map[string][]byte, len(snap))
	for p, f := range snap {
		overlay[p] = f.text
	}
	// One load per module: go list runs in a module.
	groups := make(map[string][]string)
	for _, p := range paths {
		root := moduleRoot(filepath.Dir(p))
		groups[root] = append(groups[root], p)
	}
	roots := make([]string, 0, len(groups))
	for root := range groups {
		roots = append(roots, root)
	}
	sort.Strings(roots)
	results := make(map[string]result)
	for _, root := range roots {
		if ctx.Err() != nil {
			return nil
		}
		for p, res := range s.analyzeGroup(ctx, root, groups[root], snap, overlay) {
			results[p] = res
		}
	}
	if ctx.Err() != nil {
		return nil
	}
	return results
}

// moduleRoot returns the directory of the go.mod governing dir, or dir.
func moduleRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

func (s *server) analyzeGroup(ctx context.Context, dir string, paths []string, snap map[string]snapshot, overlay map[string][]byte) map[string]result {
	results := make(map[string]result, len(paths))
	for _, p := range paths {
		results[p] = result{} // cleared unless analyzed
	}
	tests := false
	patterns := make([]string, len(paths))
	for i, p := range paths {
		patterns[i] = "file=" + p
		tests = tests || strings.HasSuffix(p, "_test.go")
	}
	cfg := packages.Config{
		Dir:     dir,
		Env:     s.opts.Env,
		Tests:   tests,
		Overlay: overlay,
	}
	// One analyzer for the load and the analysis: the dependencies outside
	// the workspace that can export what findings depend on are analyzed
	// too, as by the command-line driver, and which those are depends on
	// the configuration as it is now, as the findings do.
	a, aErr := s.newAnalyzer()
	s.loader.rule = nil
	if aErr == nil {
		s.loader.rule = a.Rule("")
	}
	t0 := time.Now()
	pkgs, err := s.loader.load(ctx, cfg, patterns...)
	loaded := time.Since(t0)
	if ctx.Err() != nil {
		return nil
	}
	if err != nil {
		s.log.Printf("loading %s: %v", strings.Join(paths, " "), err)
		return results
	}

	// The package each open file is analyzed in: the plain package rather
	// than its test variant, which holds the same file.
	owner := make(map[string]*packages.Package)
	for _, pkg := range pkgs {
		for _, name := range pkg.CompiledGoFiles {
			name = filepath.Clean(name)
			if _, open := snap[name]; !open {
				continue
			}
			if cur := owner[name]; cur == nil || isTestVariant(cur) && !isTestVariant(pkg) {
				owner[name] = pkg
			}
		}
	}
	var roots []*packages.Package
	seen := make(map[*packages.Package]bool)
	for _, p := range paths {
		if pkg := owner[p]; pkg != nil && !seen[pkg] {
			seen[pkg] = true
			roots = append(roots, pkg)
		}
	}
	checked := s.check(a, aErr, roots)
	for _, pkg := range roots {
		files := make(map[string]*fileFindings)
		for name, o := range owner {
			if o == pkg {
				files[name] = &fileFindings{}
			}
		}
		c := checked[pkg]
		var why string
		if c.err != nil {
			// No findings for a package that does not type-check: the
			// analyzer does not run on it, and old findings may be wrong.
			// The client is told why (finish).
			s.log.Printf("%s: %v", pkg.ID, c.err)
			why = pkg.PkgPath + " " + c.err.Error()
			if !strings.HasPrefix(c.err.Error(), "not analyzed") {
				why = pkg.PkgPath + " not analyzed: " + c.err.Error()
			}
		} else {
			s.convert(pkg.Fset, c.diags, snap, files)
		}
		for name, ff := range files {
			results[name] = result{findings: ff.findings, pkg: pkg.ID, why: why}
		}
	}
	s.log.Printf("analyzed %s in %v (loading %v)", strings.Join(paths, " "), time.Since(t0).Round(time.Millisecond), loaded.Round(time.Millisecond))
	return results
}

func isTestVariant(pkg *packages.Package) bool { return pkg.ID != pkg.PkgPath }

// A checked package is what the analyzer found in it, or why it did not
// run.
type checked struct {
	diags []analysis.Diagnostic
	err   error
}

// newAnalyzer returns a new analyzer for one analysis, a panic of
// Options.Analyzer turned into an error: the server keeps running.
func (s *server) newAnalyzer() (a *factless.Analyzer, err error) {
	defer func() {
		if p := recover(); p != nil {
			a, err = nil, fmt.Errorf("analyzer panic: %v\n%s", p, debug.Stack())
		}
	}()
	return s.opts.Analyzer()
}

// check runs a, a new analyzer (or fails with aErr, the error making it),
// over roots and the packages from source they import (the workspace
// packages and the dependencies a's rule named), each after those it
// imports, so that it knows what they export. A root that has errors, or
// imports a package that has, gets an error and no findings, as do all
// when the analyzer panics: the server keeps running.
func (s *server) check(a *factless.Analyzer, aErr error, roots []*packages.Package) (out map[*packages.Package]checked) {
	out = make(map[*packages.Package]checked, len(roots))
	var analyze []*packages.Package
	isRoot := make(map[*packages.Package]bool, len(roots))
	for _, pkg := range roots {
		isRoot[pkg] = true
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if p.Syntax != nil && p.Types != nil && !p.IllTyped || isRoot[p] {
			analyze = append(analyze, p) // in dependency order
		}
	})
	for _, pkg := range roots {
		var errs []string
		packages.Visit([]*packages.Package{pkg}, nil, func(p *packages.Package) {
			for _, e := range p.Errors {
				errs = append(errs, e.Error())
			}
		})
		if len(errs) > 0 {
			const max = 5
			if len(errs) > max {
				errs = append(errs[:max], fmt.Sprintf("and %d more", len(errs)-max))
			}
			out[pkg] = checked{err: fmt.Errorf("not analyzed: %s", strings.Join(errs, "; "))}
			analyze = slices.DeleteFunc(analyze, func(p *packages.Package) bool { return p == pkg })
		}
	}
	fail := func(err error) map[*packages.Package]checked {
		for _, pkg := range roots {
			if _, done := out[pkg]; !done {
				out[pkg] = checked{err: err}
			}
		}
		return out
	}
	defer func() {
		if p := recover(); p != nil {
			out = fail(fmt.Errorf("analyzer panic: %v\n%s", p, debug.Stack()))
		}
	}()
	if aErr != nil {
		return fail(aErr)
	}
	// Sequential, in dependency order: each package's pass ends before its
	// importers' start. On this goroutine, so that a panic is recovered
	// above.
	prog := &engine.Program{Packages: analyze}
	graph, err := prog.Analyze(a, &checker.Options{Sequential: true})
	if err != nil {
		return fail(err)
	}
	for _, act := range graph.Roots {
		if !isRoot[act.Package] {
			continue
		}
		if _, done := out[act.Package]; done {
			continue
		}
		if act.Err != nil {
			out[act.Package] = checked{err: act.Err}
			continue
		}
		out[act.Package] = checked{diags: act.Diagnostics}
		if res, _ := act.Result.(*analyzer.Result); res != nil {
			s.sayHeldBack(res.HeldBack, act.Package.Module)
		}
	}
	return fail(fmt.Errorf("not analyzed"))
}

type fileFindings struct {
	findings []finding
}

// convert turns diags into findings of the open files in files, with LSP
// ranges in the snapshot contents that were analyzed.
func (s *server) convert(fset *token.FileSet, diags []analysis.Diagnostic, snap map[string]snapshot, files map[string]*fileFindings) {
	mappers := make(map[string]*mapper)
	// mapperFor returns the mapper of the file holding pos, if its contents
	// are those that were parsed.
	mapperFor := func(pos token.Pos) (string, *token.File, *mapper, error) {
		tf := fset.File(pos)
		if tf == nil {
			return "", nil, nil, fmt.Errorf("position %d in no file", pos)
		}
		name := filepath.Clean(tf.Name())
		if m := mappers[name]; m != nil {
			return name, tf, m, nil
		}
		var content []byte
		if f, ok := snap[name]; ok {
			content = f.text
		} else {
			var err error
			if content, err = os.ReadFile(name); err != nil {
				return "", nil, nil, err
			}
		}
		if len(content) != tf.Size() {
			return "", nil, nil, fmt.Errorf("%s: %d bytes analyzed, %d bytes now", name, tf.Size(), len(content))
		}
		m := newMapper(content)
		mappers[name] = m
		return name, tf, m, nil
	}
	for _, d := range diags {
		name, tf, m, err := mapperFor(d.Pos)
		if err != nil {
			s.log.Printf("diagnostic %q: %v", d.Message, err)
			continue
		}
		ff := files[name]
		if ff == nil {
			continue // a file that is not open, or analyzed in another package
		}
		end := d.End
		if !end.IsValid() {
			end = d.Pos
		}
		rng, err := m.rangeOf(tf.Offset(d.Pos), tf.Offset(end))
		if err != nil {
			s.log.Printf("diagnostic %q: %v", d.Message, err)
			continue
		}
		diag := diagnostic{
			Range:    rng,
			Severity: severityWarning,
			Code:     d.Category,
			Source:   "errcodevet",
			Message:  d.Message,
		}
		if d.URL != "" {
			diag.CodeDescription = &codeDescription{Href: d.URL}
		}
		for _, rel := range d.Related {
			relName, relFile, relMapper, err := mapperFor(rel.Pos)
			if err != nil {
				s.log.Printf("related information %q: %v", rel.Message, err)
				continue
			}
			relEnd := rel.End
			if !relEnd.IsValid() {
				relEnd = rel.Pos
			}
			relRange, err := relMapper.rangeOf(relFile.Offset(rel.Pos), relFile.Offset(relEnd))
			if err != nil {
				s.log.Printf("related information %q: %v", rel.Message, err)
				continue
			}
			diag.RelatedInformation = append(diag.RelatedInformation, relatedInformation{
				Location: lspLocation{URI: pathToURI(relName), Range: relRange},
				Message:  rel.Message,
			})
		}
		f := finding{diag: diag}
		for _, sf := range d.SuggestedFixes {
			fx, err := s.convertFix(sf, snap, mapperFor)
			if err != nil {
				s.log.Printf("fix %q: %v", sf.Message, err)
				continue
			}
			f.fixes = append(f.fixes, fx)
		}
		ff.findings = append(ff.findings, f)
	}
	for _, ff := range files {
		sort.SliceStable(ff.findings, func(i, j int) bool {
			return ff.findings[i].diag.Range.Start.before(ff.findings[j].diag.Range.Start)
		})
	}
}

func (s *server) convertFix(sf analysis.SuggestedFix, snap map[string]snapshot, mapperFor func(token.Pos) (string, *token.File, *mapper, error)) (fix, error) {
	byFile := make(map[string]*fileEdits)
	var names []string
	for _, e := range sf.TextEdits {
		name, tf, m, err := mapperFor(e.Pos)
		if err != nil {
			return fix{}, err
		}
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		rng, err := m.rangeOf(tf.Offset(e.Pos), tf.Offset(end))
		if err != nil {
			return fix{}, err
		}
		fe := byFile[name]
		if fe == nil {
			fe = &fileEdits{uri: pathToURI(name)}
			if f, ok := snap[name]; ok {
				v := f.version
				fe.uri, fe.version = f.uri, &v
			}
			byFile[name] = fe
			names = append(names, name)
		}
		fe.edits = append(fe.edits, textEdit{Range: rng, NewText: string(e.NewText)})
	}
	sort.Strings(names)
	fx := fix{title: sf.Message}
	for _, name := range names {
		fx.files = append(fx.files, *byFile[name])
	}
	return fx, nil
}
