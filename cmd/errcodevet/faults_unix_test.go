//go:build unix

package main

import "syscall"

// asUser returns the attributes that run a command as uid and gid.
func asUser(uid, gid uint32) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uid, Gid: gid}}
}
