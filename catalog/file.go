package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"go/token"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// File is one catalog file: it declares a new family, or extends one
// declared earlier (a built-in or another file). The format is documented in
// doc.go; JSON files are accepted too, JSON being a subset of YAML.
type File struct {
	Family  string `yaml:"family,omitempty"`
	Extends string `yaml:"extends,omitempty"`
	Title   string `yaml:"title,omitempty"`
	Package string `yaml:"package,omitempty"`
	// Source says where the family's table was read, when every entry was
	// read there (entries read elsewhere say so themselves).
	Source  string       `yaml:"source,omitempty"`
	Clients *FileClients `yaml:"clients,omitempty"`
	Codes   *FileTable   `yaml:"codes,omitempty"`
	Status  *FileTable   `yaml:"status,omitempty"`

	name string // the file name errors are reported against
}

// FileClients is the file form of Clients: the evidence that a package is
// a client of the family, and, under Others, of other vendors.
type FileClients struct {
	Imports  []string     `yaml:"imports,omitempty,flow"`
	Hosts    []string     `yaml:"hosts,omitempty,flow"`
	Packages []string     `yaml:"packages,omitempty,flow"`
	Others   *FileClients `yaml:"others,omitempty"`

	pos Pos
}

// Pos returns where the clients mapping starts in its file.
func (c *FileClients) Pos() Pos { return c.pos }

// FileTable is the file form of a Table.
type FileTable struct {
	Kind       Kind         `yaml:"kind,omitempty"`
	Field      string       `yaml:"field,omitempty"`
	Carriers   FileCarriers `yaml:"carriers,omitempty"`
	Success    []string     `yaml:"success,omitempty,flow"`
	Documented []FileEntry  `yaml:"documented,omitempty"`
	Known      []FileEntry  `yaml:"known,omitempty"`

	pos Pos
}

// FileCarriers is the file form of Carriers.
type FileCarriers struct {
	JSON    []string `yaml:"json,omitempty,flow"`
	Fields  []string `yaml:"fields,omitempty"`
	Types   []string `yaml:"types,omitempty"`
	MapKeys []string `yaml:"map-keys,omitempty,flow"`
}

// Pos returns where the table starts in its file.
func (t *FileTable) Pos() Pos { return t.pos }

// Empty reports whether no carrier is named.
func (c FileCarriers) Empty() bool {
	return len(c.JSON)+len(c.Fields)+len(c.Types)+len(c.MapKeys) == 0
}

// FileEntry is the file form of a Code.
type FileEntry struct {
	Value   string `yaml:"value"`
	Name    string `yaml:"name,omitempty"`
	Status  string `yaml:"status,omitempty"`
	Message string `yaml:"message,omitempty"`
	Action  string `yaml:"action,omitempty"`
	Retry   Retry  `yaml:"retry,omitempty"`
	// Source says where the entry was read: the vendor's page, or a public
	// copy of it (repository@commit:path), or a third party's statement.
	Source string `yaml:"source,omitempty"`
	// APIs maps the APIs that document the code to the resultStatus each
	// gives it: {pay: U, inquiryPayment: F}. A code whose status differs
	// between APIs states no status and no retry class of its own.
	APIs map[string]string `yaml:"apis,omitempty"`
	// NameBy says who chose Name when it is not the vendor's own words
	// ("errcodevet": a label written from the vendor's text), for the
	// constant's doc comment.
	NameBy string `yaml:"name-by,omitempty"`
	// Aliases are names the code's constant was published under before
	// Name. The constants package keeps each as a deprecated alias of Name,
	// so that code using one still builds.
	Aliases []string `yaml:"aliases,omitempty,flow"`

	pos Pos
}

// Pos returns where the entry starts in its file.
func (e *FileEntry) Pos() Pos { return e.pos }

// Names returns the entry's name and aliases: every name its constant
// has.
func (e *FileEntry) Names() []string {
	if e.Name == "" {
		return nil
	}
	return append([]string{e.Name}, e.Aliases...)
}

// Pos is a position in a catalog file.
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is a located problem in a catalog file.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Marshal encodes f in the catalog file format.
func (f *File) Marshal(header string) ([]byte, error) {
	var buf bytes.Buffer
	for _, line := range strings.Split(strings.TrimSpace(header), "\n") {
		if line != "" {
			buf.WriteString("# " + line + "\n")
		}
	}
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(f.node()); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// node returns f as a YAML mapping, in the order and with the omissions of
// its struct tags. It is built here rather than by the YAML encoder from
// the struct, for two reasons. The values of int tables are written as YAML
// integers, though the Go fields are strings. And text with line breaks is
// written double-quoted: the encoder writes it as a block scalar, and some
// block scalars it writes (a value that starts with an empty line, or with
// a tab, in a list item) its parser rejects (go-yaml/yaml#861,
// yaml/go-yaml#76).
func (f *File) node() *yaml.Node {
	m := yamlMapping()
	addText(m, "family", f.Family)
	addText(m, "extends", f.Extends)
	addText(m, "title", f.Title)
	addText(m, "package", f.Package)
	addText(m, "source", f.Source)
	if f.Clients != nil {
		addNode(m, "clients", f.Clients.node())
	}
	if f.Codes != nil {
		addNode(m, "codes", f.Codes.node())
	}
	if f.Status != nil {
		addNode(m, "status", f.Status.node())
	}
	return m
}

func (c *FileClients) node() *yaml.Node {
	m := yamlMapping()
	addList(m, "imports", c.Imports, yaml.FlowStyle)
	addList(m, "hosts", c.Hosts, yaml.FlowStyle)
	addList(m, "packages", c.Packages, yaml.FlowStyle)
	if c.Others != nil {
		addNode(m, "others", c.Others.node())
	}
	return m
}

func (t *FileTable) node() *yaml.Node {
	isInt := t.Kind == KindInt
	m := yamlMapping()
	addText(m, "kind", string(t.Kind))
	addText(m, "field", t.Field)
	if !t.Carriers.Empty() {
		c := yamlMapping()
		addList(c, "json", t.Carriers.JSON, yaml.FlowStyle)
		addList(c, "fields", t.Carriers.Fields, 0)
		addList(c, "types", t.Carriers.Types, 0)
		addList(c, "map-keys", t.Carriers.MapKeys, yaml.FlowStyle)
		addNode(m, "carriers", c)
	}
	if len(t.Success) > 0 {
		list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, v := range t.Success {
			list.Content = append(list.Content, valueNode(v, isInt))
		}
		addNode(m, "success", list)
	}
	for _, entries := range []struct {
		key  string
		list []FileEntry
	}{{"documented", t.Documented}, {"known", t.Known}} {
		if len(entries.list) == 0 {
			continue
		}
		list := &yaml.Node{Kind: yaml.SequenceNode}
		for _, e := range entries.list {
			em := yamlMapping()
			addNode(em, "value", valueNode(e.Value, isInt))
			addText(em, "name", e.Name)
			addText(em, "status", e.Status)
			addText(em, "message", e.Message)
			addText(em, "action", e.Action)
			addText(em, "retry", string(e.Retry))
			addText(em, "source", e.Source)
			if len(e.APIs) > 0 {
				apis := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
				for _, api := range slices.Sorted(maps.Keys(e.APIs)) {
					addText(apis, api, e.APIs[api])
				}
				addNode(em, "apis", apis)
			}
			addText(em, "name-by", e.NameBy)
			addList(em, "aliases", e.Aliases, yaml.FlowStyle)
			list.Content = append(list.Content, em)
		}
		addNode(m, entries.key, list)
	}
	return m
}

func yamlMapping() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode} }

func addNode(m *yaml.Node, key string, value *yaml.Node) {
	m.Content = append(m.Content, textNode(key), value)
}

// addText adds a key with a string value, unless the value is empty.
func addText(m *yaml.Node, key, value string) {
	if value != "" {
		addNode(m, key, textNode(value))
	}
}

// addList adds a key with a list of strings, unless the list is empty.
func addList(m *yaml.Node, key string, values []string, style yaml.Style) {
	if len(values) == 0 {
		return
	}
	list := &yaml.Node{Kind: yaml.SequenceNode, Style: style}
	for _, v := range values {
		list.Content = append(list.Content, textNode(v))
	}
	addNode(m, key, list)
}

// textNode returns a string scalar; the encoder quotes it where plain text
// would read as another type ("0", "null").
func textNode(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.ContainsAny(s, "\n\r") {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// valueNode returns a table value: a YAML integer in an int table.
func valueNode(v string, isInt bool) *yaml.Node {
	n := textNode(v)
	if isInt {
		n.Tag = "!!int"
	}
	return n
}

// ReadFile reads and parses a catalog file.
func ReadFile(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse parses one catalog file and checks everything that can be checked
// without the other files: the schema, value syntax, names, duplicates.
// Every problem found is reported, each with its position.
func Parse(filename string, data []byte) (*File, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &Error{Pos{File: filename}, strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	p := &parser{file: filename}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &Error{Pos{File: filename}, "empty catalog file"}
	}
	if !isCatalog(doc.Content[0]) {
		// Said without quoting the file: it may be any file, named by
		// mistake or by a configuration file written to read secrets.
		return nil, &Error{Pos{File: filename, Line: 1, Col: 1}, "not a catalog file: a catalog is a YAML mapping with \"family\" or \"extends\""}
	}
	f := p.file1(doc.Content[0])
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return f, nil
}

// isCatalog reports whether the top of a YAML document can be a catalog,
// whose errors may quote it: a mapping with "family" or "extends", or with
// a catalog's fields only, or anything but a mapping (which "must be a
// mapping" says without quoting).
func isCatalog(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode {
		return true
	}
	known := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		switch n.Content[i].Value {
		case "family", "extends":
			return true
		case "title", "package", "codes", "status":
		default:
			known = false
		}
	}
	return known
}

type parser struct {
	file string
	errs []error
}

func (p *parser) pos(n *yaml.Node) Pos { return Pos{p.file, n.Line, n.Column} }

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, &Error{p.pos(n), fmt.Sprintf(format, args...)})
}

// fields returns the values of a mapping node by key, reporting unknown and
// repeated keys.
func (p *parser) fields(n *yaml.Node, what string, allowed ...string) map[string]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s must be a mapping", what)
		return nil
	}
	m := make(map[string]*yaml.Node)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case !slices.Contains(allowed, k.Value):
			p.errorf(k, "unknown field %q in %s (want one of: %s)", k.Value, what, strings.Join(allowed, ", "))
		case m[k.Value] != nil:
			p.errorf(k, "field %q repeated in %s", k.Value, what)
		default:
			m[k.Value] = v
		}
	}
	return m
}

func (p *parser) scalar(n *yaml.Node, what string) string {
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errorf(n, "%s must be a single value", what)
		return ""
	}
	return n.Value
}

func (p *parser) list(n *yaml.Node, what string) []*yaml.Node {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s must be a list", what)
		return nil
	}
	return n.Content
}

func (p *parser) strings(n *yaml.Node, what string) []string {
	var out []string
	for _, item := range p.list(n, what) {
		if s := p.scalar(item, what+" item"); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (p *parser) file1(n *yaml.Node) *File {
	m := p.fields(n, "catalog", "family", "extends", "title", "package", "source", "clients", "codes", "status")
	if m == nil {
		return nil
	}
	f := &File{
		name:    p.file,
		Family:  p.scalar(m["family"], "family"),
		Extends: p.scalar(m["extends"], "extends"),
		Title:   p.scalar(m["title"], "title"),
		Package: p.scalar(m["package"], "package"),
		Source:  p.scalar(m["source"], "source"),
	}
	switch {
	case m["family"] == nil && m["extends"] == nil:
		p.errorf(n, "catalog needs \"family\" (a new family) or \"extends\" (a family declared before)")
	case m["family"] != nil && m["extends"] != nil:
		p.errorf(m["extends"], "catalog has both \"family\" and \"extends\"; use one")
	case m["family"] != nil && !validFamilyName(f.Family):
		p.errorf(m["family"], "family name %q must be a lower-case identifier such as \"wechat\"", f.Family)
	}
	if f.Package != "" && !validImportPath(f.Package) {
		p.errorf(m["package"], "package %q is not a valid import path", f.Package)
	}
	if v := m["clients"]; v != nil {
		f.Clients = p.clients(v, "clients")
	}
	if v := m["codes"]; v != nil {
		f.Codes = p.table(v, "codes")
	} else if m["family"] != nil {
		p.errorf(n, "family %q needs a \"codes\" table", f.Family)
	}
	if v := m["status"]; v != nil {
		f.Status = p.table(v, "status")
	}
	p.checkFile(f)
	return f
}

// clients reads a clients mapping: import paths, hosts and package
// patterns, and (at the top level only) the same for other vendors.
func (p *parser) clients(n *yaml.Node, what string) *FileClients {
	keys := []string{"imports", "hosts", "packages", "others"}
	if what != "clients" {
		keys = keys[:3]
	}
	m := p.fields(n, what, keys...)
	if m == nil {
		return nil
	}
	c := &FileClients{
		Imports:  p.strings(m["imports"], what+".imports"),
		Hosts:    p.strings(m["hosts"], what+".hosts"),
		Packages: p.strings(m["packages"], what+".packages"),
		pos:      p.pos(n),
	}
	for _, item := range p.list(m["imports"], "") {
		if item.Kind == yaml.ScalarNode && !validImportPath(item.Value) {
			p.errorf(item, "%s.imports: %q is not an import path", what, item.Value)
		}
	}
	for _, item := range p.list(m["hosts"], "") {
		if item.Kind == yaml.ScalarNode && !validHost(item.Value) {
			p.errorf(item, "%s.hosts: %q is not a host name such as qyapi.weixin.qq.com", what, item.Value)
		}
	}
	for _, item := range p.list(m["packages"], "") {
		if item.Kind == yaml.ScalarNode && !validImportPath(strings.TrimSuffix(item.Value, "/...")) {
			p.errorf(item, "%s.packages: %q is not a package pattern such as example.com/corp/wecom/...", what, item.Value)
		}
	}
	if v := m["others"]; v != nil {
		c.Others = p.clients(v, what+".others")
	}
	if len(c.Imports)+len(c.Hosts)+len(c.Packages) == 0 && c.Others == nil {
		p.errorf(n, "%s names no imports, hosts or packages", what)
	}
	return c
}

// validHost reports whether s is a lower-case DNS name with at least one dot.
func validHost(s string) bool {
	if !strings.Contains(s, ".") || strings.HasPrefix(s, ".") || strings.HasSuffix(s, ".") || strings.Contains(s, "..") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-') {
			return false
		}
	}
	return true
}

func (p *parser) table(n *yaml.Node, what string) *FileTable {
	m := p.fields(n, what, "kind", "field", "carriers", "success", "documented", "known")
	if m == nil {
		return nil
	}
	t := &FileTable{
		Kind:    Kind(p.scalar(m["kind"], what+".kind")),
		Field:   p.scalar(m["field"], what+".field"),
		Success: p.strings(m["success"], what+".success"),
		pos:     p.pos(n),
	}
	if f := m["field"]; f != nil && f.Kind == yaml.ScalarNode && f.Tag != "!!null" && !validFieldName(t.Field) {
		p.errorf(f, "%s.field is %q; want the name of the response field, such as trade_status", what, t.Field)
	}
	if k := m["kind"]; k != nil && t.Kind != KindInt && t.Kind != KindString {
		p.errorf(k, "%s.kind is %q; want \"int\" or \"string\"", what, t.Kind)
	}
	if c := m["carriers"]; c != nil {
		cm := p.fields(c, what+".carriers", "json", "fields", "types", "map-keys")
		t.Carriers = FileCarriers{
			JSON:    p.strings(cm["json"], what+".carriers.json"),
			Fields:  p.strings(cm["fields"], what+".carriers.fields"),
			Types:   p.strings(cm["types"], what+".carriers.types"),
			MapKeys: p.strings(cm["map-keys"], what+".carriers.map-keys"),
		}
		p.checkPaths(cm["fields"], 2, "a field path such as \"example.com/sdk.Response.Code\"")
		p.checkPaths(cm["types"], 1, "a type path such as \"example.com/sdk.ErrCode\"")
	}
	t.Documented = p.entries(m["documented"], what+".documented")
	t.Known = p.entries(m["known"], what+".known")
	return t
}

// checkPaths checks the "import/path.Name[.Field]" paths of a carrier list:
// an import path, then the given number of dot-separated names. The import
// path's last element may hold dots itself ("gopkg.in/yaml.v3.Node").
// Items that are not strings were reported by p.strings.
func (p *parser) checkPaths(n *yaml.Node, names int, want string) {
	if n == nil || n.Kind != yaml.SequenceNode {
		return
	}
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" || item.Value == "" {
			continue
		}
		if !validPath(item.Value, names) {
			p.errorf(item, "%q is not %s", item.Value, want)
		}
	}
}

func validPath(path string, names int) bool {
	for range names {
		i := strings.LastIndex(path, ".")
		if i < 0 || !token.IsIdentifier(path[i+1:]) {
			return false
		}
		path = path[:i]
	}
	return validImportPath(path)
}

func (p *parser) entries(n *yaml.Node, what string) []FileEntry {
	var out []FileEntry
	for _, item := range p.list(n, what) {
		m := p.fields(item, what+" entry", "value", "name", "status", "message", "action", "retry", "apis", "name-by", "aliases", "source")
		if m == nil {
			continue
		}
		e := FileEntry{
			Value:   p.scalar(m["value"], "value"),
			Name:    p.scalar(m["name"], "name"),
			Status:  p.scalar(m["status"], "status"),
			Message: p.scalar(m["message"], "message"),
			Action:  p.scalar(m["action"], "action"),
			Retry:   Retry(p.scalar(m["retry"], "retry")),
			Source:  p.scalar(m["source"], "source"),
			APIs:    p.apis(m["apis"], what+" entry apis"),
			NameBy:  p.scalar(m["name-by"], "name-by"),
			Aliases: p.strings(m["aliases"], "aliases"),
			pos:     p.pos(item),
		}
		if m["value"] == nil {
			p.errorf(item, "%s entry has no value", what)
		}
		if e.Name != "" && (!token.IsIdentifier(e.Name) || !token.IsExported(e.Name)) {
			p.errorf(m["name"], "name %q is not an exported Go identifier", e.Name)
		}
		if e.Name == "" && (m["name-by"] != nil || m["aliases"] != nil) {
			p.errorf(item, "%s entry %s has name-by or aliases but no name", what, e.Value)
		}
		if n := m["aliases"]; n != nil && n.Kind == yaml.SequenceNode {
			for _, item := range n.Content {
				if a := item.Value; item.Kind == yaml.ScalarNode && (!token.IsIdentifier(a) || !token.IsExported(a)) {
					p.errorf(item, "alias %q is not an exported Go identifier", a)
				}
			}
		}
		if e.Retry != "" && !e.Retry.Valid() {
			p.errorf(m["retry"], "retry %q is not one of %s", e.Retry, retryList())
		}
		out = append(out, e)
	}
	return out
}

// apis reads an entry's map of API names to status letters.
func (p *parser) apis(n *yaml.Node, what string) map[string]string {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s must be a map of API names to status letters, such as {pay: U, inquiryPayment: F}", what)
		return nil
	}
	out := make(map[string]string, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || !token.IsIdentifier(k.Value) {
			p.errorf(k, "API name %q is not an identifier such as inquiryPayment", k.Value)
			continue
		}
		if _, dup := out[k.Value]; dup {
			p.errorf(k, "API %s is listed twice", k.Value)
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Value == "" {
			p.errorf(v, "the status of API %s must be a status letter", k.Value)
			continue
		}
		out[k.Value] = v.Value
	}
	return out
}

// checkFile checks what one file can say about itself: values of the right
// kind, unique values and names, success values that are entries.
func (p *parser) checkFile(f *File) {
	names := make(map[string]Pos)
	for _, tw := range []struct {
		t    *FileTable
		what string
	}{{f.Codes, "codes"}, {f.Status, "status"}} {
		t := tw.t
		if t == nil {
			continue
		}
		if f.Family != "" && tw.what == "codes" && t.Kind == "" {
			p.errs = append(p.errs, &Error{t.pos, "codes.kind is missing; want \"int\" or \"string\""})
		}
		if tw.what == "status" && t.Kind == KindInt {
			p.errs = append(p.errs, &Error{t.pos, "status.kind must be \"string\""})
		}
		if f.Family != "" && t.Carriers.Empty() {
			p.errs = append(p.errs, &Error{t.pos, tw.what + " has no carriers: name json tags, fields, types or map-keys"})
		}
		values := make(map[string]Pos)
		for _, list := range [][]FileEntry{t.Documented, t.Known} {
			for i := range list {
				e := &list[i]
				if t.Kind == KindInt {
					v, err := strconv.ParseInt(e.Value, 10, 64)
					if err != nil {
						p.errs = append(p.errs, &Error{e.pos, fmt.Sprintf("value %q is not an integer", e.Value)})
						continue
					}
					e.Value = strconv.FormatInt(v, 10)
				}
				if prev, dup := values[e.Value]; dup {
					p.errs = append(p.errs, &Error{e.pos, fmt.Sprintf("value %q already listed at %s", e.Value, prev)})
				}
				values[e.Value] = e.pos
				for _, name := range e.Names() {
					if prev, dup := names[name]; dup {
						p.errs = append(p.errs, &Error{e.pos, fmt.Sprintf("name %s already used at %s", name, prev)})
					}
					names[name] = e.pos
				}
			}
		}
		for _, d := range t.Documented {
			if d.Message == "" {
				p.errs = append(p.errs, &Error{d.pos, fmt.Sprintf("documented value %q has no message", d.Value)})
			}
		}
	}
}

func retryList() string {
	var s []string
	for _, r := range Retries {
		s = append(s, string(r))
	}
	return strings.Join(s, ", ")
}

func validFamilyName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

func validImportPath(s string) bool {
	if s == "" || strings.HasPrefix(s, "/") || strings.HasSuffix(s, "/") || strings.Contains(s, "//") {
		return false
	}
	for _, r := range s {
		if r <= ' ' || strings.ContainsRune("\"'`\\:;,*?<>|", r) {
			return false
		}
	}
	return true
}

// validFieldName reports whether s can be a response field's name as
// messages use it: letters, digits and underscores, starting with a letter.
func validFieldName(s string) bool {
	for i, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}
