//go:build !unix

package main

import "syscall"

// asUser returns nil: only Unix systems run a command as another user
// (the caller skips the test before asking anywhere but Linux).
func asUser(uid, gid uint32) *syscall.SysProcAttr { return nil }
