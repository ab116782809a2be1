package main

import (
	"testing"

	"github.com/errcodevet/errcodevet/internal/testmodule"
)

// A package that does not load is reported as Go reports it, each problem
// once: a syntax error once (not as the compiler's output and again as
// each token go/parser expected), no "could not import" for a package
// whose own error is said, no cascade of "could not import context (no
// metadata for context)" after an import block that does not parse; a
// package that loads but imports one that does not is named, with it.
func TestLoadErrorsOnce(t *testing.T) {
	const (
		lib = "package lib\n\nconst X = 1\n"
		app = "package app\n\nimport (\n\t\"context\"\n\n\t\"example.com/fixture/lib\"\n)\n\nvar _ = context.Background\nvar _ = lib.X\n"
	)
	for _, tc := range []struct {
		name  string
		files map[string]string
		args  []string
		want  string
	}{{
		name:  "syntax error in an imported package",
		files: map[string]string{"lib/lib.go": "package lib\n\nconst X = 1\nfunc f() {\n", "app/app.go": app},
		args:  []string{"./..."},
		want: "lib/lib.go:4:12: expected ';', found 'EOF'\n" +
			"errcodevet: example.com/fixture/app is not analyzed: it imports example.com/fixture/lib, which does not load\n",
	}, {
		name:  "syntax error in a dependency of the pattern",
		files: map[string]string{"lib/lib.go": "package lib\n\nconst X = 1\nfunc f() {\n", "app/app.go": app},
		args:  []string{"./app"},
		want: "lib/lib.go:4:12: expected ';', found 'EOF'\n" +
			"errcodevet: example.com/fixture/app is not analyzed: it imports example.com/fixture/lib, which does not load\n",
	}, {
		name: "import of a package that is not there",
		files: map[string]string{"lib/lib.go": lib, "app/app.go": "package app\n\nimport (\n\t\"context\"\n\n\t\"example.com/fixture/gen\"\n)\n\n" +
			"var _ = context.Background\nvar _ = gen.X\n"},
		args: []string{"./..."},
		want: "app/app.go:6:2: no required module provides package example.com/fixture/gen; to add it:\n\tgo get example.com/fixture/gen\n" +
			"errcodevet: example.com/fixture/app is not analyzed: it imports example.com/fixture/gen, which does not load\n",
	}, {
		name:  "import block that does not parse",
		files: map[string]string{"lib/lib.go": lib, "app/app.go": "package app\n\nimport (\n\t\"context\"\n\t\"example.com/fixture/lib\"\n\nvar _ = context.Background\n"},
		args:  []string{"./..."},
		want:  "app/app.go:7:1: missing import path\n",
	}, {
		name:  "type error",
		files: map[string]string{"lib/lib.go": "package lib\n\nvar X = nope\n"},
		args:  []string{"./..."},
		want:  "lib/lib.go:3:9: undefined: nope\n",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := testmodule.New(t, tc.files)
			code, stdout, stderr := runIn(t, dir, tc.args...)
			if code != exitError || stdout != "" || stderr != tc.want {
				t.Errorf("errcodevet %v: exit %d, stdout %q, stderr\n%s\nwant 1 and\n%s", tc.args, code, stdout, stderr, tc.want)
			}
		})
	}
}
