package carrier

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/errcodevet/errcodevet/catalog"
)

// A json tag or map key that several families share (errcode: the WeChat
// Official Account, WeCom) holds the values of the family whose client the
// package is, as its code shows:
//
//   - the package is, or imports, a package under one of the family's
//     client imports (an SDK: github.com/xen0n/go-workwx);
//   - a string literal of the package names one of its hosts
//     ("https://qyapi.weixin.qq.com/cgi-bin/gettoken");
//   - its path matches one of the family's package patterns (a catalog
//     setting, for a client the code does not tell).
//
// A package also counts the evidence of the packages it imports, and, for
// a struct field, of the package that declares the struct: their own
// evidence (path, imports, literals), which they pass on as a ClientsFact,
// so that the callers of a wrapper around a WeCom client are WeCom
// clients too.
// A package with no evidence holds the values of the family that declared
// the carrier first, as before the others shared it (the Official
// Account's errcode: hand-written clients of it rarely say so); one with
// evidence of exactly one family, that family's; one with evidence of
// several, only the values the families agree on (catalog.Joint), since
// which one a comparison meant cannot be told. Evidence of another vendor
// that answers with the same fields (DingTalk: oapi.dingtalk.com) keeps
// the package's shared carriers out of every family: its errcode values
// are DingTalk's.

// choice is what a json tag or map key carries: the table of one family,
// or the tables of the families that share it, in load order.
type choice struct {
	tables   []*catalog.Table
	families []string
	joint    *catalog.Table // the values they agree on; nil for one table
}

// familyClients is one family's client evidence.
type familyClients struct {
	family  string
	clients catalog.Clients
}

// evidence is what a package shows itself a client of.
type evidence struct {
	families map[string]bool
	others   bool // a client of a vendor no family describes
}

func (e *evidence) add(o evidence) {
	for f := range o.families {
		e.mark(f)
	}
	e.others = e.others || o.others
}

func (e *evidence) mark(family string) {
	if e.families == nil {
		e.families = make(map[string]bool)
	}
	e.families[family] = true
}

// addChoice records that table t of family fam is carried by key.
func addChoice(m map[string]*choice, key, fam string, t *catalog.Table) {
	c := m[key]
	if c == nil {
		m[key] = &choice{tables: []*catalog.Table{t}, families: []string{fam}}
		return
	}
	for _, have := range c.tables {
		if have == t {
			return
		}
	}
	c.tables = append(c.tables, t)
	c.families = append(c.families, fam)
}

// joinChoices makes the joint table of each shared carrier and registers
// it under its joint name, so that a fact naming it resolves.
func (idx *Index) joinChoices(m map[string]*choice) {
	for _, c := range m {
		if len(c.tables) < 2 || c.joint != nil {
			continue
		}
		name := catalog.JointName(c.families...)
		role := c.tables[0].Role
		if j := idx.tables[tableKey{name, role}]; j != nil {
			c.joint = j // a json tag and a map key shared by the same families
			continue
		}
		c.joint = catalog.Joint(c.tables...)
		idx.tables[tableKey{name, role}] = c.joint
		idx.family[c.joint] = name
	}
}

// choose returns the table a shared carrier holds in this package, for a
// field of a struct declared in decl (nil for a map key), or nil when the
// package is another vendor's client.
func (r *Resolver) choose(c *choice, decl *types.Package) *catalog.Table {
	if len(c.tables) == 1 {
		return c.tables[0]
	}
	ev := r.evidence()
	if decl != nil && decl != r.pkg {
		var both evidence
		both.add(*ev)
		both.add(r.idx.pathEvidence(decl))
		both.add(r.factEvidence(decl))
		ev = &both
	}
	if ev.others {
		return nil
	}
	picked := -1
	for i, fam := range c.families {
		if !ev.families[fam] {
			continue
		}
		if picked >= 0 {
			return c.joint
		}
		picked = i
	}
	if picked < 0 {
		return c.tables[0]
	}
	return c.tables[picked]
}

// AddClientPackage makes the packages that pattern matches (a path, or
// path/... for it and those under it) clients of family, as a pattern in
// the family's catalog clients: packages would. Call it before the index
// is used.
func (idx *Index) AddClientPackage(family, pattern string) {
	for i := range idx.clients {
		if idx.clients[i].family == family {
			c := &idx.clients[i].clients
			c.Packages = append(slices.Clip(c.Packages), pattern)
			return
		}
	}
	idx.clients = append(idx.clients, familyClients{family, catalog.Clients{Packages: []string{pattern}}})
}

// SetClients makes the resolver count the evidence other packages pass
// on (ClientsFact), looked up by clients; call it before Analyze.
func (r *Resolver) SetClients(clients func(*types.Package) (ClientsFact, bool)) {
	r.clients = clients
}

// ClientsFact returns what the package's own code shows it a client of,
// for its importers; false when it shows nothing. Call it after Analyze.
func (r *Resolver) ClientsFact() (ClientsFact, bool) {
	ev := r.ownEvidence()
	var f ClientsFact
	for _, fc := range r.idx.clients {
		if ev.families[fc.family] && !slices.Contains(f.Families, fc.family) {
			f.Families = append(f.Families, fc.family)
		}
	}
	f.Others = ev.others
	return f, len(f.Families) > 0 || f.Others
}

// factEvidence returns the evidence pkg passes on, if any.
func (r *Resolver) factEvidence(pkg *types.Package) evidence {
	var ev evidence
	if r.clients == nil {
		return ev
	}
	if f, ok := r.clients(pkg); ok {
		for _, fam := range f.Families {
			ev.mark(fam)
		}
		ev.others = f.Others
	}
	return ev
}

// evidence returns the package's evidence, computed once: its own (path,
// imports, string literals) and what the packages it imports pass on.
// The result is shared; callers copy it before adding to it.
func (r *Resolver) evidence() *evidence {
	if r.ev != nil {
		return r.ev
	}
	ev := new(evidence)
	ev.add(*r.ownEvidence())
	if r.pkg != nil {
		for _, imp := range r.pkg.Imports() {
			ev.add(r.factEvidence(imp))
		}
	}
	r.ev = ev
	return ev
}

// ownEvidence returns what the package's own code shows, computed once.
func (r *Resolver) ownEvidence() *evidence {
	if r.own != nil {
		return r.own
	}
	ev := new(evidence)
	if r.pkg != nil {
		*ev = r.idx.pathEvidence(r.pkg)
	}
	if hosts := r.idx.hosts(); len(hosts) > 0 {
		for _, f := range r.files {
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil {
						ev.addHosts(s, hosts)
					}
				}
				return true
			})
		}
	}
	r.own = ev
	return ev
}

// addHosts marks the families (or other vendors) whose hosts s names.
func (e *evidence) addHosts(s string, hosts []hostOf) {
	for _, h := range hosts {
		if !namesHost(s, h.host) {
			continue
		}
		if h.family == "" {
			e.others = true
		} else {
			e.mark(h.family)
		}
	}
}

type hostOf struct{ family, host string } // family "" for another vendor

// hosts lists every family's hosts, and other vendors' with family "".
func (idx *Index) hosts() []hostOf {
	var out []hostOf
	for _, fc := range idx.clients {
		for _, h := range fc.clients.Hosts {
			out = append(out, hostOf{fc.family, h})
		}
	}
	for _, h := range idx.others.Hosts {
		out = append(out, hostOf{"", h})
	}
	return out
}

// pathEvidence returns what a package's path and imports show.
func (idx *Index) pathEvidence(pkg *types.Package) evidence {
	var ev evidence
	if len(idx.clients) == 0 {
		return ev
	}
	paths := []string{pkg.Path()}
	for _, imp := range pkg.Imports() {
		paths = append(paths, imp.Path())
	}
	for _, fc := range idx.clients {
		if matchesClients(fc.clients, pkg.Path(), paths) {
			ev.mark(fc.family)
		}
	}
	ev.others = matchesClients(idx.others, pkg.Path(), paths)
	return ev
}

func matchesClients(c catalog.Clients, path string, paths []string) bool {
	for _, p := range c.Packages {
		if dir, ok := strings.CutSuffix(p, "/..."); ok && under(path, dir) || p == path {
			return true
		}
	}
	for _, imp := range c.Imports {
		for _, p := range paths {
			if under(p, imp) {
				return true
			}
		}
	}
	return false
}

// under reports whether path is prefix or a package under it.
func under(path, prefix string) bool {
	return path == prefix || strings.HasPrefix(path, prefix+"/")
}

// namesHost reports whether s names host: host occurs in it, not as the
// end of a longer name (api.weixin.qq.com in qyapi.weixin.qq.com) nor the
// start of one.
func namesHost(s, host string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], host)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(host)
		if (start == 0 || !hostChar(s[start-1])) && (end == len(s) || !hostChar(s[end]) || s[end] == '.' && !hostChar(next(s, end+1))) {
			return true
		}
		i = start + 1
	}
}

func next(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

func hostChar(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '.' || b == '-'
}
