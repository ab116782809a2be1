//go:build unix

package main

import (
	"os"
	"syscall"
)

// asUser returns the attributes that run a command as uid and gid.
func asUser(uid, gid uint32) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uid, Gid: gid}}
}

// fileOwner returns the owner and group of the file info describes.
func fileOwner(info os.FileInfo) (uid, gid uint32) {
	st := info.Sys().(*syscall.Stat_t)
	return st.Uid, st.Gid
}
