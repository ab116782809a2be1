// Package sarif writes errcodevet's findings as a SARIF 2.1.0 log, the
// format GitHub code scanning and other dashboards read.
//
// The log has one run with the rules its caller describes (errcodevet's
// command: one per check), one result per finding with a location relative to a root
// directory (uriBaseId %SRCROOT%), and the finding's suggested fixes.
// Columns are counted in UTF-16 code units, SARIF's default column kind,
// which the log states in run.columnKind.
package sarif

import (
	"bytes"
	"cmp"
	"fmt"
	"go/token"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// Schema is the address of the SARIF 2.1.0 JSON schema.
const Schema = "https://json.schemastore.org/sarif-2.1.0.json"

// SrcRoot is the uriBaseId of every location relative to the root.
const SrcRoot = "%SRCROOT%"

// InformationURI is the tool's home page.
const InformationURI = "https://github.com/errcodevet/errcodevet"

// The SARIF 2.1.0 objects errcodevet writes, with the properties it sets.

// Log is a SARIF log (sarifLog).
type Log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []Run  `json:"runs"`
}

// Run is one run of the tool.
type Run struct {
	Tool               Tool                        `json:"tool"`
	Invocations        []Invocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]ArtifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                      `json:"columnKind"`
	Results            []Result                    `json:"results"`
}

// Invocation says whether the run analyzed everything it was asked to, and
// what it could not.
type Invocation struct {
	ExecutionSuccessful        bool           `json:"executionSuccessful"`
	ToolExecutionNotifications []Notification `json:"toolExecutionNotifications,omitempty"`
}

// Notification is a problem of the run itself, such as a package that does
// not load, with where it is when it is located.
type Notification struct {
	Level     string     `json:"level"`
	Message   Message    `json:"message"`
	Locations []Location `json:"locations,omitempty"`
}

// A Problem is something the run could not analyze: a package that does
// not load, a configuration file in error.
type Problem struct {
	Filename     string // absolute, or "" when the problem has no place
	Line, Column int    // 1-based, Line set with Filename; Column in bytes, as Go counts it, 0 if unknown
	Message      string // without the place
}

// Tool describes errcodevet.
type Tool struct {
	Driver Driver `json:"driver"`
}

// Driver is the tool component that ran (toolComponent).
type Driver struct {
	Name           string `json:"name"`
	Version        string `json:"version,omitempty"`
	InformationURI string `json:"informationUri"`
	Rules          []Rule `json:"rules"`
}

// Rule describes one check (reportingDescriptor).
type Rule struct {
	ID                   string         `json:"id"`
	ShortDescription     Message        `json:"shortDescription"`
	FullDescription      *Message       `json:"fullDescription,omitempty"`
	Help                 *Message       `json:"help,omitempty"`
	HelpURI              string         `json:"helpUri,omitempty"`
	DefaultConfiguration *Configuration `json:"defaultConfiguration,omitempty"`
}

// Configuration is a rule's default configuration (reportingConfiguration).
type Configuration struct {
	Level string `json:"level"`
}

// Message is a message or a multiformatMessageString.
type Message struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

// Result is one finding.
type Result struct {
	RuleID    string     `json:"ruleId"`
	RuleIndex int        `json:"ruleIndex"`
	Level     string     `json:"level"`
	Message   Message    `json:"message"`
	Locations []Location `json:"locations"`
	// RelatedLocations are the places that explain the finding (the
	// diagnostic's related information), each with an id and a message.
	RelatedLocations []Location `json:"relatedLocations,omitempty"`
	Fixes            []Fix      `json:"fixes,omitempty"`
}

// Location is where a result is, or a place related to it.
type Location struct {
	ID               *int             `json:"id,omitempty"`
	PhysicalLocation PhysicalLocation `json:"physicalLocation"`
	Message          *Message         `json:"message,omitempty"`
}

// PhysicalLocation is a region of a file.
type PhysicalLocation struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Region           Region           `json:"region"`
}

// ArtifactLocation names a file: a URI relative to the root (with
// URIBaseID SrcRoot), or an absolute file URI for files outside it.
type ArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// Region is a range of text; lines and columns are 1-based, columns in
// UTF-16 code units. An empty region (start = end) is an insertion point.
type Region struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// Fix is a suggested fix.
type Fix struct {
	Description     Message          `json:"description"`
	ArtifactChanges []ArtifactChange `json:"artifactChanges"`
}

// ArtifactChange is a fix's edits to one file.
type ArtifactChange struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Replacements     []Replacement    `json:"replacements"`
}

// Replacement replaces a region by new text.
type Replacement struct {
	DeletedRegion   Region           `json:"deletedRegion"`
	InsertedContent *ArtifactContent `json:"insertedContent,omitempty"`
}

// ArtifactContent is inserted text.
type ArtifactContent struct {
	Text string `json:"text"`
}

// A Finding is a diagnostic with the file set its positions belong to.
type Finding struct {
	Fset       *token.FileSet
	Diagnostic analysis.Diagnostic
}

// Build returns the SARIF log of the findings, with the given rules (one
// per diagnostic category; a result has its rule's default level).
// Locations under root are written relative to it; root must be absolute.
// Findings that are equal in rule, place and message are written once: a
// package and its test variant report the same findings in the package's
// own files. problems are what the run could not analyze; they become
// error notifications of an unsuccessful invocation, located as results
// are.
func Build(findings []Finding, rules []Rule, root, version string, problems []Problem) (*Log, error) {
	rules = slices.Clone(rules)
	index := make(map[string]int)
	for i, r := range rules {
		index[r.ID] = i
	}
	files := newFiles(root)
	seen := make(map[string]bool)
	var results []Result
	for _, f := range findings {
		d := f.Diagnostic
		i, ok := index[d.Category]
		if !ok {
			// Every diagnostic should have a rule; give one without a rule
			// of its own rather than drop it.
			rules = append(rules, Rule{ID: d.Category, ShortDescription: Message{Text: d.Category}, HelpURI: d.URL})
			i = len(rules) - 1
			index[d.Category] = i
		}
		loc, region, err := files.region(f.Fset, d.Pos, d.End, true)
		if err != nil {
			return nil, err
		}
		key := fmt.Sprintf("%s\x00%s\x00%v\x00%s", d.Category, loc.URI, region, d.Message)
		if seen[key] {
			continue
		}
		seen[key] = true
		level := "warning"
		if c := rules[i].DefaultConfiguration; c != nil {
			level = c.Level
		}
		r := Result{
			RuleID:    d.Category,
			RuleIndex: i,
			Level:     level,
			Message:   Message{Text: d.Message},
			Locations: []Location{{PhysicalLocation: PhysicalLocation{ArtifactLocation: loc, Region: region}}},
		}
		for j, rel := range d.Related {
			loc, region, err := files.region(f.Fset, rel.Pos, rel.End, true)
			if err != nil {
				return nil, err
			}
			r.RelatedLocations = append(r.RelatedLocations, Location{
				ID:               &j,
				PhysicalLocation: PhysicalLocation{ArtifactLocation: loc, Region: region},
				Message:          &Message{Text: rel.Message},
			})
		}
		for _, sf := range d.SuggestedFixes {
			fix, err := files.fix(f.Fset, sf)
			if err != nil {
				return nil, err
			}
			r.Fixes = append(r.Fixes, fix)
		}
		results = append(results, r)
	}
	slices.SortStableFunc(results, func(a, b Result) int {
		pa, pb := a.Locations[0].PhysicalLocation, b.Locations[0].PhysicalLocation
		return cmp.Or(
			cmp.Compare(pa.ArtifactLocation.URI, pb.ArtifactLocation.URI),
			cmp.Compare(pa.Region.StartLine, pb.Region.StartLine),
			cmp.Compare(pa.Region.StartColumn, pb.Region.StartColumn),
			cmp.Compare(a.RuleID, b.RuleID),
			cmp.Compare(a.Message.Text, b.Message.Text),
		)
	})
	if results == nil {
		results = []Result{}
	}
	return &Log{
		Schema:  Schema,
		Version: "2.1.0",
		Runs: []Run{{
			Tool: Tool{Driver: Driver{
				Name:           "errcodevet",
				Version:        version,
				InformationURI: InformationURI,
				Rules:          rules,
			}},
			Invocations:        []Invocation{files.invocation(problems)},
			OriginalURIBaseIDs: map[string]ArtifactLocation{SrcRoot: {URI: dirURI(root)}},
			ColumnKind:         "utf16CodeUnits",
			Results:            results,
		}},
	}, nil
}

func (fs *files) invocation(problems []Problem) Invocation {
	inv := Invocation{ExecutionSuccessful: len(problems) == 0}
	for _, p := range problems {
		n := Notification{Level: "error", Message: Message{Text: p.Message}}
		if p.Filename != "" && p.Line > 0 {
			region := Region{StartLine: p.Line, StartColumn: 1}
			if col, err := fs.column(p.Filename, p.Line, p.Column); err == nil {
				region.StartColumn = col
			}
			n.Locations = []Location{{PhysicalLocation: PhysicalLocation{ArtifactLocation: fs.location(p.Filename), Region: region}}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	return inv
}

// files turns token positions into SARIF locations, reading each file
// once to count columns in UTF-16 code units.
type files struct {
	root  string
	lines map[string][][]byte // each file's lines, by name
}

func newFiles(root string) *files {
	return &files{root: root, lines: make(map[string][][]byte)}
}

// region returns the file and region of [pos, end); end may be NoPos.
// With lines, the file is the one the //line directives name when it is
// on disk, as every other driver prints it: cmd/cgo's output, which the
// analysis sees in the go command's cache, points back at the file the
// user wrote. Otherwise positions are the file's own.
func (fs *files) region(fset *token.FileSet, pos, end token.Pos, lines bool) (ArtifactLocation, Region, error) {
	adjusted := lines
	start := fset.PositionFor(pos, lines)
	if raw := fset.PositionFor(pos, false); start.Filename != raw.Filename && !fs.readable(start.Filename) {
		start, adjusted = raw, false
	}
	if !start.IsValid() {
		return ArtifactLocation{}, Region{}, fmt.Errorf("finding without a position")
	}
	loc := fs.location(start.Filename)
	startCol, err := fs.column(start.Filename, start.Line, start.Column)
	if err != nil {
		return ArtifactLocation{}, Region{}, err
	}
	r := Region{StartLine: start.Line, StartColumn: startCol}
	if end.IsValid() {
		stop := fset.PositionFor(end, adjusted)
		if stop.Filename == start.Filename && (stop.Line > start.Line || stop.Line == start.Line && stop.Column >= start.Column) {
			endCol, err := fs.column(stop.Filename, stop.Line, stop.Column)
			if err != nil {
				return ArtifactLocation{}, Region{}, err
			}
			r.EndLine, r.EndColumn = stop.Line, endCol
		}
	}
	return loc, r, nil
}

// readable reports whether the file named by a //line directive can be
// read: an absolute name, on disk.
func (fs *files) readable(filename string) bool {
	if !filepath.IsAbs(filename) {
		return false
	}
	_, err := fs.read(filename)
	return err == nil
}

// read returns the lines of a file, each with its newline.
func (fs *files) read(filename string) ([][]byte, error) {
	if lines, ok := fs.lines[filename]; ok {
		return lines, nil
	}
	data, err := os.ReadFile(filename)
	if err != nil {
		return nil, err
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	fs.lines[filename] = lines
	return lines, nil
}

// column returns the 1-based UTF-16 column of the 1-based byte column col
// of a line of a file (1 if col is 0, unknown).
func (fs *files) column(filename string, line, col int) (int, error) {
	lines, err := fs.read(filename)
	if err != nil {
		return 0, err
	}
	if col == 0 {
		return 1, nil
	}
	if line < 1 || line > len(lines) || col-1 > len(lines[line-1]) {
		return 0, fmt.Errorf("%s: position %d:%d is outside the file (changed since it was analyzed?)", filename, line, col)
	}
	return 1 + utf16Len(lines[line-1][:col-1]), nil
}

// utf16Len returns the length of b in UTF-16 code units, counting each
// byte of invalid UTF-8 as one unit.
func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			n++
		} else {
			n += utf16.RuneLen(r)
		}
		b = b[max(size, 1):]
	}
	return n
}

// location returns the artifact location of filename: relative to the root
// when it is under it, else an absolute file URI.
func (fs *files) location(filename string) ArtifactLocation {
	if rel, err := filepath.Rel(fs.root, filename); err == nil && filepath.IsLocal(rel) {
		rel = filepath.ToSlash(rel)
		first, _, _ := strings.Cut(rel, "/")
		if strings.Contains(first, ":") {
			rel = "./" + rel // not a scheme
		}
		return ArtifactLocation{URI: (&url.URL{Path: rel}).EscapedPath(), URIBaseID: SrcRoot}
	}
	return ArtifactLocation{URI: fileURI(filename)}
}

func (fs *files) fix(fset *token.FileSet, sf analysis.SuggestedFix) (Fix, error) {
	fix := Fix{Description: Message{Text: sf.Message}}
	byFile := make(map[string]int) // URI -> index in fix.ArtifactChanges
	for _, e := range sf.TextEdits {
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		loc, region, err := fs.region(fset, e.Pos, end, false) // the bytes the edit replaces
		if err != nil {
			return Fix{}, err
		}
		i, ok := byFile[loc.URI]
		if !ok {
			i = len(fix.ArtifactChanges)
			byFile[loc.URI] = i
			fix.ArtifactChanges = append(fix.ArtifactChanges, ArtifactChange{ArtifactLocation: loc})
		}
		rep := Replacement{DeletedRegion: region}
		if len(e.NewText) > 0 {
			rep.InsertedContent = &ArtifactContent{Text: string(e.NewText)}
		}
		fix.ArtifactChanges[i].Replacements = append(fix.ArtifactChanges[i].Replacements, rep)
	}
	for _, c := range fix.ArtifactChanges {
		slices.SortStableFunc(c.Replacements, func(a, b Replacement) int {
			return cmp.Or(cmp.Compare(a.DeletedRegion.StartLine, b.DeletedRegion.StartLine),
				cmp.Compare(a.DeletedRegion.StartColumn, b.DeletedRegion.StartColumn))
		})
	}
	return fix, nil
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// dirURI returns the file URI of a directory, with the trailing slash
// SARIF requires of a base URI.
func dirURI(dir string) string {
	u := fileURI(dir)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}
