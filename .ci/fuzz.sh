#!/usr/bin/env bash
# Fuzzes semgate's readers of hostile text with libFuzzer (swift -sanitize=fuzzer): the Go lexer and parser (go),
# the policy loader (policy), the pattern engine (pattern: first line the pattern, the rest the text), the list
# reader (list) and glob matching (glob: first line the glob, each further line a path; a path it matches must
# start with one of its literal prefixes, and no folder on the way to it may be one a tree walk skips). Each target
# runs MINUTES (default 5) from the committed seed corpus in Tests/Fuzz/corpus/TARGET; new interesting inputs go to
# a temporary copy, not the repository. An input over 10 s or 2 GB, or a crash, stops
# the run: libFuzzer writes it to crash-*/timeout-*/oom-* in the current folder and the script exits 1. Turn such
# an input into a regression test (Tests/Fuzz/corpus and a test of the reader) and rerun.
#
#   bash .ci/fuzz.sh [MINUTES] [TARGET...]        default: 5 minutes for each of go policy pattern list glob
#   semgate-fuzz TARGET FILE...                   (a normal build) replays inputs through the same code
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-5}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(go policy pattern list glob)

swift build -c release --scratch-path .build-fuzz --product semgate-fuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -DSEMGATE_FUZZ
bin=$(swift build -c release --scratch-path .build-fuzz --show-bin-path)/semgate-fuzz

work=$(mktemp -d "${TMPDIR:-/tmp}/semgate-fuzz.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
status=0
for target in "${targets[@]}"; do
    mkdir -p "$work/$target"
    cp Tests/Fuzz/corpus/"$target"/* "$work/$target/"
    echo "== $target for $minutes min"
    if ! SEMGATE_FUZZ_TARGET=$target "$bin" -max_total_time=$((minutes * 60)) -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 "$work/$target" 2> "$work/$target.log"; then
        status=1
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY|Done [0-9]+ runs" "$work/$target.log" || true
done
exit $status
