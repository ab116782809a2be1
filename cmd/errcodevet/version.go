package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// version returns errcodevet's version as its build info records it: the
// module version when built by "go install ...@version", else "(devel)"
// followed by the VCS revision the binary was built from, when known. The
// version command, the LSP serverInfo and the SARIF tool.driver.version
// all say this.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	if v != "" && v != "(devel)" {
		return v
	}
	v = "(devel)"
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev != "" {
		v += " " + rev[:min(len(rev), 12)]
		if modified == "true" {
			v += "+dirty"
		}
	}
	return v
}

const versionUsage = `usage: errcodevet version

Version prints errcodevet's version, from the build information Go records
in the binary, and the Go version it was built with. -V and --version say
the same.
`

func runVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if isHelpFlag(args[0]) {
			fmt.Fprint(stderr, versionUsage)
			return exitOK
		}
		fmt.Fprintf(stderr, "errcodevet version: unexpected argument %q\n", args[0])
		return exitUsage
	}
	fmt.Fprintf(stdout, "errcodevet %s (%s %s/%s)\n", version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}

func isHelpFlag(arg string) bool {
	switch arg {
	case "-h", "-help", "--help", "-?":
		return true
	}
	return false
}
