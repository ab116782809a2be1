// Package catalogcmd implements the "errcodevet catalog" subcommand, which
// shows and maintains catalogs of documented codes:
//
//	errcodevet catalog list [-json] [-catalog file,...] [family]
//	errcodevet catalog check file.yaml...
//	errcodevet catalog import [-review review.yaml] [-o out.yaml] page.txt
//	errcodevet catalog gen [-catalog file,...] -family name -dir dir [-pkg name]
//
// list prints the families, or one family's codes and statuses: value, Go
// constant, retry class and message. check validates catalog files as the
// analyzer loads them, after the built-ins and in order, and prints each
// problem with its file, line and column. import turns a vendor's error
// code page into a catalog file, with the names and retry classes derived
// from its text unless a review file pins them (see catalog/sources). gen
// writes a family's constants package into a directory of the user's
// module, so that fixes need no new dependency.
package catalogcmd

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"text/tabwriter"

	"github.com/errcodevet/errcodevet/catalog"
	"github.com/errcodevet/errcodevet/internal/atomicfile"
	"github.com/errcodevet/errcodevet/internal/sourceimport"
)

const usage = `usage: errcodevet catalog <command> [arguments]

The commands are:

	list [-json] [-catalog file,...] [family]
		list the families, or the codes of a family
	check file.yaml...
		check catalog files as the analyzer would load them
	import [-review review.yaml] [-o out.yaml] page.txt
		turn a vendor's error code page into a catalog file
	gen [-catalog file,...] -family name -dir dir [-pkg name]
		write a family's constants package into your module

Run "errcodevet catalog <command> -h" for a command's flags.
`

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // a catalog file, review or page is in error
	exitUsage = 2
)

// Main runs the catalog subcommand with args, the arguments that follow
// "catalog", and returns the exit code: 0 on success, 1 when a file is in
// error, 2 on a usage error. Help (-h) is not an error.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch cmd, args := args[0], args[1:]; cmd {
	case "list":
		return list(args, stdout, stderr)
	case "check":
		return check(args, stderr)
	case "import":
		return importPage(args, stdout, stderr)
	case "gen":
		return gen(args, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stderr, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "errcodevet catalog: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
}

// newFlagSet returns the flag set of a command, which reports to stderr.
func newFlagSet(stderr io.Writer, name, args, doc string) *flag.FlagSet {
	fs := flag.NewFlagSet("errcodevet catalog "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: errcodevet catalog %s %s\n\n%s", name, args, doc)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and, if the command must stop, reports its exit
// code: 0 for -h, 2 for a bad flag (which fs has already reported).
func parseFlags(fs *flag.FlagSet, args []string) (code int, stop bool) {
	switch err := fs.Parse(args); {
	case err == nil:
		return 0, false
	case errors.Is(err, flag.ErrHelp):
		return exitOK, true
	default:
		return exitUsage, true
	}
}

// usageError reports a misuse of the command fs parses.
func usageError(fs *flag.FlagSet, format string, args ...any) int {
	fmt.Fprintf(fs.Output(), "%s: %s\n", fs.Name(), fmt.Sprintf(format, args...))
	fs.Usage()
	return exitUsage
}

// fileList is a flag that takes comma-separated file names; repeated, it
// adds to the list.
type fileList []string

func (l *fileList) String() string { return strings.Join(*l, ",") }

func (l *fileList) Set(s string) error {
	for _, name := range strings.Split(s, ",") {
		if name != "" {
			*l = append(*l, name)
		}
	}
	return nil
}

func list(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet(stderr, "list", "[-json] [-catalog file,...] [family]",
		"List the families of the catalog or, given a family, its codes and statuses:\n"+
			"value, Go constant, retry class and message.\n\n")
	var files fileList
	fs.Var(&files, "catalog", "catalog `files` to load after the built-ins, comma-separated")
	asJSON := fs.Bool("json", false, "print JSON: the families, or the family with every field of its codes")
	if code, stop := parseFlags(fs, args); stop {
		return code
	}
	if fs.NArg() > 1 {
		return usageError(fs, "want at most one family, got %q", fs.Args())
	}
	cat, err := catalog.Load(files...)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	if fs.NArg() == 0 {
		if *asJSON {
			return writeJSON(stdout, stderr, familiesJSON(cat))
		}
		listFamilies(stdout, cat)
		return exitOK
	}
	fam := cat.Family(fs.Arg(0))
	if fam == nil {
		var names []string
		for _, f := range cat.Families() {
			names = append(names, f.Name)
		}
		fmt.Fprintf(stderr, "%s: no family %q; the families are %s\n", fs.Name(), fs.Arg(0), strings.Join(names, ", "))
		return exitError
	}
	if *asJSON {
		return writeJSON(stdout, stderr, familyJSON(fam))
	}
	listCodes(stdout, fam.Codes, "VALUE")
	if fam.Status != nil {
		fmt.Fprintln(stdout)
		listCodes(stdout, fam.Status, "STATUS")
	}
	return exitOK
}

func listFamilies(w io.Writer, cat *catalog.Catalog) {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "FAMILY\tCODES\tSTATUSES\tPACKAGE\tTITLE")
	for _, f := range cat.Families() {
		statuses := "-"
		if f.Status != nil {
			statuses = fmt.Sprint(len(f.Status.Codes))
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", f.Name, len(f.Codes.Codes), statuses, orDash(f.Package), orDash(f.Title))
	}
	tw.Flush()
}

// listCodes prints a table's values in aligned columns, under a header
// whose first column is named first.
func listCodes(w io.Writer, t *catalog.Table, first string) {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\tCONSTANT\tRETRY\tMESSAGE\n", first)
	for _, c := range t.Codes {
		constant := "-"
		if c.Name != "" && c.Package != "" {
			constant = path.Base(c.Package) + "." + c.Name
		} else if c.Name != "" {
			constant = c.Name
		}
		message := c.Summary()
		if message == "" && !c.Documented {
			message = "(known value, no documented text)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.Value, constant, c.Retry, message)
	}
	tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func check(args []string, stderr io.Writer) int {
	fs := newFlagSet(stderr, "check", "file.yaml...",
		"Check catalog files as the analyzer loads them: after the built-ins, in the\n"+
			"order given, so that a file may extend a family an earlier one declares.\n"+
			"Each problem is printed with its file, line and column.\n")
	if code, stop := parseFlags(fs, args); stop {
		return code
	}
	if fs.NArg() == 0 {
		return usageError(fs, "no catalog files to check")
	}
	// Parse every file first, so that each one's problems are reported;
	// what spans files is checked only when each file is sound.
	code := exitOK
	for _, name := range fs.Args() {
		if _, err := catalog.ReadFile(name); err != nil {
			fmt.Fprintln(stderr, err)
			code = exitError
		}
	}
	if code != exitOK {
		return code
	}
	if _, err := catalog.Load(fs.Args()...); err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	return exitOK
}

func importPage(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet(stderr, "import", "[-review review.yaml] [-o out.yaml] page.txt",
		"Turn a vendor's error code page, copied as plain text, into a catalog file.\n"+
			"Without a review file the family is named after the page file, and the\n"+
			"names and retry classes are derived from the page's text. Check the\n"+
			"result with \"errcodevet catalog check\".\n\n")
	reviewFile := fs.String("review", "", "review `file` giving the family's header, pinned names and retry corrections")
	out := fs.String("o", "", "write the catalog to `file`, replacing it atomically, instead of to standard output")
	if code, stop := parseFlags(fs, args); stop {
		return code
	}
	if fs.NArg() != 1 {
		return usageError(fs, "want one page file, got %d", fs.NArg())
	}
	pageFile := fs.Arg(0)
	page, err := os.ReadFile(pageFile)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	var review *sourceimport.Review
	if *reviewFile != "" {
		if review, err = sourceimport.ReadReview(*reviewFile); err != nil {
			fmt.Fprintln(stderr, err)
			return exitError
		}
	}
	f, err := sourceimport.Import(pageFile, page, review)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	// What is proposed must load beside the built-ins: a page imported
	// without a review gets its format's carriers (json errcode, json
	// resultCode), which the built-in families have.
	if _, err := catalog.LoadParsed(f); err != nil {
		fmt.Fprintln(stderr, err)
		if review == nil || review.Codes == nil || review.Codes.Carriers.Empty() {
			fmt.Fprintln(stderr, "name the family's own carriers (the fields or types of its SDK) in a review file: -review file.yaml")
		}
		return exitError
	}
	source := pageFile
	if *reviewFile != "" {
		source += " and " + *reviewFile
	}
	data, err := f.Marshal("Imported by errcodevet catalog import from " + source + ".\n" +
		"The format is documented in package github.com/errcodevet/errcodevet/catalog.")
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	if *out == "" {
		if _, err := stdout.Write(data); err != nil {
			fmt.Fprintln(stderr, err)
			return exitError
		}
		return exitOK
	}
	if err := atomicfile.Write(*out, data, 0o644); err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	return exitOK
}

// jsonFamily is a family as list -json prints it in the list of families:
// its codes and statuses counted.
type jsonFamily struct {
	Name     string `json:"name"`
	Title    string `json:"title,omitempty"`
	Package  string `json:"package,omitempty"`
	Codes    int    `json:"codes"`
	Statuses int    `json:"statuses"`
}

// jsonFamilyCodes is one family as list -json FAMILY prints it: its codes
// and statuses listed.
type jsonFamilyCodes struct {
	Name     string     `json:"name"`
	Title    string     `json:"title,omitempty"`
	Package  string     `json:"package,omitempty"`
	Codes    []jsonCode `json:"codes"`
	Statuses []jsonCode `json:"statuses,omitempty"`
}

// jsonCode is a code or status as list -json prints it.
type jsonCode struct {
	Value      string `json:"value"`
	Constant   string `json:"constant,omitempty"` // package.Name
	Package    string `json:"package,omitempty"`
	Message    string `json:"message,omitempty"`
	Action     string `json:"action,omitempty"`
	Status     string `json:"status,omitempty"`
	Retry      string `json:"retry"`
	Documented bool   `json:"documented"`
	Success    bool   `json:"success,omitempty"`
}

func familiesJSON(cat *catalog.Catalog) []jsonFamily {
	out := []jsonFamily{}
	for _, f := range cat.Families() {
		out = append(out, summary(f))
	}
	return out
}

func summary(f *catalog.Family) jsonFamily {
	j := jsonFamily{Name: f.Name, Title: f.Title, Package: f.Package, Codes: len(f.Codes.Codes)}
	if f.Status != nil {
		j.Statuses = len(f.Status.Codes)
	}
	return j
}

func familyJSON(f *catalog.Family) jsonFamilyCodes {
	j := jsonFamilyCodes{Name: f.Name, Title: f.Title, Package: f.Package, Codes: codesJSON(f.Codes)}
	if f.Status != nil {
		j.Statuses = codesJSON(f.Status)
	}
	return j
}

func codesJSON(t *catalog.Table) []jsonCode {
	out := []jsonCode{}
	for _, c := range t.Codes {
		j := jsonCode{Value: c.Value, Package: c.Package, Message: c.Message, Action: c.Action, Status: c.Status,
			Retry: string(c.Retry), Documented: c.Documented, Success: t.IsSuccess(c.Value)}
		if c.Name != "" && c.Package != "" {
			j.Constant = path.Base(c.Package) + "." + c.Name
		}
		out = append(out, j)
	}
	return out
}

func writeJSON(stdout, stderr io.Writer, v any) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	return exitOK
}
