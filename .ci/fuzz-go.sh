#!/usr/bin/env bash
# Fuzzes semgate's Go lexer and parser (Sources/GoSource): random token soup and mutated real Go source (byte flips,
# deletions, duplications, inserted brackets, quotes and comment markers, truncation, splices of two files) run
# through GoLexer and GoParser for SECONDS (default 60). Each input must finish in under 2 s without a crash, with a
# token stream that ends in end-of-file, positions that never go backwards and token ranges inside the file. A
# failing input is written to gosource-fuzz-failure.go in the current folder and the script exits 1.
#
# Before fuzzing it parses the corpus itself and prints the syntax errors found (real code should have none).
#
#   bash .ci/fuzz-go.sh [SECONDS] [SEED]      CORPUS=/path/to/go/files (default: the Go files of this checkout's
#                                             Tests and a k6 snapshot when K6_REPO points at one)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
seed=${2:-$(date +%s)}
k6_repo=${K6_REPO:-/work/.mirror/grafana+k6/repo}

swift build -c release --scratch-path .build-release --product gosource-fuzz
bin=$(swift build -c release --scratch-path .build-release --show-bin-path)/gosource-fuzz

work=$(mktemp -d "${TMPDIR:-/tmp}/gosource-fuzz.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
if [ -n "${CORPUS:-}" ]; then
    find "$CORPUS" -name '*.go' -type f > "$work/files"
elif git -C "$k6_repo" rev-parse --git-dir > /dev/null 2>&1; then
    # The Go files of k6's newest tag, without vendor/, read from git objects into the temporary folder.
    tag=$(git -C "$k6_repo" tag --list 'v[0-9]*' --sort=-v:refname | head -n 1)
    mkdir -p "$work/corpus"
    git -C "$k6_repo" ls-tree -r "$tag" | awk '$2 == "blob" && $4 ~ /\.go$/ && $4 !~ /^vendor\// { print $3 }' \
        | while IFS= read -r blob; do git -C "$k6_repo" cat-file blob "$blob" > "$work/corpus/$blob.go" || true; done
    find "$work/corpus" -name '*.go' > "$work/files"
    echo "corpus: $(wc -l < "$work/files") Go files of k6 $tag"
else
    printf 'package p\n\nfunc F[T any](x T) (T, error) { return x, nil }\n' > "$work/seed.go"
    echo "$work/seed.go" > "$work/files"
    echo "corpus: one seed file (set CORPUS or K6_REPO for a real one)"
fi

echo "== parse of the corpus"
xargs "$bin" check < "$work/files" | tail -n 5
echo "== fuzz for $seconds s, seed $seed"
xargs "$bin" fuzz "$seconds" "$seed" < "$work/files"
