package main

import "github.com/errcodevet/errcodevet/internal/sarif"

// errcodevet sarif [flags] [packages] writes the findings as a SARIF 2.1.0
// log for GitHub code scanning.
func init() {
	subcommands["sarif"] = sarif.Main
}
