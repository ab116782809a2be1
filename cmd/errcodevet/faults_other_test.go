//go:build !unix

package main

import (
	"os"
	"syscall"
)

// asUser returns nil: only Unix systems run a command as another user
// (the caller skips the test before asking anywhere but Linux).
func asUser(uid, gid uint32) *syscall.SysProcAttr { return nil }

// fileOwner returns 0, 0: files have no Unix owner here (the caller skips
// the test before asking anywhere but Linux).
func fileOwner(info os.FileInfo) (uid, gid uint32) { return 0, 0 }
