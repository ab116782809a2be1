package catalog

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ../internal/cmd/gencatalog

// BuiltinFiles lists the built-in catalog files, in load order. They are
// generated from the vendors' documents in sources/ by the importer; the
// linter loads them from builtinData, the same files already parsed.
var BuiltinFiles = []string{"builtin/wechat.yaml", "builtin/miniprogram.yaml", "builtin/wecom.yaml", "builtin/wechatpay.yaml", "builtin/alipay.yaml"}

// builtinData are the built-in catalog files as the generator parsed them
// (builtin_*.go), in the order of BuiltinFiles: parsing 216 KB of YAML cost
// every process that loads the catalog tens of milliseconds, and under go
// vet each analyzed package is a process. TestBuiltinData proves them equal
// to the YAML. They are shared: New reads files and never modifies them.
var builtinData = []*File{builtinWechat, builtinMiniprogram, builtinWecom, builtinWechatpay, builtinAlipay}

var builtin = sync.OnceValues(func() (*Catalog, error) { return New(builtinData...) })

// Builtin returns the built-in catalog: the families of BuiltinFiles. The
// result is shared and must not be modified.
func Builtin() (*Catalog, error) { return builtin() }

// Load returns the built-in catalog extended by the given catalog files, in
// order: a file may extend a family declared by a built-in or an earlier file.
// Without files it returns Builtin(), shared: a catalog is never modified.
func Load(paths ...string) (*Catalog, error) {
	if len(paths) == 0 {
		return Builtin()
	}
	files := slices.Clone(builtinData)
	for _, path := range paths {
		f, err := ReadFile(path)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return New(files...)
}

// LoadParsed returns the built-in catalog extended by files already
// parsed, in order: how "errcodevet catalog import" checks that what it
// proposes loads beside the built-ins.
func LoadParsed(files ...*File) (*Catalog, error) {
	return New(append(slices.Clone(builtinData), files...)...)
}

// New builds a catalog from parsed files, in order, checking what spans
// files: family names, extended families, status references and values or
// names that an extension repeats.
func New(files ...*File) (*Catalog, error) {
	c := new(Catalog)
	var errs []error
	for _, f := range files {
		errs = append(errs, c.add(f)...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
}

func (c *Catalog) add(f *File) []error {
	at := Pos{File: f.name}
	fam := c.Family(f.Family + f.Extends)
	switch {
	case f.Family != "" && fam != nil:
		return []error{&Error{at, fmt.Sprintf("family %q is already declared; use \"extends: %s\" to add to it", f.Family, f.Family)}}
	case f.Extends != "" && fam == nil:
		return []error{&Error{at, fmt.Sprintf("extends unknown family %q (known: %s)", f.Extends, c)}}
	case fam == nil:
		fam = &Family{Name: f.Family, Title: f.Title, Package: f.Package, Source: f.Source, Codes: &Table{Role: RoleCode, Kind: f.Codes.Kind}}
		c.families = append(c.families, fam)
	}
	pkg := f.Package
	if pkg == "" && f.Family != "" {
		pkg = fam.Package
	}
	var errs []error
	if f.Clients != nil {
		fam.Clients.add(f.Clients)
		if f.Clients.Others != nil {
			fam.Others.add(f.Clients.Others)
		}
	}
	names := make(map[string]bool)
	for _, t := range fam.Tables() {
		for _, code := range t.Codes {
			if code.Name != "" {
				names[code.Name] = true
			}
			for _, a := range code.Aliases {
				names[a] = true
			}
		}
	}
	if f.Status != nil && fam.Status == nil {
		fam.Status = &Table{Role: RoleStatus, Kind: KindString}
	}
	for _, pair := range []struct {
		ft *FileTable
		t  *Table
	}{{f.Status, fam.Status}, {f.Codes, fam.Codes}} { // status first: codes refer to it
		ft, t := pair.ft, pair.t
		if ft == nil {
			continue
		}
		if ft.Kind != "" && ft.Kind != t.Kind {
			errs = append(errs, &Error{ft.pos, fmt.Sprintf("kind %q differs from family %s's %q", ft.Kind, fam.Name, t.Kind)})
			continue
		}
		errs = append(errs, c.claimCarriers(fam, t, ft)...)
		if ft.Field != "" {
			t.Field = ft.Field
		}
		t.Carriers.JSON = append(t.Carriers.JSON, ft.Carriers.JSON...)
		t.Carriers.Fields = append(t.Carriers.Fields, ft.Carriers.Fields...)
		t.Carriers.Types = append(t.Carriers.Types, ft.Carriers.Types...)
		t.Carriers.MapKeys = append(t.Carriers.MapKeys, ft.Carriers.MapKeys...)
		for _, list := range []struct {
			documented bool
			entries    []FileEntry
		}{{true, ft.Documented}, {false, ft.Known}} {
			for _, e := range list.entries {
				// An extension need not repeat the family's kind, so
				// Parse may not have read its values as integers.
				if t.Kind == KindInt {
					v, err := strconv.ParseInt(e.Value, 10, 64)
					if err != nil {
						errs = append(errs, &Error{e.pos, fmt.Sprintf("value %q is not an integer, as family %s's codes are", e.Value, fam.Name)})
						continue
					}
					e.Value = strconv.FormatInt(v, 10)
				}
				if prev := t.Lookup(e.Value); prev != nil {
					errs = append(errs, &Error{e.pos, fmt.Sprintf("value %q is already in family %s", e.Value, fam.Name)})
					continue
				}
				if name := firstUsed(e.Names(), names); name != "" {
					errs = append(errs, &Error{e.pos, fmt.Sprintf("name %s is already used in family %s", name, fam.Name)})
					continue
				}
				if e.Status != "" && (fam.Status == nil || fam.Status.Lookup(e.Status) == nil) {
					errs = append(errs, &Error{e.pos, fmt.Sprintf("status %q is not a value of family %s's status table", e.Status, fam.Name)})
				}
				retry := e.Retry
				if retry == "" {
					retry = RetryUnstated
				}
				status, apiErrs := apiStatus(fam, e)
				errs = append(errs, apiErrs...)
				code := &Code{
					Value: e.Value, Name: e.Name, Message: e.Message, Action: e.Action, Source: e.Source,
					Status: status, APIStatuses: e.APIs, Retry: retry, Documented: list.documented,
					NameBy: e.NameBy, Aliases: e.Aliases,
				}
				if e.Name != "" {
					code.Package = pkg
				}
				for _, name := range e.Names() {
					names[name] = true
				}
				t.add(code)
			}
		}
		for _, s := range ft.Success {
			if t.Lookup(canonical(t.Kind, s)) == nil {
				errs = append(errs, &Error{ft.pos, fmt.Sprintf("success value %q is not listed as documented or known", s)})
				continue
			}
			t.Success = append(t.Success, canonical(t.Kind, s))
		}
	}
	return errs
}

// claimCarriers records the carriers ft names for table t of family fam,
// and reports those another table already has, unless both families say
// which packages are their clients and the tables hold the same kind of
// value: a json tag or map key may then be shared (WeCom answers with
// errcode like the Official Account), and the client decides, per package,
// which table it holds (package carrier). Otherwise a carrier holds the
// values of one table: the index would silently give a shared one to the
// first loaded (a custom family declaring json errcode would lose every
// finding to wechat). Fields and types are one SDK's, never shared.
func (c *Catalog) claimCarriers(fam *Family, t *Table, ft *FileTable) []error {
	if c.carriers == nil {
		c.carriers = make(map[carrierKey]carrierOwner)
	}
	var errs []error
	for _, group := range []struct {
		kind, what string
		names      []string
	}{
		{"json", "json tag", ft.Carriers.JSON},
		{"map-keys", "map key", ft.Carriers.MapKeys},
		{"fields", "field", ft.Carriers.Fields},
		{"types", "type", ft.Carriers.Types},
	} {
		for _, name := range group.names {
			k := carrierKey{group.kind, name}
			prev, taken := c.carriers[k]
			switch {
			case !taken:
				c.carriers[k] = carrierOwner{fam.Name, t, ft.pos}
			case prev.table != t && c.mayShare(group.kind, prev, fam, t):
				// The first family stays the owner: with no evidence in a
				// package, its values are the first family's.
			case prev.table != t:
				at := ""
				if prev.pos.File != "" {
					at = " (" + prev.pos.String() + ")"
				}
				hint := ""
				if (group.kind == "json" || group.kind == "map-keys") && prev.family != fam.Name {
					hint = ", or name your family's clients (clients:) to share it"
				}
				errs = append(errs, &Error{ft.pos, fmt.Sprintf(
					"%s %q already carries family %s's %s%s: a carrier holds one table's values; name a carrier of your own (a field or type path)%s",
					group.what, name, prev.family, tableNoun(prev.table.Role), at, hint)})
			}
		}
	}
	return errs
}

// mayShare reports whether table t of family fam may share a json tag or
// map key with the table that owns it: both families name their clients,
// and the tables hold values of the same role and kind.
func (c *Catalog) mayShare(kind string, owner carrierOwner, fam *Family, t *Table) bool {
	if kind != "json" && kind != "map-keys" || owner.family == fam.Name {
		return false
	}
	prev := c.Family(owner.family)
	return prev != nil && !prev.Clients.Empty() && !fam.Clients.Empty() &&
		owner.table.Role == t.Role && owner.table.Kind == t.Kind
}

func tableNoun(r Role) string {
	if r == RoleStatus {
		return "statuses"
	}
	return "codes"
}

// apiStatus returns the status of an entry that lists its APIs' statuses:
// theirs when they agree, "" when they differ. An entry whose APIs differ
// may state neither a status nor a retry class: either would pick one
// outcome for all of them.
func apiStatus(fam *Family, e FileEntry) (string, []error) {
	if len(e.APIs) == 0 {
		return e.Status, nil
	}
	var errs []error
	apis := slices.Sorted(maps.Keys(e.APIs))
	agreed := e.APIs[apis[0]]
	var listed []string
	for _, api := range apis {
		s := e.APIs[api]
		if fam.Status == nil || fam.Status.Lookup(s) == nil {
			errs = append(errs, &Error{e.pos, fmt.Sprintf("API %s gives %s status %q, which is not a value of family %s's status table", api, e.Value, s, fam.Name)})
		}
		if s != agreed {
			agreed = ""
		}
		listed = append(listed, api+": "+s)
	}
	switch {
	case agreed != "" && e.Status != "" && e.Status != agreed:
		errs = append(errs, &Error{e.pos, fmt.Sprintf("%s has status %s, but its APIs give %s", e.Value, e.Status, agreed)})
	case agreed == "" && e.Status != "":
		errs = append(errs, &Error{e.pos, fmt.Sprintf("%s has status %s, but its APIs differ (%s): leave the status out", e.Value, e.Status, strings.Join(listed, ", "))})
	case agreed == "" && e.Retry != "" && e.Retry != RetryUnstated:
		errs = append(errs, &Error{e.pos, fmt.Sprintf("%s has retry class %s, but its APIs differ (%s): the retry checks must not pick one", e.Value, e.Retry, strings.Join(listed, ", "))})
	}
	return agreed, errs
}

// firstUsed returns the first of names that used holds, or "".
func firstUsed(names []string, used map[string]bool) string {
	for _, name := range names {
		if used[name] {
			return name
		}
	}
	return ""
}
