package main

import "github.com/errcodevet/errcodevet/cmd/errcodevet/internal/catalogcmd"

func init() { subcommands["catalog"] = catalogcmd.Main }
