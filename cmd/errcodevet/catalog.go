package main

import "github.com/errcodevet/errcodevet/internal/catalogcmd"

func init() { subcommands["catalog"] = catalogcmd.Main }
