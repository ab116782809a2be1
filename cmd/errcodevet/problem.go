package main

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/errcodevet/errcodevet/internal/configfile"
)

// A problem is something a run could not analyze, or an error of the
// analysis itself: a package that does not load, a bad configuration file.
// It prints as Go prints a package's errors, "file:line:col: msg", or as
// the message alone when it has no position.
type problem struct {
	file      string // as Go prints it (relative to the current directory when under it), or ""
	line, col int    // col is in bytes, 0 if unknown
	msg       string
	own       bool // errcodevet's own error, not the package's: "errcodevet: " leads it
}

func (p problem) String() string {
	var b strings.Builder
	if p.own {
		b.WriteString("errcodevet: ")
	}
	if p.file != "" {
		b.WriteString(p.file)
		if p.line > 0 {
			b.WriteString(":" + strconv.Itoa(p.line))
			if p.col > 0 {
				b.WriteString(":" + strconv.Itoa(p.col))
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(p.msg)
	return b.String()
}

// loadProblem returns a package's error as a problem, located if its
// position is "file:line:col" or "file:line".
func loadProblem(e packages.Error) problem {
	p := problem{msg: e.Msg}
	if e.Pos == "" || e.Pos == "-" {
		return p
	}
	pos := relative(e.Pos)
	rest, last, _ := cutLastColon(pos)
	n, err := strconv.Atoi(last)
	if err != nil || rest == "" {
		p.msg = pos + ": " + p.msg // not a position Go writes
		return p
	}
	p.file, p.line = rest, n
	if rest, prev, ok := cutLastColon(rest); ok && rest != "" {
		if m, err := strconv.Atoi(prev); err == nil {
			p.file, p.line, p.col = rest, m, n
		}
	}
	return p
}

func cutLastColon(s string) (before, after string, ok bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+1:], true
}

// analysisProblem returns an error of the analysis as errcodevet's own
// problem, located in the configuration file when it is about one.
func analysisProblem(err error) problem {
	var located *configfile.Error
	if errors.As(err, &located) && located.Error() == err.Error() {
		return problem{file: located.Pos.File, line: located.Pos.Line, col: located.Pos.Col, msg: located.Msg, own: true}
	}
	return problem{msg: err.Error(), own: true}
}

// sortProblems sorts problems as their text and drops repeats.
func sortProblems(problems []problem) []problem {
	slices.SortFunc(problems, func(x, y problem) int { return strings.Compare(x.String(), y.String()) })
	return slices.CompactFunc(problems, func(x, y problem) bool { return x == y })
}
