#!/usr/bin/env bash
# Captures the JSON reports whose bytes must not change when the engine's internals change: `audit`, `deprecations`,
# `check` and `support` on grafana/k6 (policy/examples/k6.yml) and `audit`, `deprecations` on the sample repository of
# .ci/sample-repo.sh, into OUTDIR (one file a report, with the exit status). Compare two captures with `diff -r`.
#
#   .ci/audit-json.sh BIN OUTDIR          K6_REPO=/path/to/k6 (bare is fine)
set -euo pipefail
if [ "$#" -ne 2 ]; then
    echo "usage: $0 BIN OUTDIR" >&2
    exit 64
fi
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$1
out=$2
k6_repo=${K6_REPO:-/work/.mirror/grafana+k6/repo}
mkdir -p "$out"
export NO_COLOR=1 LC_ALL=C TZ=UTC

capture() {
    local name=$1
    shift
    local status=0
    "$@" > "$out/$name.json" 2> "$out/$name.stderr" || status=$?
    echo "$status" > "$out/$name.status"
}

sample=$(mktemp -d "${TMPDIR:-/tmp}/semgate-sample.XXXXXX")
trap 'rm -rf -- "$sample"' EXIT
bash "$root/.ci/sample-repo.sh" "$sample/repo" > /dev/null
capture sample-audit "$bin" audit --repo "$sample/repo" --format json
capture sample-deprecations "$bin" deprecations --repo "$sample/repo" --format json --at 2025-06-01

if git -C "$k6_repo" rev-parse --git-dir > /dev/null 2>&1; then
    k6=(--repo "$k6_repo" --policy "$root/policy/examples/k6.yml")
    capture k6-audit "$bin" audit "${k6[@]}" --format json
    capture k6-deprecations "$bin" deprecations "${k6[@]}" --format json --at 2026-01-01
    capture k6-check "$bin" check "${k6[@]}" --format json
    capture k6-support "$bin" support "${k6[@]}" --format json --at 2026-01-01
else
    echo "k6: no repository at $k6_repo (set K6_REPO); skipped" >&2
fi
wc -c "$out"/*.json
