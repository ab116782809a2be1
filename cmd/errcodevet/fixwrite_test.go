package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// TestFixWrites proves that -fix writes the user's files as gofmt -w
// would, all or none: it refuses a file the user may not write or that is
// read-only, keeps each file's mode and owner, writes nothing when one file
// cannot be written (naming it, and still printing the findings), and
// prints the findings left where they are in the fixed files.
func TestFixWrites(t *testing.T) {
	tool := buildTool(t)
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	f := &faults{tool: tool, root: root}
	t.Run("ReadOnly", f.readOnly)
	t.Run("NotWritable", f.notWritable)
	t.Run("Owner", f.owner)
	t.Run("Positions", f.positions)
}

// expiredGo is a package with one fix.
const expiredGo = `
func expired(r *Response) bool {
	return r.ErrCode == 42001
}
`

// localConstants are the files of a module that needs no module cache (a
// test running as another user cannot read this one's): its fixes import
// a constants package of its own, as errcodevet init sets it up.
func localConstants(module string) map[string]string {
	return map[string]string{
		"go.mod":               "module " + module + "\n\ngo 1.22\n",
		".errcodevet.yaml":     "constants:\n  wechat: " + module + "/wechatcodes\n",
		"wechatcodes/codes.go": "package wechatcodes\n\nconst AccessTokenExpired = 42001\n",
	}
}

// A file with mode 0444 is refused, whoever runs errcodevet: a clear error
// naming it, exit 1, the file unchanged, nothing left beside it, and the
// finding still printed.
func (f *faults) readOnly(t *testing.T) {
	src := "package r\n" + carriers + expiredGo
	files := localConstants("example.com/r")
	files["r/r.go"] = src
	dir := writeFiles(t, files)
	file := filepath.Join(dir, "r/r.go")
	if err := os.Chmod(file, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadDir(filepath.Dir(file))
	r := f.errcodevet(t, dir, "-fix", "./...")
	if r.code != 1 || !strings.Contains(r.stderr, "r/r.go: read-only (mode -r--r--r--); no file was changed") {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and an error naming r/r.go", r.code, r.stderr)
	}
	if !strings.HasPrefix(r.stdout, "r/r.go:8:22: errcode 42001 compared as a magic number") {
		t.Errorf("stdout:\n%s\nwant the finding left", r.stdout)
	}
	if got := read(t, file); got != src {
		t.Errorf("the read-only file changed:\n%s", got)
	}
	if after, _ := os.ReadDir(filepath.Dir(file)); len(after) != len(before) {
		t.Errorf("files left beside it: %v", after)
	}
}

// nobody is the user a test runs errcodevet as to be refused what root
// may do.
const nobody = 65534

// asNobody returns how to run errcodevet as nobody over the module in
// dir, which it gives to nobody: nobody needs a build cache of its own and
// to reach the binary (t.TempDir makes private directories). It skips the
// test unless it runs as root on Linux.
func (f *faults) asNobody(t *testing.T, dir string) (*syscall.SysProcAttr, []string) {
	t.Helper()
	if os.Geteuid() != 0 || runtime.GOOS != "linux" {
		t.Skip("needs root on Linux, to run errcodevet as another user")
	}
	cache := t.TempDir()
	for _, d := range []string{cache, dir} {
		err := filepath.WalkDir(d, func(path string, _ os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			return os.Chown(path, nobody, nobody)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{dir, filepath.Dir(dir), filepath.Dir(f.tool), filepath.Dir(filepath.Dir(f.tool))} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return asUser(nobody, nobody), []string{"GOCACHE=" + cache, "HOME=" + cache}
}

// Two packages, the second's file not writable by the user (root's, in
// a directory the user may write, where a rename would replace it):
// nothing is written, the error names the file, and every finding is
// printed.
func (f *faults) notWritable(t *testing.T) {
	a := "package a\n" + carriers + expiredGo
	b := "package b\n" + carriers + expiredGo
	files := localConstants("example.com/w")
	files["a/a.go"], files["b/b.go"] = a, b
	dir := writeFiles(t, files)
	attr, env := f.asNobody(t, dir)
	bFile := filepath.Join(dir, "b/b.go")
	if err := os.Chown(bFile, 0, 0); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, attr, env, f.tool, "-fix", "./...")
	if r.code != 1 || !strings.Contains(r.stderr, "b/b.go: permission denied; no file was changed") {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and an error naming b/b.go", r.code, r.stderr)
	}
	want := "a/a.go:8:22: errcode 42001 compared as a magic number: access_token expired (wechatcodes.AccessTokenExpired) (magic-code)\n" +
		"b/b.go:8:22: errcode 42001 compared as a magic number: access_token expired (wechatcodes.AccessTokenExpired) (magic-code)\n"
	if r.stdout != want {
		t.Errorf("stdout:\n%s\nwant every finding:\n%s", r.stdout, want)
	}
	if got := read(t, filepath.Join(dir, "a/a.go")); got != a {
		t.Errorf("a/a.go was written:\n%s", got)
	}
	if got := read(t, bFile); got != b {
		t.Errorf("b/b.go was written:\n%s", got)
	}
	if info, err := os.Stat(bFile); err != nil {
		t.Error(err)
	} else if uid, _ := fileOwner(info); uid != 0 {
		t.Errorf("b/b.go changed owner: %d", uid)
	}
}

// A file of another user in a directory root writes, fixed by root: it
// keeps its owner, group and mode.
func (f *faults) owner(t *testing.T) {
	if os.Geteuid() != 0 || runtime.GOOS != "linux" {
		t.Skip("needs root on Linux, to give a file to another user")
	}
	dir := f.module(t, map[string]string{"o/o.go": "package o\n" + carriers + expiredGo})
	file := filepath.Join(dir, "o/o.go")
	if err := os.Chown(file, nobody, nobody); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(file, 0o640); err != nil {
		t.Fatal(err)
	}
	if r := f.errcodevet(t, dir, "-fix", "./..."); r.code != 0 {
		t.Fatalf("-fix: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got := read(t, file); !strings.Contains(got, "r.ErrCode == wechat.AccessTokenExpired") {
		t.Errorf("not fixed:\n%s", got)
	}
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if uid, gid := fileOwner(info); uid != nobody || gid != nobody || info.Mode().Perm() != 0o640 {
		t.Errorf("owner %d:%d, mode %v; want %d:%d, -rw-r-----", uid, gid, info.Mode().Perm(), nobody, nobody)
	}
}

// The findings -fix leaves are printed where a run afterwards finds them:
// the added import moves the lines, the longer constant the columns, in a
// file formatted after the edits and in one that is not gofmt-clean.
func (f *faults) positions(t *testing.T) {
	code := carriers + `
func check(r *Response) error {
	if r.ErrCode == 42001 || r.ErrCode == -1 {
		return errors.New("expired")
	}
	return nil
}
`
	dir := f.module(t, map[string]string{
		"p/p.go": "package p\n\nimport \"errors\"\n" + code,
		"q/q.go": "package q\nimport \"errors\"\n" + strings.ReplaceAll(code, "\t", "  "),
	})
	fixRun := f.errcodevet(t, dir, "-fix", "./...")
	if fixRun.code != 3 {
		t.Fatalf("-fix: exit %d\n%s%s", fixRun.code, fixRun.stdout, fixRun.stderr)
	}
	after := f.errcodevet(t, dir, "./...")
	if fixRun.stdout != after.stdout || !strings.Contains(after.stdout, "retry-unknown") {
		t.Errorf("-fix printed\n%s\na run afterwards prints\n%s", fixRun.stdout, after.stdout)
	}
}
