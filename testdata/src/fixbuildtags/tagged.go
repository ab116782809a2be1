//go:build linux

package fixbuildtags

// Built on linux only (build constraint).
const taggedBusy = -1
