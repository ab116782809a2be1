#!/usr/bin/env bash
# CI: errcodevet under Bazel's nogo, offline. Builds a small workspace whose
# code has findings and asserts that nogo fails the build with errcodevet's
# messages; then fixes the code and asserts that the build passes. The
# recipe (Debian's Bazel, rules_go from the Go module proxy, the host Go
# SDK, Gazelle-generated BUILD files for errcodevet and its dependencies) is
# the one docs/nogo.md describes.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

RULES_GO_VERSION=v0.34.0
GAZELLE_VERSION=v0.45.0

log() { printf 'nogo.sh: %s\n' "$*"; }
fail() { printf 'nogo.sh: FAIL: %s\n' "$*" >&2; exit 1; }

if ! command -v bazel >/dev/null || [ ! -d /usr/share/bazel/tools/skylib ] || [ ! -d /usr/share/bazel/tools/platforms ]; then
	[ "$(id -u)" = 0 ] || fail "Debian's bazel-bootstrap, bazel-skylib and bazel-platforms are needed and installing them needs root"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bazel-bootstrap bazel-skylib bazel-platforms >/dev/null
fi

# A fixed place, so that a second run reuses Bazel's output base.
cache=${ERRCODEVET_NOGO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/errcodevet-nogo}
mkdir -p "$cache"
work=$cache/work
rm -rf "$work"
mkdir -p "$work/ext" "$work/bin"

bazel_() {
	nice -n 5 bazel --output_user_root="$cache/out" --max_idle_secs=120 "$@"
}
# The server idles out after 2 minutes anyway; shut it down at once.
trap '[ ! -d "$work/ws" ] || (cd "$work/ws" && bazel_ shutdown >/dev/null 2>&1) || true' EXIT

moddir() { (cd "$repo" && go mod download -json "$1" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p'); }

# Gazelle, to write the BUILD files of errcodevet and its dependencies.
GOBIN=$cache/bin nice -n 5 go install "github.com/bazelbuild/bazel-gazelle/cmd/gazelle@$GAZELLE_VERSION"
gazelle=$cache/bin/gazelle

# rules_go, from the module proxy.
cp -R "$(moddir "github.com/bazelbuild/rules_go@$RULES_GO_VERSION")" "$work/rules_go"
chmod -R u+w "$work/rules_go"
# rules_go v0.34 is the last release for Bazel 4 (Debian's is 4.2.3). These
# changes make it work with today's Go and x/tools:
# - Go 1.20+ installs no std archives in GOROOT/pkg unless told to
#   (rules_go v0.38 does the same);
# - so the SDK's pkg/ has no .a files, which the go_sdk rule must accept
#   (rules_go v0.38 accepts an empty list) and the standard library is
#   always built (as rules_go v0.38 does);
# - for the same reason the toolchain's own tools (the builder) are built
#   with go build instead of go tool compile against those archives
#   (rules_go v0.38 does the same; the function below is ours);
# - Go 1.25 dropped the pack tool, with which the builder appended files to
#   archives: a dozen lines of ours write the ar entries as pack r did;
# - nogo's fact decoder moved to x/tools/internal/facts and is made by
#   NewDecoder (x/tools v0.5+; rules_go v0.38 does the same).
rg=$work/rules_go/go/tools/builders
sed -i 's|^\(\t\)os.Setenv("GO111MODULE", "off")$|&\n\1os.Setenv("GODEBUG", "installgoroot=all")|' "$rg/stdlib.go"
sed -i 's|"golang.org/x/tools/go/analysis/internal/facts"|"golang.org/x/tools/internal/facts"|; s|facts.Decode(pkg.types, imp.readFacts)|facts.NewDecoder(pkg.types).Decode(imp.readFacts)|' "$rg/nogo_main.go"
sed -i 's|"@org_golang_x_tools//go/analysis/internal/facts:go_default_library"|"@org_golang_x_tools//internal/facts"|' "$rg/BUILD.bazel"
sed -i '/"libs": attr.label_list(/{n;s/allow_files = \[".a"\],/allow_files = True,/}' "$work/rules_go/go/private/rules/sdk.bzl"
python3 - "$work/rules_go/go/private/rules/binary.bzl" <<'PY'
import re, sys
path = sys.argv[1]
src = open(path).read()
impl = """def _go_tool_binary_impl(ctx):
    # Patched for Go 1.20+ (no std archives in the SDK): build with go build.
    sdk = ctx.attr.sdk[GoSDK]
    out = ctx.actions.declare_file(ctx.label.name)
    ctx.actions.run_shell(
        command = "export GOCACHE=$(mktemp -d) GOPATH=$(mktemp -d) GOTOOLCHAIN=local GOPROXY=off GO111MODULE=off; {go} build -trimpath -o {out} {srcs}".format(
            go = sdk.go.path,
            out = out.path,
            srcs = " ".join([f.path for f in ctx.files.srcs]),
        ),
        inputs = sdk.headers + sdk.tools + sdk.srcs + sdk.libs + ctx.files.srcs + [sdk.go],
        outputs = [out],
        mnemonic = "GoToolchainBinaryBuild",
    )
    return [DefaultInfo(files = depset([out]), executable = out)]

"""
new, n = re.subn(r"(?ms)^def _go_tool_binary_impl\(ctx\):.*?(?=^go_tool_binary = rule\()", lambda m: impl, src)
if n != 1:
    sys.exit("binary.bzl: _go_tool_binary_impl not found")
open(path, "w").write(new)
PY
sed -i 's/^    return (go.mode.goos == go.sdk.goos and$/    return (bool(go.sdk.libs) and go.mode.goos == go.sdk.goos and/' "$work/rules_go/go/private/actions/stdlib.bzl"
grep -q 'bool(go.sdk.libs)' "$work/rules_go/go/private/actions/stdlib.bzl" &&
	python3 - "$rg/pack.go" <<'PY'
import re, sys
path = sys.argv[1]
src = open(path).read()
impl = """func appendFiles(goenv *env, archive string, files []string) error {
	// Patched: Go 1.25+ has no pack tool. Append ar entries as 'pack r' did:
	// the base name cut to 16 bytes, zero time and ids, mode 0644.
	f, err := os.OpenFile(abs(archive), os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		return err
	}
	defer f.Close()
	end, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return err
	}
	if end == 0 {
		if _, err := io.WriteString(f, arHeader); err != nil {
			return err
		}
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		name := filepath.Base(file)
		if len(name) > 16 {
			name = name[:16]
		}
		entry := fmt.Sprintf("%-16s%-12d%-6d%-6d%-8o%-10d`\\n", name, 0, 0, 0, 0o644, len(data))
		entry += string(data)
		if len(data)%2 == 1 {
			entry += "\\n"
		}
		if _, err := io.WriteString(f, entry); err != nil {
			return err
		}
	}
	return f.Close()
}

"""
new, n = re.subn(r"(?ms)^func appendFiles\(goenv \*env, archive string, files \[\]string\) error \{\n.*?^\}\n\n", lambda m: impl, src)
if n != 1:
    sys.exit("pack.go: appendFiles not found")
open(path, "w").write(new)
PY
grep -q installgoroot "$rg/stdlib.go" && grep -q 'facts.NewDecoder' "$rg/nogo_main.go" && grep -q '"@org_golang_x_tools//internal/facts"' "$rg/BUILD.bazel" ||
	fail "rules_go $RULES_GO_VERSION: the patches did not apply"

# The Go modules errcodevet's nogo package needs (besides errcodevet),
# each a repository named as Gazelle names it: golang.org/x/tools ->
# org_golang_x_tools.
repo_name() {
	awk -F/ '{ n = split($1, h, "."); name = h[n]; for (i = n - 1; i >= 1; i--) name = name "_" h[i]
		for (i = 2; i <= NF; i++) name = name "_" $i; gsub(/[^A-Za-z0-9]/, "_", name); print tolower(name) }' <<<"$1"
}
deps=$(go list -deps -f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Dir}}{{end}}{{end}}' ./nogo | sort -u)
[ -n "$deps" ] || fail "no module dependencies found for ./nogo"
{
	echo 'go_repository(name = "com_github_errcodevet_errcodevet", importpath = "github.com/errcodevet/errcodevet")'
	while read -r path dir; do
		echo "go_repository(name = \"$(repo_name "$path")\", importpath = \"$path\")"
	done <<<"$deps"
} >"$work/repos.bzl"

# extrepo NAME IMPORTPATH SRCDIR: a copy of a module's sources with BUILD
# files, tests and testdata left out.
extrepo() {
	local dir=$work/ext/$1
	cp -R "$3" "$dir"
	chmod -R u+w "$dir"
	find "$dir" -name '*_test.go' -delete
	find "$dir" -depth -type d -name testdata -exec rm -rf {} +
	find "$dir" \( -name BUILD -o -name BUILD.bazel -o -name WORKSPACE -o -name 'WORKSPACE.bazel' \) -delete
	echo "workspace(name = \"$1\")" >"$dir/WORKSPACE"
	(cd "$dir" && "$gazelle" -go_prefix "$2" -repo_root . -go_naming_convention import_alias \
		-repo_config "$work/repos.bzl" -external external)
}

while read -r path dir; do
	extrepo "$(repo_name "$path")" "$path" "$dir"
done <<<"$deps"
# errcodevet: this checkout's module sources.
mkdir -p "$work/src-errcodevet"
git ls-files -co --exclude-standard | grep -v "^\\." | tar -cf - -T - | tar -xf - -C "$work/src-errcodevet"
extrepo com_github_errcodevet_errcodevet github.com/errcodevet/errcodevet "$work/src-errcodevet"

# Bazel 4 parses @bazel_tools//tools/jdk (a registered toolchain) in every
# build, and it loads @rules_cc and @rules_java, which Bazel would download
# (Debian's bazel-rules-cc is too new for Bazel 4). Go builds use neither:
# these two repositories only name Bazel's native rules.
# native_rules REPO PACKAGE RULE...: REPO//PACKAGE:defs.bzl with each RULE
# calling Bazel's native one.
native_rules() {
	local repo=$work/$1 pkg=$2
	shift 2
	mkdir -p "$repo/$pkg"
	echo "workspace(name = \"$(basename "$repo")\")" >"$repo/WORKSPACE"
	: >"$repo/$pkg/BUILD"
	for r in "$@"; do printf 'def %s(**kwargs):\n    native.%s(**kwargs)\n\n' "$r" "$r"; done >"$repo/$pkg/defs.bzl"
}
native_rules rules_cc cc cc_binary cc_import cc_library cc_proto_library cc_test cc_toolchain cc_toolchain_suite objc_library
native_rules rules_java java java_binary java_import java_library java_plugin java_proto_library java_runtime java_test java_toolchain
# The user's workspace: WORKSPACE and the nogo target as docs/nogo.md shows
# them, local_repository in place of http_archive/go_repository (offline).
ws=$work/ws
mkdir -p "$ws"
cat >"$ws/WORKSPACE" <<WS
workspace(name = "nogo_e2e")

local_repository(name = "io_bazel_rules_go", path = "$work/rules_go")
local_repository(name = "bazel_skylib", path = "/usr/share/bazel/tools/skylib")
local_repository(name = "platforms", path = "/usr/share/bazel/tools/platforms")
local_repository(name = "rules_cc", path = "$work/rules_cc")
local_repository(name = "rules_java", path = "$work/rules_java")
$(for d in "$work"/ext/*; do echo "local_repository(name = \"$(basename "$d")\", path = \"$d\")"; done)

load("@io_bazel_rules_go//go:deps.bzl", "go_local_sdk", "go_register_toolchains", "go_rules_dependencies")

go_rules_dependencies()

go_local_sdk(name = "go_sdk", path = "$(go env GOROOT)")

go_register_toolchains(nogo = "@//:nogo")
WS
cat >"$ws/BUILD.bazel" <<'B'
load("@io_bazel_rules_go//go:def.bzl", "nogo")

nogo(
    name = "nogo",
    config = "nogo.json",
    deps = ["@com_github_errcodevet_errcodevet//nogo"],
    visibility = ["//visibility:public"],
)
B
# config FLAGS: nogo.json with errcodevet's analyzer_flags set to FLAGS.
# only_files leaves tools/ out, exclude_files leaves gen/ out.
config() {
	cat >"$ws/nogo.json" <<J
{
  "errcodevet": {
    "only_files": {
      "(^|/)(app|gen)/": "the shop's code"
    },
    "exclude_files": {
      "(^|/)gen/": "generated code"
    },
    "analyzer_flags": {
      $1
    }
  }
}
J
}

# lib PKG DEPS... : a go_library of example.com/shop/PKG.
lib() {
	local pkg=$1 deps=""
	shift
	for d in "$@"; do deps="$deps\"$d\", "; done
	mkdir -p "$ws/$pkg"
	cat >"$ws/$pkg/BUILD.bazel" <<B
load("@io_bazel_rules_go//go:def.bzl", "go_library")

go_library(
    name = "$pkg",
    srcs = glob(["*.go"]),
    importpath = "example.com/shop/$pkg",
    visibility = ["//visibility:public"],
    deps = [$deps],
)
B
}
# The shop is a Go module too, for go vet to run on.
printf 'module example.com/shop\n\ngo 1.26\n' >"$ws/go.mod"
# sdk is a vendor SDK: its Code method returns a WeChat errcode, which its
# importers know only through errcodevet's facts.
lib sdk
cat >"$ws/sdk/sdk.go" <<'G'
package sdk

type CommonError struct {
	ErrCode int64  `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func (e *CommonError) Code() int64 { return e.ErrCode }
G
# wrap only passes the code on: a fact through a second package.
lib wrap //sdk
cat >"$ws/wrap/wrap.go" <<'G'
package wrap

import "example.com/shop/sdk"

func Code(e *sdk.CommonError) int64 { return e.Code() }
G
lib app //sdk //wrap
cat >"$ws/app/app.go" <<'G'
package app

import (
	"example.com/shop/sdk"
	"example.com/shop/wrap"
)

// TokenExpired reports whether the access token must be renewed.
func TokenExpired(e *sdk.CommonError) bool {
	return wrap.Code(e) == 42001
}

// OK reports whether the call succeeded.
func OK(e *sdk.CommonError) bool {
	return e.Code() == 0
}
G
lib gen //sdk
cat >"$ws/gen/gen.go" <<'G'
// Package gen stands for generated code, which exclude_files leaves out.
package gen

import "example.com/shop/sdk"

func Expired(e *sdk.CommonError) bool { return e.Code() == 42001 }
G
lib tools //sdk
cat >"$ws/tools/tools.go" <<'G'
// Package tools is outside only_files.
package tools

import "example.com/shop/sdk"

func Expired(e *sdk.CommonError) bool { return e.Code() == 42001 }
G

# What errcodevet reports under go vet, with the same flag, for app/: nogo
# must report the same, facts across packages included.
go build -o "$work/bin/errcodevet" ./cmd/errcodevet
vet() {
	(cd "$ws" && go vet -vettool="$work/bin/errcodevet" -include-success=true ./app) 2>&1 |
		grep -v '^#' | sed 's#^\./##' | sort || true
}
vet >"$work/vet.txt"
# errcodevet's drivers end a finding with its check ID, "(magic-code)"; so
# does the analyzer of the nogo package, so nogo's lines must equal these.
grep -q '^app/app.go:10:.*errcode 42001 compared as a magic number.* (magic-code)$' "$work/vet.txt" ||
	fail "go vet does not report app/app.go:10 with its check ID (errcodevet has changed?):$(printf '\n'; cat "$work/vet.txt")"
grep -q '^app/app.go:15:.*errcode 0 ' "$work/vet.txt" ||
	fail "go vet does not report app/app.go:15 with -include-success:$(printf '\n'; cat "$work/vet.txt")"

# build N: bazel build of everything, its output in $work/buildN.log.
build() {
	local status=0
	(cd "$ws" && bazel_ build --jobs=2 --local_cpu_resources=2 --color=no --curses=no //... >"$work/build$1.log" 2>&1) || status=$?
	grep -v 'linux-sandbox' "$work/build$1.log" | grep -Ev '^(Loading|Analyzing|INFO|\[|  |$)' || true
	return $status
}

log "build 1: a finding through two packages' facts; include-success through analyzer_flags"
config '"include-success": "true"'
if build 1; then fail "build 1 passed; nogo should have failed it"; fi
# nogo: "file:line:col: message (errcodevet)"
# nogo names files as the compiler saw them, under the sandbox's execution
# root: keep the path from the workspace root.
grep ' (errcodevet)$' "$work/build1.log" | sed 's#^.*/execroot/[^/]*/##' >"$work/findings.txt" || true
sed -n 's/^\(app\/[^ ]*:[0-9]*:[0-9]*: .*\) (errcodevet)$/\1/p' "$work/findings.txt" | sort >"$work/nogo.txt"
[ -s "$work/nogo.txt" ] || fail "build 1: no errcodevet finding in nogo's output"
diff -u "$work/vet.txt" "$work/nogo.txt" || fail "build 1: nogo's findings in app/ differ from go vet's (above: - go vet, + nogo)"
! grep -q '^gen/' "$work/findings.txt" || fail "build 1: a finding in gen/, which exclude_files leaves out"
! grep -q '^tools/' "$work/findings.txt" || fail "build 1: a finding in tools/, which only_files leaves out"
grep -q '^app/app.go:10:.* (magic-code)$' "$work/nogo.txt" || fail "build 1: nogo's finding carries no check ID"
log "build 1 failed as it should: $(wc -l <"$work/nogo.txt") findings, the same as go vet's"

log "build 2: a misspelled check in analyzer_flags"
config '"checks": "magic-cod"'
if build 2; then fail "build 2 passed with checks=magic-cod"; fi
grep -q 'unknown check "magic-cod"' "$work/build2.log" || fail "build 2: no error naming the unknown check"

log "build 3: the code fixed with named constants"
cat >"$ws/app/app.go" <<'G'
package app

import (
	"example.com/shop/sdk"
	"example.com/shop/wrap"
)

const (
	accessTokenExpired = 42001
	success            = 0
)

// TokenExpired reports whether the access token must be renewed.
func TokenExpired(e *sdk.CommonError) bool {
	return wrap.Code(e) == accessTokenExpired
}

// OK reports whether the call succeeded.
func OK(e *sdk.CommonError) bool {
	return e.Code() == success
}
G
[ -z "$(vet)" ] || fail "go vet still reports the fixed app/: $(vet)"
config '"include-success": "true"'
build 3 || fail "build 3 failed on fixed code"
log "ok: nogo failed the build on errcodevet's findings and passed it once fixed"
