#!/usr/bin/env bash
# CI: errcodevet lsp in a real editor. Headless Neovim (Debian's, 0.7) with
# its built-in LSP client and the configuration of docs/editors.md opens a
# fixture file, waits for errcodevet's diagnostics, applies the quick fix
# and writes the file; this script then checks the file.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

if ! command -v nvim >/dev/null; then
	if [ "$(id -u)" != 0 ]; then
		echo "editors.sh: neovim is not installed and installing it needs root" >&2
		exit 1
	fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
fi
nvim --version | head -1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/bin/errcodevet" ./cmd/errcodevet

# The fixture module, its replace directive pointing at this checkout.
cp -R cmd/errcodevet/internal/lsp/testdata/fixture "$work/fixture"
sed -i "s#=> ../../../../../..#=> $repo#" "$work/fixture/go.mod"
grep -q "=> $repo\$" "$work/fixture/go.mod"

# The Neovim configuration is the one documented: the lua block after the
# marker in docs/editors.md.
awk '/<!-- editors-nvim-config/ { found = 1; next }
	found && /^```lua$/ { inside = 1; next }
	inside && /^```$/ { exit }
	inside { print }' docs/editors.md >"$work/init.lua"
grep -q 'vim.lsp.start_client' "$work/init.lua" || { echo "editors.sh: no Neovim configuration found in docs/editors.md" >&2; exit 1; }

file=$work/fixture/api/api.go
status=0
(
	cd "$work/fixture"
	PATH="$work/bin:$PATH" timeout -k 10 300 \
		nvim --headless --clean -u "$work/init.lua" -c "luafile $repo/cmd/errcodevet/internal/lsp/testdata/nvim/e2e.lua" "$file" </dev/null
) || status=$?
if [ "$status" != 0 ]; then
	echo "editors.sh: neovim failed (exit $status)" >&2
	exit 1
fi

# The file as Neovim wrote it: the first literal replaced by the constant,
# the import added, the second finding left alone, and the code compiles.
fail() { echo "editors.sh: $*" >&2; echo "--- $file" >&2; cat "$file" >&2; exit 1; }
grep -q 'return /\* jeton expiré 😀 \*/ resp.ErrCode == wechat.AccessTokenExpired$' "$file" || fail "the literal 42001 was not replaced by wechat.AccessTokenExpired"
grep -q '^import "github.com/errcodevet/errcodevet/wechat"$' "$file" || fail "the wechat import was not added"
grep -q 'return resp.ErrCode == 40001$' "$file" || fail "the other comparison changed"
! grep -q '42001' "$file" || fail "42001 is still there"
(cd "$work/fixture" && go build ./...) || fail "the fixed code does not compile"
echo "editors.sh: ok: Neovim applied errcodevet's quick fix"
