package engine

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// loadErrors returns what is wrong with p, each problem once, without the
// errors that only follow from another: go/packages reports a syntax error
// up to three times (the compiler's output when the go command builds
// export data, and go/parser's errors, one per token it expected), and
// adds the type checker's errors about a file it could not parse or an
// import the go command already said it cannot find.
//
//   - With syntax errors, they are all that is said (as go build says
//     them), the first on each line, with the go command's own errors;
//     the type checker's errors about a partial syntax tree and the
//     compiler's output of the same syntax errors are dropped.
//   - Else with type errors, the compiler's output is dropped (the same
//     errors again), and so is "could not import P" when P did not load:
//     P's errors say why.
//   - The compiler's output alone is kept, without its "# path" header,
//     one error per line.
func loadErrors(p *packages.Package) []packages.Error {
	if len(p.Errors) == 0 {
		return nil
	}
	var list, parse, typed []packages.Error
	compiler := false
	for _, e := range p.Errors {
		switch {
		case e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# "):
			compiler = true
		case e.Kind == packages.ListError, e.Kind == packages.UnknownError:
			list = append(list, e)
		case e.Kind == packages.ParseError:
			parse = append(parse, e)
		default:
			typed = append(typed, e)
		}
	}
	errs := list
	switch {
	case len(parse) > 0:
		errs = append(errs, firstOnEachLine(parse)...)
	case len(typed) > 0:
		for _, e := range typed {
			if imp := p.Imports[importFailed(e.Msg)]; imp != nil && imp.IllTyped {
				continue // what is wrong with imp is said with imp
			}
			errs = append(errs, e)
		}
	case compiler:
		for _, e := range p.Errors {
			if e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") {
				errs = append(errs, compilerErrors(e)...)
			}
		}
	}
	return errs
}

// importFailed returns the path of the package that the type checker's
// error msg says could not be imported, or "".
func importFailed(msg string) string {
	rest, ok := strings.CutPrefix(msg, "could not import ")
	if !ok {
		return ""
	}
	path, _, _ := strings.Cut(rest, " ")
	return path
}

// firstOnEachLine returns the first of errs on each line of a file, as
// go/scanner's ErrorList.RemoveMultiples keeps them: go/parser reports
// "expected ';'" and "expected '}'" at the same end of file.
func firstOnEachLine(errs []packages.Error) []packages.Error {
	var out []packages.Error
	seen := make(map[string]bool)
	for _, e := range errs {
		line := e.Pos
		if file, ln, ok := fileLine(e.Pos); ok {
			line = file + ":" + strconv.Itoa(ln)
		}
		if seen[line] {
			continue
		}
		seen[line] = true
		out = append(out, e)
	}
	return out
}

// fileLine splits a position "file:line:col" or "file:line".
func fileLine(pos string) (file string, line int, ok bool) {
	rest, last, ok := cutLast(pos)
	if !ok {
		return "", 0, false
	}
	if n, err := strconv.Atoi(last); err == nil {
		if f, l, ok := cutLast(rest); ok {
			if m, err := strconv.Atoi(l); err == nil {
				return f, m, true
			}
		}
		return rest, n, true
	}
	return "", 0, false
}

func cutLast(s string) (before, after string, ok bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}

// compilerErrors splits the compiler's output ("# path\nfile:line:col:
// msg\n...") into its errors, one per line, without the header.
func compilerErrors(e packages.Error) []packages.Error {
	var errs []packages.Error
	for i, line := range strings.Split(strings.TrimSpace(e.Msg), "\n") {
		if i == 0 && strings.HasPrefix(line, "# ") || strings.TrimSpace(line) == "" {
			continue
		}
		if strings.HasPrefix(line, "\t") && len(errs) > 0 { // a continuation
			errs[len(errs)-1].Msg += "\n" + line
			continue
		}
		errs = append(errs, located(line, e.Kind))
	}
	return errs
}

// located returns the compiler's line "file:line:col: msg" as an error at
// file:line:col, or as a message with no position.
func located(line string, kind packages.ErrorKind) packages.Error {
	// The position ends at the first ": " after a line and column.
	for i := 0; ; {
		j := strings.Index(line[i:], ": ")
		if j < 0 {
			break
		}
		i += j
		if _, _, ok := fileLine(line[:i]); ok {
			return packages.Error{Pos: line[:i], Msg: line[i+2:], Kind: kind}
		}
		i += 2
	}
	return packages.Error{Pos: "-", Msg: line, Kind: kind}
}

// BrokenImport returns the package with errors that p imports, directly
// or not (the first in the order of p's imports), which makes p ill-typed
// though p has no errors of its own, or nil if there is none.
func BrokenImport(p *packages.Package) *packages.Package {
	seen := make(map[*packages.Package]bool)
	var find func(q *packages.Package) *packages.Package
	find = func(q *packages.Package) *packages.Package {
		for _, path := range slices.Sorted(maps.Keys(q.Imports)) {
			imp := q.Imports[path]
			if seen[imp] || !imp.IllTyped {
				continue
			}
			seen[imp] = true
			if len(imp.Errors) > 0 {
				return imp
			}
			if bad := find(imp); bad != nil {
				return bad
			}
		}
		return nil
	}
	return find(p)
}
