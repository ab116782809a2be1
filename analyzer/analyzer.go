package analyzer

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/analyzerinternal"
	"github.com/errcodevet/errcodevet/internal/carrier"
	"github.com/errcodevet/errcodevet/internal/directive"
	"github.com/errcodevet/errcodevet/internal/fix"
	"github.com/errcodevet/errcodevet/internal/retry"
)

// Analyzer is errcodevet with its default configuration, configurable
// through Analyzer.Flags (as go vet, nogo and golangci-lint do).
var Analyzer = mustNew(Config{})

// New returns an analyzer with the given configuration. Its flags start
// from cfg. An invalid configuration is an error naming what is wrong.
// An analyzer looks for each directory's configuration file once: a
// driver that outlives edits (a language server) makes an analyzer per
// analysis, so that a file created since is found.
func New(cfg Config) (*analysis.Analyzer, error) {
	_, a, err := newAnalyzer(cfg, analysisFacts{}, factTypes)
	return a, err
}

// newAnalyzer returns an analyzer with the configuration cfg that learns
// and records what packages export through f, declaring factTypes, and
// its state.
func newAnalyzer(cfg Config, f facts, factTypes []analysis.Fact) (*state, *analysis.Analyzer, error) {
	s, err := compile(cfg, explicit(cfg))
	if err != nil {
		return nil, nil, err
	}
	st := &state{settings: s, facts: f}
	a := &analysis.Analyzer{
		Name:       "errcodevet",
		Doc:        doc,
		URL:        DocsURL,
		Run:        st.run,
		FactTypes:  factTypes,
		ResultType: resultType,
	}
	st.bindFlags(&a.Flags)
	return st, a, nil
}

func mustNew(cfg Config) *analysis.Analyzer {
	a, err := New(cfg)
	if err != nil {
		panic(err) // the default configuration loads only the built-in catalog, which tests load too
	}
	return a
}

// state is one analyzer's configuration; flags replace its settings.
type state struct {
	settings *settings
	facts    facts
	// scan, if not nil, is what the driver found of the packages before
	// their passes (a factless analyzer's, see internal/analyzerinternal).
	scan analyzerinternal.Scan
}

// pass is the state of one run over a package.
type pass struct {
	*analysis.Pass
	s        *settings
	facts    facts
	resolver *carrier.Resolver
	finder   *fix.Finder
	verifier *fix.Verifier // type-checks the fixes before they are offered
	file     *ast.File
	ignores  []*directive.Ignore

	retrying *retry.Funcs // which functions retry, as seen from the package

	diagnostics []analysis.Diagnostic // reported in position order by flush

	// cases maps each case expression of the expression switches being
	// visited to its switch, so that a fix changing a case's value can
	// tell whether the switch already has that value (see switch.go).
	cases map[ast.Expr]*switchCases
}

// run analyzes one package in steps: its settings and directives; the
// cheap exit (canMatter); for a package that can matter, the catalogs and
// its carriers (prepare), the facts for its importers and the checks over
// each file (checkFiles); last, the directives that suppressed nothing.
func (st *state) run(p *analysis.Pass) (any, error) {
	s, err := st.settings.forPackage(p)
	if err != nil {
		return (*Result)(nil), err
	}
	if err := s.checkFuncNames(p.Pkg); err != nil {
		return (*Result)(nil), err
	}
	r := &pass{Pass: p, s: s, facts: st.facts}
	defer r.flush()
	defer r.facts.done(p)
	files := r.checkedFiles()
	directives := r.parseDirectives(files)
	switch matters, exposes := st.canMatter(p, s); {
	case matters:
		if err := r.prepare(); err != nil {
			return r.result(), err
		}
		r.exportCarrierFacts(exposes)
		r.retryFuncs()
		r.checkFiles(files, directives)
	case retry.MayRetry(p.Pkg, inMainModule(p)):
		r.retryFuncs() // a retry helper package: its callers need its facts
	}
	r.reportDirectives(files, directives)
	return r.result(), nil
}

// canMatter is the cheap exit: a package that neither declares a carrier,
// nor imports a package exposing one, nor indexes a map with a key that
// carries a code cannot compare against a code. (Maps are looked for by
// their keys: a map[string]any is everywhere, runtime declares one.)
// exposes reports whether the package exposes carriers to its importers,
// by its types or its imports'. It has no side effects: asked again, it
// answers the same.
func (st *state) canMatter(p *analysis.Pass, s *settings) (matters, exposes bool) {
	declares, usesMapKeys := st.ownCarriers(p.Pkg, p.TypesInfo, s.keys)
	exposes = declares || st.facts.importsCarriers(p, s.keys)
	return exposes || usesMapKeys, exposes
}

// prepare loads the catalogs and finds the package's carriers, for the
// checks and the facts.
func (r *pass) prepare() error {
	if err := r.s.load(); err != nil {
		return err
	}
	r.resolver = carrier.NewResolver(r.Pkg, r.TypesInfo, r.s.index, r.importedFunc)
	r.resolver.SetClients(func(pkg *types.Package) (carrier.ClientsFact, bool) { return r.facts.clients(r.Pass, pkg) })
	r.finder = fix.NewFinder(r.Pass)
	r.verifier = fix.NewVerifier(r.Pass)
	r.resolver.Analyze(r.Files)
	return nil
}

// exportCarrierFacts records for importers the package's functions that
// return a carrier, if it exposes carriers (by its types, its imports or
// those functions) that it does, and whose client its own code shows it
// is. A main package (a command, or the
// test main a driver generates) has no importers.
func (r *pass) exportCarrierFacts(exposes bool) {
	if r.Pkg.Name() == "main" {
		return
	}
	for fn, tables := range r.resolver.Results() {
		if fn.Pkg() != r.Pkg {
			continue
		}
		var f carrier.ReturnsCarrier
		for i, t := range tables {
			if t != nil {
				f.Results = append(f.Results, carrier.ResultCarrier{Index: i, Family: r.s.index.Family(t), Role: t.Role})
			}
		}
		r.facts.exportReturnsCarrier(r.Pass, fn, f)
		exposes = true
	}
	if exposes {
		r.facts.exportExposes(r.Pass)
	}
	if f, ok := r.resolver.ClientsFact(); ok {
		r.facts.exportClients(r.Pass, f)
	}
}

// checkFiles runs the checks over the files, each with its directives.
func (r *pass) checkFiles(files []*ast.File, directives map[*ast.File][]*directive.Ignore) {
	for _, f := range files {
		r.file = f
		r.ignores = directives[f]
		ast.Inspect(f, r.visit)
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				r.retryChecks(fd)
				r.lenientSuccess(fd)
			}
		}
	}
}

// emit queues a diagnostic. The checks find their cases in different
// walks; flush reports them in the order of the source, as readers expect.
func (r *pass) emit(d analysis.Diagnostic) { r.diagnostics = append(r.diagnostics, d) }

func (r *pass) flush() {
	// By file name, then offset: the files' token.Pos ranges follow the
	// order the driver parsed them in, which go/packages leaves to chance.
	// Within a file, Pos order is offset order.
	slices.SortStableFunc(r.diagnostics, func(a, b analysis.Diagnostic) int {
		fa, fb := r.Fset.File(a.Pos), r.Fset.File(b.Pos)
		if fa == fb || fa == nil || fb == nil {
			return cmp.Compare(a.Pos, b.Pos)
		}
		return cmp.Or(cmp.Compare(fa.Name(), fb.Name()), cmp.Compare(a.Pos, b.Pos))
	})
	if r.verifier != nil {
		r.verifier.Filter(r.diagnostics)
	}
	for _, d := range r.diagnostics {
		r.Report(d)
	}
}

// checkedFiles returns the files findings are reported in: not generated
// ones, nor tests unless configured. A file with import "C" is seen as cmd/cgo
// rewrote it, marked generated; it is checked unless the file it was
// written from is generated too.
func (r *pass) checkedFiles() []*ast.File {
	var out []*ast.File
	for _, f := range r.Files {
		if ast.IsGenerated(f) && !cgoOutput(r.Fset, f) {
			continue
		}
		if !r.s.cfg.IncludeTests && strings.HasSuffix(r.Fset.File(f.Pos()).Name(), "_test.go") {
			continue
		}
		out = append(out, f)
	}
	return out
}

func (r *pass) importedFunc(fn *types.Func, result int) *catalog.Table {
	fact, ok := r.facts.returnsCarrier(r.Pass, fn)
	if !ok {
		return nil
	}
	rc, ok := fact.Result(result)
	if !ok {
		return nil
	}
	return r.s.index.Table(rc.Family, rc.Role)
}

func (r *pass) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.BinaryExpr:
		if n.Op == token.EQL || n.Op == token.NEQ {
			if !r.compare(n.X, n.Y) {
				r.compare(n.Y, n.X)
			}
		}
	case *ast.SwitchStmt:
		if n.Tag != nil {
			sw := r.newSwitchCases(n)
			for _, stmt := range n.Body.List {
				for _, e := range stmt.(*ast.CaseClause).List {
					r.compare(e, n.Tag)
				}
			}
			r.forgetSwitchCases(sw)
		}
	case *ast.CallExpr:
		if _, value, t, ok := r.resolver.CodeTest(n); ok {
			r.compareCodeTest(value, t)
		}
	}
	return true
}

// report reports a finding of check at node unless a directive suppresses
// it or the check is off.
func (r *pass) report(check *Check, node ast.Node, msg string, fixes ...analysis.SuggestedFix) {
	if cgoOutput(r.Fset, r.file) {
		// Edits would land in cmd/cgo's output, not in the file the user
		// wrote: drivers write a fix to the file its positions are in.
		fixes = nil
	}
	r.diagnose(check, analysis.Diagnostic{Pos: node.Pos(), End: node.End(), Message: msg, SuggestedFixes: fixes})
}

// reportRelated reports a finding with related information: where the
// finding's reason lies (the statement that gives up, or retries).
func (r *pass) reportRelated(check *Check, node ast.Node, msg string, related ...analysis.RelatedInformation) {
	r.diagnose(check, analysis.Diagnostic{Pos: node.Pos(), End: node.End(), Message: msg, Related: related})
}

// diagnose emits d as a finding of check unless a directive suppresses it
// or the check is off.
func (r *pass) diagnose(check *Check, d analysis.Diagnostic) {
	if !r.s.enabled[check.ID] {
		return
	}
	if ig := directive.Match(r.ignores, check.ID, r.Fset.Position(d.Pos).Line); ig != nil {
		ig.Used = true
		return
	}
	d.Category, d.URL = check.ID, check.URL()
	r.emit(d)
}

func (r *pass) parseDirectives(files []*ast.File) map[*ast.File][]*directive.Ignore {
	out := make(map[*ast.File][]*directive.Ignore)
	for _, f := range files {
		ignores, problems := directive.Parse(r.Fset, f, CheckIDs())
		for _, p := range problems {
			if r.s.enabled[directiveCategory] {
				r.emit(analysis.Diagnostic{Pos: p.Pos, End: p.End, Category: directiveCategory, Message: p.Msg, URL: DocsURL + "#suppressing-a-finding"})
			}
		}
		if len(ignores) > 0 {
			out[f] = ignores
		}
	}
	return out
}

// reportDirectives reports directives that suppressed nothing, so that
// suppressions do not outlive the code they were written for. A directive
// naming a check that is off is left alone.
func (r *pass) reportDirectives(files []*ast.File, directives map[*ast.File][]*directive.Ignore) {
	if !r.s.enabled[directiveCategory] {
		return
	}
	for _, f := range files {
		for _, ig := range directives[f] {
			if ig.Used {
				continue
			}
			enabled := true
			for _, id := range ig.Checks {
				enabled = enabled && r.s.enabled[id]
			}
			if enabled {
				r.emit(analysis.Diagnostic{Pos: ig.Pos, Category: directiveCategory, URL: DocsURL + "#suppressing-a-finding",
					Message: ig.Name() + " directive for " + strings.Join(ig.Checks, ",") + " suppresses nothing"})
			}
		}
	}
}

// inMainModule reports whether the pass's package belongs to a module
// being developed (retry.InMainModule).
func inMainModule(p *analysis.Pass) bool {
	// Drivers built on go/analysis/checker pass an empty module for a
	// package without one (the standard library): no module information.
	if p.Module != nil && p.Module.Path != "" {
		return retry.InMainModule(p.Pkg.Path(), true, p.Module.Version)
	}
	return retry.InMainModule(p.Pkg.Path(), false, "")
}
