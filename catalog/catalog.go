package catalog

import (
	"fmt"
	"go/token"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Kind is the Go kind of the values a table holds.
type Kind string

const (
	KindInt    Kind = "int"    // WeChat errcode: -1, 0, 42001
	KindString Kind = "string" // Mini Program resultCode and resultStatus
)

// Role tells which part of a response a table describes.
type Role int

const (
	RoleCode   Role = iota // the error code (errcode, resultCode)
	RoleStatus             // the outcome status (resultStatus: S, F, U)
)

func (r Role) String() string {
	if r == RoleStatus {
		return "status"
	}
	return "code"
}

// Retry is the retry advice derived from a code's documented text.
type Retry string

const (
	RetryUnstated      Retry = "unstated"       // the documents say nothing about retrying
	RetryLater         Retry = "retry"          // "Try again later", "Trying to recall the API might help"
	RetryRenewToken    Retry = "renew-token"    // renew the access token, then retry
	RetryReduceTraffic Retry = "reduce-traffic" // retry later, with less traffic
	RetryNever         Retry = "never"          // "Do not retry", or the request itself must be fixed
)

// Retries lists every retry class, in documentation order.
var Retries = []Retry{RetryLater, RetryRenewToken, RetryReduceTraffic, RetryNever, RetryUnstated}

// Valid reports whether r is one of the defined classes.
func (r Retry) Valid() bool { return slices.Contains(Retries, r) }

// Retryable reports whether the documented action includes calling again
// (possibly after renewing a token or slowing down).
func (r Retry) Retryable() bool {
	return r == RetryLater || r == RetryRenewToken || r == RetryReduceTraffic
}

// Description says what the class asks of the caller, for messages and docs.
func (r Retry) Description() string {
	switch r {
	case RetryLater:
		return "try again later"
	case RetryRenewToken:
		return "renew the access token, then retry"
	case RetryReduceTraffic:
		return "retry later with less traffic"
	case RetryNever:
		return "do not retry"
	}
	return "no retry advice documented"
}

// Code is one value a carrier may hold: a documented code or status, or a
// known value that is valid but has no documented text.
type Code struct {
	Value   string // canonical text: decimal for KindInt, the value itself for KindString
	Name    string // Go name of its constant; "" when none is published
	Message string // the vendor's message, exactly as documented
	Action  string // the vendor's further action, "" when the document gives none
	Status  string // the documented resultStatus that comes with the code, if any; "" when its APIs differ
	// APIStatuses maps the APIs that document the code to the status each
	// gives it ({"pay": "U", "inquiryPayment": "F"}); nil when no API is
	// named. Where they differ, Status is "" and Retry is RetryUnstated:
	// the outcome depends on the API called, which the catalog cannot tell.
	APIStatuses map[string]string
	Retry       Retry
	Source      string // where the entry was read (vendor page, repository@commit:path of a copy, a third party); "" when the family's sources say it for every entry
	Documented  bool   // documented by the family's page or its tables, with text (false: a known value, valid but without text)
	Package     string // import path of the constants package declaring Name; "" when none
	// NameBy says who chose Name when it is not the vendor's own words
	// ("errcodevet"); "" for a name the vendor's text spells.
	NameBy string
	// Aliases are earlier names of the constant, declared as deprecated
	// aliases of Name: a fix never writes one.
	Aliases []string
}

// Summary is the first sentence of the message, without its final period,
// with the first letter lowered unless it starts an acronym: the form used
// inside diagnostics ("access_token expired", "API is called at a high frequency").
func (c *Code) Summary() string {
	s := c.Message
	if s == "" {
		return ""
	}
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	if len(s) >= 2 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z') {
		s = string(s[0]+'a'-'A') + s[1:]
	}
	return s
}

// Carriers says which Go expressions hold a table's values.
type Carriers struct {
	JSON    []string // struct fields whose json tag name is exactly one of these
	Fields  []string // fields by full path: "example.com/sdk.Response.Code"
	Types   []string // named types by full path: "example.com/sdk.ErrCode"
	MapKeys []string // keys of loosely decoded JSON maps (map[string]any["errcode"])
}

// Table is the set of values one kind of carrier may hold.
type Table struct {
	Role     Role
	Kind     Kind
	Field    string // the response field messages name when no json carrier does (trade_status); "" for the role's name
	Carriers Carriers
	Success  []string // values that mean success: errcode 0, resultStatus S
	Codes    []*Code  // documented values first, then known ones, each in file order

	byValue map[string]*Code
}

// Lookup returns the entry for a canonical value, or nil.
func (t *Table) Lookup(value string) *Code { return t.byValue[value] }

// IsSuccess reports whether value is one of the table's success values.
func (t *Table) IsSuccess(value string) bool { return slices.Contains(t.Success, value) }

func (t *Table) add(c *Code) {
	if t.byValue == nil {
		t.byValue = make(map[string]*Code)
	}
	t.Codes = append(t.Codes, c)
	t.byValue[c.Value] = c
}

// Clients is the evidence that a package is a client of a family: it is,
// or imports, a package under one of Imports (an SDK of the family's API);
// one of its string literals names one of Hosts (the API's host); or its
// path matches one of Packages (a setting: "example.com/corp/wecom/..."
// matches that package and those under it). The carrier layer uses it to
// choose, per package, the family of a carrier several families share.
type Clients struct {
	Imports  []string
	Hosts    []string
	Packages []string
}

// Empty reports whether c names no evidence.
func (c *Clients) Empty() bool { return len(c.Imports)+len(c.Hosts)+len(c.Packages) == 0 }

func (c *Clients) add(f *FileClients) {
	c.Imports = append(c.Imports, f.Imports...)
	c.Hosts = append(c.Hosts, f.Hosts...)
	c.Packages = append(c.Packages, f.Packages...)
}

// Family is one API family: WeChat errcodes, Mini Program results, or a
// family a user's catalog file declares.
type Family struct {
	Name    string // lower-case identifier: "wechat", "miniprogram"
	Title   string // "WeChat Official Account"
	Package string // import path of the family's constants package; "" when none
	Source  string // where the family's table was read, for entries that do not say; "" when unsaid
	// Clients is the evidence that a package is the family's client; Others
	// the evidence of a client of another vendor whose replies use the
	// carriers this family shares (DingTalk answers with errcode too).
	Clients, Others Clients
	Codes           *Table
	Status          *Table // nil when the family has no status field
}

// Tables returns the family's tables: codes, then status if any.
func (f *Family) Tables() []*Table {
	if f.Status == nil {
		return []*Table{f.Codes}
	}
	return []*Table{f.Codes, f.Status}
}

// PackageName is the name a constants package is written under in an
// import, and the name catalog gen gives one: the last element of its
// import path, unless that is a major version suffix or not an identifier.
func PackageName(importPath string) string {
	base := path.Base(importPath)
	if len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" {
		base = path.Base(path.Dir(importPath))
	}
	base = strings.Map(func(r rune) rune {
		if r == '-' || r == '.' {
			return -1
		}
		return r
	}, base)
	if !token.IsIdentifier(base) {
		return "codes"
	}
	return base
}

// Catalog is an immutable set of families.
type Catalog struct {
	families []*Family
	carriers map[carrierKey]carrierOwner // while building: who claims each carrier
}

// carrierKey is one carrier a table may name: a json tag name, a map key, a
// field path or a type path.
type carrierKey struct{ kind, name string }

// carrierOwner is the table that claims a carrier, for located errors.
type carrierOwner struct {
	family string
	table  *Table
	pos    Pos
}

// Families returns the families in load order.
func (c *Catalog) Families() []*Family { return c.families }

// Family returns the family with the given name, or nil.
func (c *Catalog) Family(name string) *Family {
	for _, f := range c.families {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// String lists the families, for debugging.
func (c *Catalog) String() string {
	var names []string
	for _, f := range c.families {
		names = append(names, fmt.Sprintf("%s(%d codes)", f.Name, len(f.Codes.Codes)))
	}
	return strings.Join(names, ", ")
}

// canonical returns the canonical text of a value of the given kind:
// "042001" and "+42001" become "42001"; strings are kept as they are.
func canonical(k Kind, s string) string {
	if k == KindInt {
		if v, err := strconv.ParseInt(s, 10, 64); err == nil {
			return strconv.FormatInt(v, 10)
		}
	}
	return s
}
