#!/usr/bin/env bash
# The golangci-lint v2 module plugin, end to end: builds a real custom
# golangci-lint from the shipped .custom-gcl.yml with `golangci-lint custom`,
# offline (GitHub is unreachable: its clone of golangci-lint is redirected to
# a local git repository made from the module proxy's source), then runs it
# on testdata/golangci and checks the text, JSON and SARIF output, --fix,
# //nolint:errcodevet, a cgo file, a setting reaching the analyzer, and a
# misspelled setting.
#
# Cached under ${XDG_CACHE_HOME:-$HOME/.cache}/errcodevet-ci, keyed by the
# golangci-lint version, the Go version and go.sum: the local golangci-lint
# repository and the stock golangci-lint that runs `custom`. The custom
# binary itself is always rebuilt (the Go build cache makes that cheap).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

version=$(sed -n 's/^version: *\([^ #]*\).*/\1/p' .custom-gcl.yml)
[ -n "$version" ] || { echo ".custom-gcl.yml has no version" >&2; exit 1; }
gover=$(go env GOVERSION)
key="$version-$gover-$(sha256sum go.sum | cut -c1-12)"
base=${XDG_CACHE_HOME:-$HOME/.cache}/errcodevet-ci
cache=$base/golangci-$key
mkdir -p "$cache"
touch "$cache/used"
# Drop the caches of keys unused for a week. (Not every other key: runs on
# other branches, with other go.sum files, may be using theirs right now.)
find "$base" -mindepth 2 -maxdepth 2 -name used -mtime +7 -printf '%h\n' 2>/dev/null | xargs -r rm -rf

command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq >/dev/null; }

tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

t0=$SECONDS
elapsed() { echo "  ($((SECONDS - t0)) s so far)"; }

# 1. The golangci-lint source, as a git repository tagged $version.
repo=$cache/golangci-lint.git
if ! git -C "$repo" rev-parse -q --verify "refs/tags/$version" >/dev/null 2>&1; then
	echo "golangci-lint $version source -> local git repository"
	src=$(go mod download -json "github.com/golangci/golangci-lint/v2@$version" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
	[ -d "$src" ] || { echo "go mod download gave no source directory for golangci-lint $version" >&2; exit 1; }
	# Built aside and renamed into place: concurrent runs share the cache.
	new=$(mktemp -d "$cache/repo.XXXXXX")
	cp -R "$src/." "$new"
	chmod -R u+w "$new"
	git -C "$new" init -q
	git -C "$new" add -A
	git -C "$new" -c user.name=ci -c user.email=ci@localhost commit -q -m "golangci-lint $version from the module proxy"
	git -C "$new" tag "$version"
	if git -C "$repo" rev-parse -q --verify "refs/tags/$version" >/dev/null 2>&1; then
		rm -rf "$new" # another run made it meanwhile
	else
		rm -rf "$repo" # an incomplete one
		mv -T "$new" "$repo"
	fi
	elapsed
fi

# 2. A stock golangci-lint to run `custom` with.
gcl=$cache/bin/golangci-lint
if [ ! -x "$gcl" ]; then
	echo "go install golangci-lint $version"
	GOBIN=$tmp/gobin go install "github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$version"
	mkdir -p "$cache/bin"
	cp "$tmp/gobin/golangci-lint" "$gcl.new.$$"
	mv "$gcl.new.$$" "$gcl"
	elapsed
fi

# 3. The custom golangci-lint, built by the real `custom` command from the
# shipped .custom-gcl.yml; its clone of GitHub goes to the local repository.
echo "golangci-lint custom (from .custom-gcl.yml)"
GIT_CONFIG_COUNT=1 \
	GIT_CONFIG_KEY_0="url.file://$repo.insteadOf" \
	GIT_CONFIG_VALUE_0=https://github.com/golangci/golangci-lint.git \
	"$gcl" custom --destination "$tmp/bin" >"$tmp/custom.log" 2>&1 ||
	{ cat "$tmp/custom.log" >&2; echo "golangci-lint custom failed" >&2; exit 1; }
name=$(sed -n 's/^name: *\([^ #]*\).*/\1/p' .custom-gcl.yml)
bin=$tmp/bin/${name:-custom-gcl}
[ -x "$bin" ] || { echo "golangci-lint custom wrote no $bin" >&2; exit 1; }
"$bin" version
elapsed
# The benchmark (bench/cmd/golangci) runs the same binary: keep a copy.
if [ -n "${ERRCODEVET_GOLANGCI_KEEP:-}" ]; then
	cp "$bin" "$ERRCODEVET_GOLANGCI_KEEP"
fi

# The fixture, copied so that runs and fixes leave the tree alone.
fixture() {
	local dir=$tmp/$1
	cp -R testdata/golangci "$dir"
	(cd "$dir" && go mod edit -replace "github.com/errcodevet/errcodevet=$root" \
		-replace "github.com/errcodevet/errcodevet/wechat=$root/wechat")
	echo "$dir"
}
fail() { echo "FAIL: $*" >&2; exit 1; }
# run DIR ARGS...: runs the custom golangci-lint in DIR offline; stdout and
# stderr go to $tmp/out and $tmp/err, the exit code to $rc. golangci-lint
# caches results by package and does not notice a rebuilt plugin: the
# cache is this run's own.
run() {
	local dir=$1
	shift
	rc=0
	(cd "$dir" && GOPROXY=off GOLANGCI_LINT_CACHE="$tmp/golangci-cache" "$bin" run --allow-parallel-runners "$@") >"$tmp/out" 2>"$tmp/err" || rc=$?
}
expect() { # expect WANT-RC WHAT: checks $rc
	[ "$rc" = "$1" ] || { cat "$tmp/out" "$tmp/err" >&2; fail "$2: exit code $rc, want $1"; }
}

finding='app/app.go:11:25: errcode 42001 compared as a magic number: access_token expired (wechat.AccessTokenExpired) (magic-code) (errcodevet)'
message='errcode 42001 compared as a magic number: access_token expired (wechat.AccessTokenExpired) (magic-code)'

echo "check: text, JSON and SARIF output; //nolint:errcodevet"
dir=$(fixture outputs)
run "$dir" --output.text.path=stdout --output.json.path="$tmp/out.json" --output.sarif.path="$tmp/out.sarif" ./...
expect 1 "findings"
grep -qF "$finding" "$tmp/out" || { cat "$tmp/out" "$tmp/err"; fail "text output lacks: $finding"; }
grep -q 'app.go:16:' "$tmp/out" && fail "//nolint:errcodevet did not suppress the finding on line 16"
[ "$(grep -c '(errcodevet)$' "$tmp/out")" = 1 ] || { cat "$tmp/out"; fail "want exactly one finding"; }
jq -e --arg m "$message" '[.Issues[] | select(.FromLinter == "errcodevet" and .Text == $m and .Pos.Line == 11 and .Pos.Column == 25)] | length == 1' "$tmp/out.json" >/dev/null ||
	{ cat "$tmp/out.json"; fail "JSON output lacks the finding"; }
jq -e --arg m "$message" '[.runs[].results[] | select(.ruleId == "errcodevet" and .message.text == $m
	and .locations[0].physicalLocation.region.startLine == 11)] | length == 1' "$tmp/out.sarif" >/dev/null ||
	{ cat "$tmp/out.sarif"; fail "SARIF output lacks the finding"; }

echo "check: the line under //nolint:errcodevet is a finding without it"
dir=$(fixture nolint)
sed -i 's| //nolint:errcodevet // silenced on purpose||' "$dir/app/app.go"
run "$dir" ./...
expect 1 "without //nolint"
grep -qF 'app/app.go:16:25: errcode -1 compared as a magic number: system is busy (wechat.SystemBusy) (magic-code) (errcodevet)' "$tmp/out" ||
	{ cat "$tmp/out" "$tmp/err"; fail "no finding on line 16 without //nolint"; }

echo "check: --fix"
run "$dir" --fix ./...
grep -qF 'return resp.ErrCode == wechat.AccessTokenExpired' "$dir/app/app.go" &&
	grep -qF 'return resp.ErrCode == wechat.SystemBusy' "$dir/app/app.go" &&
	grep -qF '"github.com/errcodevet/errcodevet/wechat"' "$dir/app/app.go" ||
	{ cat "$dir/app/app.go" "$tmp/out" "$tmp/err"; fail "--fix did not write the constants and the import"; }
(cd "$dir" && GOPROXY=off go build ./...) || fail "the fixed code does not build"
run "$dir" ./...
expect 0 "after --fix"

echo "check: a file with import \"C\" is checked, its finding in that file, with no fix"
if [ "$(go env CGO_ENABLED)" = 1 ] && command -v "$(go env CC)" >/dev/null; then
	dir=$(fixture cgo)
	cat >"$dir/app/cgo.go" <<'GO'
package app

// static int busy(void) { return -1; }
import "C"

func CBusy(resp *Response) bool {
	return C.busy() < 0 && resp.ErrCode == -1
}
GO
	cp "$dir/app/cgo.go" "$tmp/cgo.go"
	run "$dir" --fix ./...
	grep -qF 'app/cgo.go:7:41: errcode -1 compared as a magic number: system is busy (wechat.SystemBusy) (magic-code) (errcodevet)' "$tmp/out" ||
		{ cat "$tmp/out" "$tmp/err"; fail "no finding in the cgo file"; }
	cmp -s "$dir/app/cgo.go" "$tmp/cgo.go" || { cat "$dir/app/cgo.go"; fail "--fix edited the cgo file"; }
else
	echo "  skipped: cgo is unavailable (CGO_ENABLED=$(go env CGO_ENABLED), CC=$(go env CC))"
fi

echo "check: facts across packages (the plugin declares no fact types; golangci-lint analyzes imports first)"
dir=$(fixture crosspkg)
mkdir -p "$dir/sdk" "$dir/user"
cat >"$dir/sdk/sdk.go" <<'GO'
package sdk

type CommonError struct {
	ErrCode int64 `json:"errcode"`
}

func (e *CommonError) Code() int64 { return e.ErrCode }
GO
cat >"$dir/user/user.go" <<'GO'
package user

import "example.com/golangcifixture/sdk"

func Expired(e *sdk.CommonError) bool {
	return e.Code() == 42001
}
GO
run "$dir" ./...
expect 1 "facts across packages"
grep -qF 'user/user.go:6:21: errcode 42001 compared as a magic number' "$tmp/out" ||
	{ cat "$tmp/out" "$tmp/err"; fail "no finding through sdk's carrier-returning method"; }
# A later run re-analyzes only the edited package (sdk's result comes from
# golangci-lint's cache): sdk's facts come from the record the plugin kept.
echo "// edited" >>"$dir/user/user.go"
run "$dir" ./...
expect 1 "facts across packages, warm cache"
grep -qF 'user/user.go:6:21: errcode 42001 compared as a magic number' "$tmp/out" ||
	{ cat "$tmp/out" "$tmp/err"; fail "warm cache: no finding through sdk's carrier-returning method"; }

echo "check: settings reach the analyzer (checks: [string-code])"
dir=$(fixture settings)
sed -i 's|^          include-success: false$|          checks: [string-code]|' "$dir/.golangci.yml"
grep -q 'checks: \[string-code\]' "$dir/.golangci.yml" || fail "could not edit the fixture's .golangci.yml"
run "$dir" ./...
expect 0 "with checks: [string-code]"

echo "check: a misspelled setting stops the run"
dir=$(fixture typo)
sed -i 's|^          include-success: false$|          include-sucess: true|' "$dir/.golangci.yml"
run "$dir" ./...
[ "$rc" != 0 ] || fail "a misspelled setting: exit code 0"
grep -qF 'errcodevet settings: decoding settings: json: unknown field "include-sucess"' "$tmp/err" ||
	{ cat "$tmp/out" "$tmp/err"; fail "a misspelled setting: no clear message"; }
cat "$tmp/err"

echo "check: .golangci.example.yml is valid and loads"
"$bin" config verify -c "$root/.golangci.example.yml"
dir=$(fixture example)
run "$dir" -c "$root/.golangci.example.yml" ./...
expect 1 "with .golangci.example.yml"
grep -qF "$finding" "$tmp/out" || { cat "$tmp/out" "$tmp/err"; fail "with .golangci.example.yml: no finding"; }

echo "golangci-lint plugin: ok ($((SECONDS - t0)) s)"
