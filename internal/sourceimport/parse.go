package sourceimport

import (
	"fmt"
	"go/token"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Format is the shape of a vendor's error code page.
type Format string

const (
	// FormatErrcode is a table of numeric codes, one per line:
	// "42001 access_token expired. Check the validity period ...".
	FormatErrcode Format = "errcode"
	// FormatResult is an Alipay+ style table with the columns resultCode,
	// resultStatus, resultMessage and Further Action, one cell per paragraph.
	FormatResult Format = "result"
	// FormatTable is a tab-separated copy of a vendor's errcode table, as
	// public SDKs keep it: "#" comment lines (where the table comes from),
	// then the header line "errcode<TAB>errmsg<TAB>description", optionally
	// followed by "<TAB>action" and then "<TAB>source", then one code per
	// line. errmsg is the English text the API answers with, description
	// the vendor's explanation (often Chinese), action what the vendor says
	// to do about it (WeCom's 排查方法), source the URL of the page that
	// documents the code when it is not the file's.
	FormatTable Format = "table"
	// FormatResultTable is a tab-separated copy of the Result sections of
	// one or more APIs of an Alipay+ style family: "#" comment lines (where
	// the tables come from), then the header line
	// "api<TAB>resultCode<TAB>resultStatus<TAB>resultMessage<TAB>furtherAction",
	// optionally followed by "<TAB>source", then one row per code and API.
	// api names the API whose page lists the row (inquiryPayment), source
	// the URL of that page when it is not the file's. A code that several
	// APIs list has a row for each: the importer merges them into one entry
	// that records each API's status.
	FormatResultTable Format = "result-table"
	// FormatCodeTable is a tab-separated copy of a table of string error
	// codes that have no resultStatus, as WeChat Pay documents its API
	// errors and classic Alipay its code and sub_code (10000,
	// isp.unknow-error, ACQ.SYSTEM_ERROR): "#" comment lines (where the table comes from), then the
	// header line "code<TAB>http<TAB>message<TAB>action<TAB>source", then
	// one code per line. http is the HTTP status the vendor gives the code
	// (empty where the table gives none), message its description, action
	// the vendor's advice (may be empty), source where the row was read
	// (the vendor's page, or the copy's repository@commit:path), kept in the
	// catalog beside the code.
	FormatCodeTable Format = "code-table"
)

// IsResult reports whether pages of the format hold string codes
// (FormatResult, FormatResultTable, FormatCodeTable); only the first two
// give each a resultStatus.
func (f Format) IsResult() bool {
	return f == FormatResult || f == FormatResultTable || f == FormatCodeTable
}

// tableHeader is the header line of FormatTable, without its optional
// action and source columns.
const tableHeader = "errcode\terrmsg\tdescription"

// actionColumn is the optional column of FormatTable after the description.
const actionColumn = "\taction"

// resultTableHeader is the header line of FormatResultTable, without its
// optional source column.
const resultTableHeader = "api\tresultCode\tresultStatus\tresultMessage\tfurtherAction"

// codeTableHeader is the header line of FormatCodeTable.
const codeTableHeader = "code\thttp\tmessage\taction\tsource"

// Row is one documented code as the page gives it.
type Row struct {
	Line    int    // 1-based line of the code in the page
	Value   string // "42001", "ACCESS_DENIED"
	API     string // FormatResultTable: the API whose Result section lists the row
	Status  string // resultStatus, FormatResult and FormatResultTable only
	Message string // the description or resultMessage, whitespace normalized
	Action  string // the Further Action column, or the errcode description's sentences after the first
	Errmsg  string // FormatTable: the errmsg the API answers with, "" if the table gives none
	Source  string // FormatTable, FormatResultTable: the URL of the page documenting this row, "" for the file's; FormatCodeTable: where the row was read
}

// Error is a located problem in a vendor page.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

var (
	errcodeRow   = regexp.MustCompile(`^(-?[0-9]+)\s+(\S.*)$`)
	errcodeValue = regexp.MustCompile(`^-?[0-9]+$`)
	resultCode   = regexp.MustCompile(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$`)
	statusCell   = regexp.MustCompile(`^[A-Z]$`)
	stringCode   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`) // a code table's: SYSTEMERROR, 40004, isp.unknow-error
	httpStatus   = regexp.MustCompile(`^[1-5][0-9][0-9]$`)
	resultHeads  = []string{"resultCode", "resultStatus", "resultMessage"}
)

// Parse reads a vendor page (plain text, as copied from the vendor's site)
// and returns its rows. The format is recognized from the page: the column
// headers resultCode, resultStatus and resultMessage make it FormatResult,
// lines that start with a number make it FormatErrcode.
func Parse(filename string, text []byte) (Format, []Row, error) {
	lines := normalize(string(text))
	for i, l := range lines {
		if !utf8.ValidString(l) {
			return "", nil, &Error{filename, i + 1, "the page is not UTF-8 text: convert it to UTF-8"}
		}
	}
	if i, format := tableStart(lines); i >= 0 {
		raw := strings.Split(strings.ReplaceAll(string(text), "\r\n", "\n"), "\n")
		switch format {
		case FormatResultTable:
			rows, err := parseResultTable(filename, raw, i)
			return format, rows, err
		case FormatCodeTable:
			rows, err := parseCodeTable(filename, raw, i)
			return format, rows, err
		}
		rows, err := parseTable(filename, raw, i)
		return format, rows, err
	}
	if i := resultHeader(lines); i >= 0 {
		rows, err := parseResult(filename, lines, i)
		return FormatResult, rows, err
	}
	rows, err := parseErrcode(filename, lines)
	return FormatErrcode, rows, err
}

// normalize turns no-break spaces into spaces, folds runs of white space and
// trims each line, so that messages compare as a reader sees them.
func normalize(text string) []string {
	text = strings.ReplaceAll(text, "\u00a0", " ")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return lines
}

// resultHeader returns the index of the first line after the resultCode,
// resultStatus, resultMessage (and optional action) headers, or -1.
func resultHeader(lines []string) int {
	var cells []int
	for i, l := range lines {
		if l != "" {
			cells = append(cells, i)
		}
	}
	for k := 0; k+len(resultHeads) <= len(cells); k++ {
		match := true
		for j, h := range resultHeads {
			match = match && lines[cells[k+j]] == h
		}
		if match {
			next := cells[k+len(resultHeads)-1] + 1
			if k+3 < len(cells) && strings.EqualFold(lines[cells[k+3]], "Further Action") {
				next = cells[k+3] + 1
			}
			return next
		}
	}
	return -1
}

func parseErrcode(filename string, lines []string) ([]Row, error) {
	var rows []Row
	for i, l := range lines {
		m := errcodeRow.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		_, rest := splitFirstSentence(m[2])
		rows = append(rows, Row{Line: i + 1, Value: m[1], Message: m[2], Action: rest})
	}
	if len(rows) == 0 {
		return nil, &Error{filename, 0, "no error codes found: want lines such as \"42001 access_token expired\", or resultCode/resultStatus/resultMessage columns"}
	}
	return rows, nil
}

// parseResult reads the cells that follow the headers: for each row a code,
// a status letter, a message paragraph, then action paragraphs up to the next
// row or the next heading.
func parseResult(filename string, lines []string, start int) ([]Row, error) {
	type cell struct {
		line int
		text string
	}
	var cells []cell
	for i := start; i < len(lines); i++ {
		if lines[i] != "" {
			cells = append(cells, cell{i + 1, lines[i]})
		}
	}
	isRowStart := func(k int) bool {
		return k+1 < len(cells) && resultCode.MatchString(cells[k].text) && statusCell.MatchString(cells[k+1].text)
	}
	var rows []Row
	for k := 0; k < len(cells); {
		if !isRowStart(k) {
			if len(rows) == 0 {
				return nil, &Error{filename, cells[k].line, fmt.Sprintf("want a resultCode followed by a resultStatus letter, found %q", cells[k].text)}
			}
			break // the heading of the next section
		}
		row := Row{Line: cells[k].line, Value: cells[k].text, Status: cells[k+1].text}
		k += 2
		if k >= len(cells) || isRowStart(k) {
			return nil, &Error{filename, row.Line, fmt.Sprintf("%s has no resultMessage", row.Value)}
		}
		row.Message = cells[k].text
		k++
		var action []string
		for k < len(cells) && !isRowStart(k) && !isHeading(cells[k].text) {
			action = append(action, strings.TrimSpace(strings.TrimPrefix(cells[k].text, "•")))
			k++
		}
		row.Action = strings.Join(action, " ")
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return nil, &Error{filename, 0, "the resultCode table has no rows"}
	}
	return rows, nil
}

// isHeading reports whether a paragraph reads as a section heading: a short
// line that starts with a capital letter and ends without punctuation, such
// as "API-specific error codes". Action paragraphs are sentences or bullets.
func isHeading(s string) bool {
	if s == "" || strings.HasPrefix(s, "•") || !(s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	last := s[len(s)-1]
	return len(strings.Fields(s)) <= 6 && !strings.ContainsRune(".,:;!?", rune(last))
}

// splitFirstSentence splits a description after its first sentence.
func splitFirstSentence(s string) (first, rest string) {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1], strings.TrimSpace(s[i+2:])
	}
	return s, ""
}

// tableStart returns the index and format of a table's header line
// (FormatTable or FormatResultTable), or -1: the first line that is neither
// empty nor a "#" comment must be the header.
func tableStart(lines []string) (int, Format) {
	for i, l := range lines {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		switch {
		case strings.HasPrefix(l, "errcode errmsg description"):
			return i, FormatTable
		case strings.HasPrefix(l, "api resultCode resultStatus"):
			return i, FormatResultTable
		case strings.HasPrefix(l, "code http message"):
			return i, FormatCodeTable
		}
		return -1, ""
	}
	return -1, ""
}

// tableCells returns the tab-separated cells of the data lines after the
// header at raw[header], each trimmed with its white space folded, with the
// 1-based line of each; header is the cells the header must hold, optionally
// followed by the optional column (if any) and then a source column, and
// columns the number the header has.
func tableCells(filename string, raw []string, header int, want, optional string) (lines []int, cells [][]string, columns int, err error) {
	head := strings.Split(strings.TrimRight(raw[header], " \r"), "\t")
	columns = len(head)
	h := strings.Join(head, "\t")
	if h != want && h != want+"\tsource" && (optional == "" || h != want+optional && h != want+optional+"\tsource") {
		with := "a source column"
		if optional != "" {
			with = fmt.Sprintf("%q and a source column", strings.TrimPrefix(optional, "\t"))
		}
		return nil, nil, 0, &Error{filename, header + 1, fmt.Sprintf("want the header %q, optionally with %s, found %q", want, with, raw[header])}
	}
	for i := header + 1; i < len(raw); i++ {
		l := strings.TrimRight(raw[i], "\r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != columns {
			return nil, nil, 0, &Error{filename, i + 1, fmt.Sprintf("want %d tab-separated cells, found %d", columns, len(c))}
		}
		for k, v := range c {
			c[k] = strings.Join(strings.Fields(strings.ReplaceAll(v, "\u00a0", " ")), " ")
		}
		lines = append(lines, i+1)
		cells = append(cells, c)
	}
	if len(cells) == 0 {
		return nil, nil, 0, &Error{filename, 0, "the table has no rows"}
	}
	return lines, cells, columns, nil
}

// parseResultTable reads the rows of a FormatResultTable after the header
// at raw[header]. A row names its API, a result code, a status letter and a
// message; the further action may be empty, as some Result sections give
// none.
func parseResultTable(filename string, raw []string, header int) ([]Row, error) {
	lines, cells, columns, err := tableCells(filename, raw, header, resultTableHeader, "")
	if err != nil {
		return nil, err
	}
	rows := make([]Row, 0, len(cells))
	for k, c := range cells {
		line := lines[k]
		switch {
		case !token.IsIdentifier(c[0]):
			return nil, &Error{filename, line, fmt.Sprintf("api %q is not an identifier such as inquiryPayment", c[0])}
		case !resultCode.MatchString(c[1]):
			return nil, &Error{filename, line, fmt.Sprintf("resultCode %q is not an upper-case code such as ORDER_NOT_EXIST", c[1])}
		case !statusCell.MatchString(c[2]):
			return nil, &Error{filename, line, fmt.Sprintf("resultStatus %q of %s is not a status letter such as F", c[2], c[1])}
		case c[3] == "":
			return nil, &Error{filename, line, fmt.Sprintf("%s has no resultMessage", c[1])}
		}
		row := Row{Line: line, API: c[0], Value: c[1], Status: c[2], Message: c[3], Action: c[4]}
		if columns == 6 {
			row.Source = c[5]
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// parseTable reads the tab-separated rows after the header at raw[header].
// Cells are trimmed and their white space folded; a description that is
// empty falls back to the errmsg.
func parseTable(filename string, raw []string, header int) ([]Row, error) {
	lines, cells, columns, err := tableCells(filename, raw, header, tableHeader, actionColumn)
	if err != nil {
		return nil, err
	}
	action := strings.HasPrefix(strings.TrimRight(raw[header], " \r"), tableHeader+actionColumn)
	rows := make([]Row, 0, len(cells))
	for k, c := range cells {
		line := lines[k]
		if !errcodeValue.MatchString(c[0]) {
			return nil, &Error{filename, line, fmt.Sprintf("errcode %q is not a number", c[0])}
		}
		row := Row{Line: line, Value: c[0], Errmsg: c[1], Message: c[2]}
		if row.Message == "" {
			row.Message = row.Errmsg
		}
		if row.Message == "" {
			return nil, &Error{filename, line, fmt.Sprintf("%s has neither errmsg nor description", row.Value)}
		}
		next := 3
		if action {
			row.Action = c[3]
			next++
		}
		if columns > next {
			row.Source = c[next]
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// parseCodeTable reads the rows of a FormatCodeTable after the header at
// raw[header]. Each row names an upper-case code, an HTTP status or none, a
// message and where it was read; the action may be empty. The HTTP status
// is kept at the end of the message, "(HTTP 500)", where a reader of a
// finding sees it.
func parseCodeTable(filename string, raw []string, header int) ([]Row, error) {
	lines, cells, columns, err := tableCells(filename, raw, header, codeTableHeader, "")
	if err != nil {
		return nil, err
	}
	if columns != 5 {
		return nil, &Error{filename, header + 1, fmt.Sprintf("want the header %q", codeTableHeader)}
	}
	rows := make([]Row, 0, len(cells))
	for k, c := range cells {
		line := lines[k]
		switch {
		case !stringCode.MatchString(c[0]):
			return nil, &Error{filename, line, fmt.Sprintf("code %q is not a code such as SYSTEMERROR, 40004 or ACQ.SYSTEM_ERROR", c[0])}
		case c[1] != "" && !httpStatus.MatchString(c[1]):
			return nil, &Error{filename, line, fmt.Sprintf("http %q of %s is not an HTTP status such as 500", c[1], c[0])}
		case c[2] == "":
			return nil, &Error{filename, line, fmt.Sprintf("%s has no message", c[0])}
		case c[4] == "":
			return nil, &Error{filename, line, fmt.Sprintf("%s has no source: say where the row was read", c[0])}
		}
		message := c[2]
		if c[1] != "" {
			message += " (HTTP " + c[1] + ")"
		}
		rows = append(rows, Row{Line: line, Value: c[0], Message: message, Action: c[3], Source: c[4]})
	}
	return rows, nil
}
