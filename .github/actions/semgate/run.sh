#!/usr/bin/env bash
# The semgate action's run step (action.yml), kept in a file so it can be read, shell-checked and run locally
# with the same variables GitHub sets:
#
#   SEMGATE=/path/to/semgate GITHUB_EVENT_NAME=pull_request SEMGATE_PR_BASE_SHA=... SEMGATE_PR_HEAD_SHA=... \
#   GITHUB_OUTPUT=/tmp/out GITHUB_STEP_SUMMARY=/tmp/summary bash .github/actions/semgate/run.sh
#
# It runs `semgate check` for the event (pull request: the base and head commits, with the policy read from the
# base; tag push: the tag's version; otherwise HEAD against the last release), then writes the markdown report to
# the job summary, prints the github format (annotations) to the log, writes the report file in INPUT_FORMAT, and
# sets the outputs verdict, required, next and report. Every run after the first reads the extraction results the
# first stored (SEMGATE_EXTRACTION_CACHE; INPUT_CACHE=false: --no-cache). Exit status: semgate's (1 only with INPUT_FAIL_ON_VIOLATION
# true), 2 when the check could not be made.
set -euo pipefail

semgate=${SEMGATE:-semgate}
format=${INPUT_FORMAT:-text}
folder=${RUNNER_TEMP:-${TMPDIR:-/tmp}}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
outputs=${GITHUB_OUTPUT:-/dev/null}

# One annotation with a message of this script's own (never text from the event or the repository), and exit 2.
stop() {
    echo "::error title=semgate::$1"
    exit 2
}

# Prints the file $1, output of semgate that quotes repository text (paths, item names), to the log with workflow
# commands switched off around it by a one-off token, so no line of it can start an annotation, mask or command.
fenced() {
    [ -s "$1" ] || return 0
    local token
    token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    echo "::stop-commands::$token"
    cat -- "$1"
    if [ -n "$(tail -c 1 -- "$1")" ]; then echo; fi
    echo "::$token::"
}

case "$format" in
    text | json | markdown | github | sarif | junit) ;;
    *) stop "the format input must be one of text, json, markdown, github, sarif, junit" ;;
esac
case "${INPUT_FAIL_ON_VIOLATION:-true}" in
    true | false) ;;
    *) stop "the fail-on-violation input must be true or false" ;;
esac
command -v python3 > /dev/null 2>&1 || stop "python3 is needed to read semgate's JSON report"
if [ "$(git rev-parse --is-shallow-repository 2> /dev/null || true)" = true ]; then
    stop "the checkout is shallow, so release tags and history are missing; check out with actions/checkout and fetch-depth: 0 (or run git fetch --tags --unshallow)"
fi

args=(check)
if [ -n "${INPUT_POLICY:-}" ]; then args+=(--policy "$INPUT_POLICY"); fi
if [ -n "${INPUT_ALLOW:-}" ]; then args+=(--allow "$INPUT_ALLOW"); fi
version=${INPUT_VERSION:-}
case "${GITHUB_EVENT_NAME:-}" in
    pull_request | pull_request_target)
        if [ -z "${SEMGATE_PR_BASE_SHA:-}" ] || [ -z "${SEMGATE_PR_HEAD_SHA:-}" ]; then
            stop "a pull_request event without base and head commits (SEMGATE_PR_BASE_SHA, SEMGATE_PR_HEAD_SHA)"
        fi
        # The policy comes from the base: a pull request cannot weaken the policy it is judged by.
        args+=(--base "${INPUT_BASE:-$SEMGATE_PR_BASE_SHA}" --head "$SEMGATE_PR_HEAD_SHA")
        args+=(--policy-rev "$SEMGATE_PR_BASE_SHA")
        ;;
    *)
        if [ -n "${INPUT_BASE:-}" ]; then args+=(--base "$INPUT_BASE"); fi
        if [ "${GITHUB_REF_TYPE:-}" = tag ] && [ -n "${GITHUB_REF_NAME:-}" ]; then
            # A tag push judges the tag itself, released as the tag's version.
            args+=(--head "refs/tags/$GITHUB_REF_NAME")
            if [ -z "$version" ]; then version=$GITHUB_REF_NAME; fi
        fi
        ;;
esac
if [ -n "$version" ]; then args+=(--version "$version"); fi
# The extraction cache: semgate reads SEMGATE_EXTRACTION_CACHE (the folder action.yml restores and saves with
# actions/cache); INPUT_CACHE=false turns it off, when this semgate has the flag (a release before it has no cache).
case "${INPUT_CACHE:-true}" in
    true | false) ;;
    *) stop "the cache input must be true or false" ;;
esac
if [ "${INPUT_CACHE:-true}" = false ]; then
    # The help read whole first: `grep -q` would stop reading early, and pipefail would see semgate's SIGPIPE.
    check_help=$("$semgate" check --help 2> /dev/null || true)
    case "$check_help" in
        *--no-cache*) args+=(--no-cache) ;;
    esac
fi

json="$folder/semgate-report.json"
errors="$folder/semgate-stderr.txt"
status=0
"$semgate" "${args[@]}" --format json > "$json" 2> "$errors" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    # semgate's own one-line error, as an annotation (escaped so that nothing in it starts a command) and in the
    # job summary (HTML-escaped inside <pre>).
    python3 - "$errors" "$summary" << 'PY'
import html, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read().strip() or "semgate could not run"
with open(sys.argv[2], "a", encoding="utf-8") as summary:
    summary.write("## semgate: could not make the check\n\n<pre>" + html.escape(text) + "</pre>\n")
text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
print("::error title=semgate could not make the check::" + text)
PY
    exit 2
fi
# Notes and warnings on stderr, in the log with commands switched off.
fenced "$errors"

# Outputs, from the JSON contract; values are checked to be plain words before they reach GITHUB_OUTPUT.
python3 - "$json" >> "$outputs" << 'PY'
import json, re, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
for key in ("verdict", "required", "next"):
    value = report.get(key) or ""
    if not re.fullmatch(r"[0-9A-Za-z.+-]*", value):
        value = ""
    print(f"{key}={value}")
PY

"$semgate" "${args[@]}" --format markdown >> "$summary" 2> /dev/null || true
"$semgate" "${args[@]}" --format github 2> /dev/null || true

case "$format" in
    json) report=$json ;;
    markdown) report="$folder/semgate-report.md" ;;
    junit) report="$folder/semgate-report.xml" ;;
    text | github) report="$folder/semgate-report.txt" ;;
    *) report="$folder/semgate-report.$format" ;;
esac
if [ "$format" != json ]; then
    "$semgate" "${args[@]}" --format "$format" > "$report" 2> /dev/null || true
fi
if [ "$format" = text ]; then fenced "$report"; fi
echo "report=$report" >> "$outputs"

if [ "$status" -eq 1 ] && [ "${INPUT_FAIL_ON_VIOLATION:-true}" = true ]; then
    exit 1
fi
exit 0
