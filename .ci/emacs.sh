#!/usr/bin/env bash
# CI: errcodevet lsp in a second real editor. Batch Emacs (Debian's 28.2)
# with Eglot and go-mode and the configuration of docs/editors.md opens a
# fixture file, waits for errcodevet's diagnostics, applies the quick fix
# and saves the file; this script then checks the file.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

have() { emacs --batch --eval "(progn (require 'eglot) (require 'go-mode))" >/dev/null 2>&1; }
if ! command -v emacs >/dev/null || ! have; then
	if [ "$(id -u)" != 0 ]; then
		echo "emacs.sh: emacs-nox, elpa-eglot and elpa-go-mode are needed and installing them needs root" >&2
		exit 1
	fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq emacs-nox elpa-eglot elpa-go-mode >/dev/null
fi
emacs --version | head -1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/bin/errcodevet" ./cmd/errcodevet

# The fixture module of the language server's tests, its replace directive
# pointing at this checkout.
fixture=cmd/errcodevet/internal/lsp/testdata/fixture
cp -R "$fixture" "$work/fixture"
sed -i "s#=> \(\.\./\)*\.\.\(/wechat\)\?\$#=> $repo\2#" "$work/fixture/go.mod"
grep -q "=> $repo\$" "$work/fixture/go.mod" || { echo "emacs.sh: cannot point $fixture/go.mod at $repo" >&2; exit 1; }

# The Emacs configuration is the one documented: the elisp block after the
# marker in docs/editors.md.
awk '/<!-- editors-emacs-config/ { found = 1; next }
	found && /^```elisp$/ { inside = 1; next }
	inside && /^```$/ { exit }
	inside { print }' docs/editors.md >"$work/config.el"
grep -q 'eglot-server-programs' "$work/config.el" || { echo "emacs.sh: no Emacs configuration found in docs/editors.md" >&2; exit 1; }

# Batch Emacs loads no init file and activates no packages; an interactive
# Emacs activates the installed packages (here Debian's elpa-*) before
# init.el, so the test does that first, then loads the configuration.
file=$work/fixture/api/api.go
status=0
(
	cd "$work/fixture"
	HOME=$work/home E2E_FILE=$file PATH="$work/bin:$PATH" timeout -k 10 300 \
		emacs --batch --eval '(package-activate-all)' -l "$work/config.el" -l "$repo/.ci/emacs-e2e.el" </dev/null
) || status=$?
if [ "$status" != 0 ]; then
	echo "emacs.sh: emacs failed (exit $status)" >&2
	exit 1
fi

# The file as Emacs saved it: the first literal replaced by the constant,
# the import added, the second finding left alone, and the code compiles.
fail() { echo "emacs.sh: $*" >&2; echo "--- $file" >&2; cat "$file" >&2; exit 1; }
grep -q 'return /\* jeton expiré 😀 \*/ resp.ErrCode == wechat.AccessTokenExpired$' "$file" || fail "the literal 42001 was not replaced by wechat.AccessTokenExpired"
grep -q '^import "github.com/errcodevet/errcodevet/wechat"$' "$file" || fail "the wechat import was not added"
grep -q 'return resp.ErrCode == 40001$' "$file" || fail "the other comparison changed"
! grep -q '42001' "$file" || fail "42001 is still there"
(cd "$work/fixture" && go build ./...) || fail "the fixed code does not compile"
echo "emacs.sh: ok: Emacs (Eglot) applied errcodevet's quick fix"
