#!/usr/bin/env bash
# CI: the benchmark's smoke run, so that its code cannot rot. One run of each
# tool over the generated corpus at scale 1, standalone and under go vet; it
# checks that every tool completes and that errcodevet reports exactly the
# findings the generator planted. It never compares timings (CI machines are
# too noisy); the full benchmark is `go run ./bench/cmd/run` (BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
printf '\n== %s\n' "benchmark smoke run (no timings asserted)"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go run ./bench/cmd/run -smoke -o "$out"

# The golangci-lint benchmark's smoke run, with the custom golangci-lint
# .ci/golangci.sh built (.ci/run passes it on).
if [ -n "${ERRCODEVET_GOLANGCI_BIN:-}" ]; then
	printf '\n== %s\n' "golangci-lint benchmark smoke run (no timings asserted)"
	go run ./bench/cmd/golangci -bin "$ERRCODEVET_GOLANGCI_BIN" -smoke -o "$out/golangci"
fi
