#!/usr/bin/env bash
# Writes a small sample Go project with a release history, a semgate policy and known violations into DIR,
# with the `git` program, fixed names and dates and none of the user's git configuration, so every run gives
# the same commit and tag SHAs (the same history as Tests/TestSupport/SampleProject.swift builds).
#
#   .ci/sample-repo.sh DIR         then:   semgate audit --repo DIR      (exits 1: the history breaks the policy)
#
# History on main (commit date; tags dated the next day):
#   2024-01-08  initial: flags --out --verbose, metrics, options, packages      v0.1.0 (lightweight)
#   2024-02-12  + metric iterations, + pkg/experimental/x                       v0.2.0 (lightweight)
#   2024-04-02  + option summary-mode                                           v1.0.0 (annotated), v1.0.0+build.1
#   2024-05-14  + flag --config                                                 v1.1.0 (lightweight)  minor: ok
#   2024-05-28  + metric http_req_failed in a patch                             v1.1.1  feature-in-patch
#   2024-07-09  deprecate option no-summary; http_req_failed Counter -> Rate    v1.2.0, deploy/staging
#               (excused by a policy exception for 1.2.0)
#   2024-10-01  - option no-summary (deprecated in 1.2.0)                       v2.0.0  major: ok
#   2024-11-12  - flag --verbose, never deprecated                              v2.1.0  breaking-without-major,
#                                                                               v2.1    removed-without-deprecation;
#                                                                                       v2.1 is tag-not-semver
#   2024-12-03  + flag --quiet (unreleased)
set -euo pipefail

if [ "$#" -ne 1 ] || [ -z "$1" ]; then
    echo "usage: $0 DIR" >&2
    exit 64
fi
dir=$1
marker=.git/semgate-sample-repo

if [ -e "$dir" ]; then
    if [ -f "$dir/$marker" ]; then
        rm -rf -- "$dir"
    elif [ -d "$dir" ] && [ -z "$(ls -A -- "$dir")" ]; then
        rmdir -- "$dir"
    else
        echo "error: '$dir' exists and was not made by $0; remove it or choose another folder" >&2
        exit 2
    fi
fi

home=$(mktemp -d)
trap 'rm -rf -- "$home"' EXIT

# Nothing from the user's environment or configuration may reach git.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(GIT_[A-Za-z0-9_]*\)=.*/\1/p')
export HOME=$home XDG_CONFIG_HOME=$home/.config GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=$home/.gitconfig
export GIT_TERMINAL_PROMPT=0 LC_ALL=C TZ=UTC
export GIT_AUTHOR_NAME="Fixture Author" GIT_AUTHOR_EMAIL=fixture@example.com
export GIT_COMMITTER_NAME="Fixture Author" GIT_COMMITTER_EMAIL=fixture@example.com

g() {
    git -c init.defaultBranch=main -c commit.gpgsign=false -c tag.gpgsign=false -c core.autocrlf=false \
        -c core.hooksPath=/dev/null -c gc.auto=0 -c maintenance.auto=false -c advice.detachedHead=false \
        -c "user.name=Fixture Author" -c user.email=fixture@example.com "$@"
}

# git's internal date format for midnight UTC of day $1 (YYYY-MM-DD) plus $2 days; plain arithmetic, so it
# does not depend on which `date` program is installed.
git_date() {
    local y=$((10#${1:0:4})) m=$((10#${1:5:2})) d=$((10#${1:8:2}))
    if [ "$m" -le 2 ]; then y=$((y - 1)); fi
    local era=$((y / 400)) yoe doy doe
    yoe=$((y - era * 400))
    doy=$(((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1))
    doe=$((yoe * 365 + yoe / 4 - yoe / 100 + doy))
    echo "@$(((era * 146097 + doe - 719468 + ${2:-0}) * 86400)) +0000"
}

# release DAY SUBJECT TAG [MESSAGE]: commit everything at DAY, tag it the next day (annotated with MESSAGE).
release() {
    commit "$1" "$2"
    if [ "$#" -ge 4 ]; then
        GIT_COMMITTER_DATE=$(git_date "$1" 1) g tag -a -m "$4" "$3"
    else
        g tag "$3"
    fi
}

commit() {
    g add -A
    GIT_AUTHOR_DATE=$(git_date "$1") GIT_COMMITTER_DATE=$(git_date "$1") \
        g commit --quiet --allow-empty --no-verify -m "$2"
}

# write PATH: standard input becomes the file at PATH.
write() {
    mkdir -p -- "$(dirname -- "$1")"
    cat > "$1"
}

flags() {
    printf '%s\n' "// Package cmd holds the command line of tool." "package cmd" "" \
        'import "github.com/spf13/pflag"' "" "// registerFlags declares the flags every command accepts." \
        "func registerFlags(flags *pflag.FlagSet) {"
    local name
    for name in "$@"; do
        case $name in
            out) printf '	flags.StringP("out", "o", "", "output file")\n' ;;
            verbose) printf '	flags.Bool("verbose", false, "print every request")\n' ;;
            config) printf '	flags.String("config", "", "read options from this file")\n' ;;
            quiet) printf '	flags.BoolP("quiet", "q", false, "print nothing but errors")\n' ;;
        esac
    done
    printf '}\n'
}

metric() {
    case $1 in
        http_reqs) printf '	HTTPReqs = NewMetric("http_reqs", Counter)\n' ;;
        http_req_duration) printf '	HTTPReqDuration = NewMetric("http_req_duration", Trend)\n' ;;
        iterations) printf '	Iterations = NewMetric("iterations", Counter)\n' ;;
        http_req_failed) printf '	HTTPReqFailed = NewMetric("http_req_failed", Counter)\n' ;;
        http_req_failed_rate) printf '	HTTPReqFailed = NewMetric("http_req_failed", Rate)\n' ;;
    esac
}

builtin() {
    printf '%s\n' "package metrics" "" "// The built-in metrics, emitted by every run." "var ("
    local name
    for name in "$@"; do metric "$name"; done
    printf ')\n'
}

options() {
    printf '%s\n' "# Options read from the config file and from TOOL_* environment variables." \
        "# One option a line: KEY [name=value ...]" ""
    local name
    for name in "$@"; do
        case $name in
            out) echo "out type=string env=TOOL_OUT" ;;
            verbose) echo "verbose type=bool env=TOOL_VERBOSE" ;;
            no-summary) echo "no-summary type=bool env=TOOL_NO_SUMMARY" ;;
            no-summary-deprecated) echo "no-summary type=bool env=TOOL_NO_SUMMARY stability=deprecated" ;;
            summary-mode) echo "summary-mode type=string env=TOOL_SUMMARY_MODE" ;;
        esac
    done
}

internal_y() {
    printf '%s\n' "// Package y holds helpers private to tool." "package y" "" \
        "// Retries is how many times a failed request is retried." "const Retries = $1"
}

policy() {
    cat <<'EOF'
# semgate policy: what tool promises to keep stable.
semgate: 1
project: tool
releases:
  tag: "v{version}"
  initial-development: semver
surfaces:
  cli:
    extract:
      regex:
        files: ["cmd/*.go"]
        pattern: 'flags\.(?<type>String|Bool|Int|Duration)P?\("(?<name>[a-z][a-z-]*)"'
        key: "{stem} --{name}"
    breaking: [type]
  metrics:
    extract:
      regex:
        files: ["metrics/builtin.go"]
        pattern: 'NewMetric\("(?<name>[a-z_]+)",\s*(?<type>Counter|Gauge|Trend|Rate)'
    breaking: [type]
  options:
    extract:
      list: policy/options.txt
  packages:
    extract:
      go-packages: {}
    exclude: ["**/internal/**"]
experimental: ["packages:**/experimental/**"]
EOF
    if [ "${1:-}" = with-deprecations ]; then
        cat <<'EOF'
deprecations:
  - item: "options:no-summary"
    since: 1.2.0
    remove-in: 2.0.0
    use-instead: "summary-mode=disabled"
exceptions:
  - release: 1.2.0
    items: ["metrics:http_req_failed"]
    reason: "http_req_failed was wrongly a Counter; it is a Rate (see #212)"
EOF
    fi
    printf '%s\n' "rules:" "  tag-not-semver: warning"
}

mkdir -p -- "$dir"
cd -- "$dir"
g init --quiet
touch "$marker"

# v0.1.0
write go.mod <<'EOF'
module example.com/tool

go 1.22

require github.com/spf13/pflag v1.0.5
EOF
write README.md <<'EOF'
# tool

A small load-testing tool. Its stable surface is declared in `.semgate.yml`.
EOF
policy | write .semgate.yml
flags out verbose | write cmd/flags.go
write metrics/metric.go <<'EOF'
// Package metrics defines the metrics tool emits.
package metrics

// Type is how a metric aggregates its samples.
type Type int

// The metric types.
const (
	Counter Type = iota
	Gauge
	Trend
	Rate
)

// Metric is a named series of samples.
type Metric struct {
	Name string
	Type Type
}

// NewMetric declares a metric.
func NewMetric(name string, typ Type) *Metric {
	return &Metric{Name: name, Type: typ}
}
EOF
builtin http_reqs http_req_duration | write metrics/builtin.go
options out verbose no-summary | write policy/options.txt
write pkg/api/api.go <<'EOF'
// Package api is the extension API of tool.
package api

// Extension is implemented by every extension.
type Extension interface {
	Name() string
}
EOF
internal_y 3 | write internal/y/y.go
release 2024-01-08 "Initial import: flags, metrics and the extension API" v0.1.0

# v0.2.0
builtin http_reqs http_req_duration iterations | write metrics/builtin.go
write pkg/experimental/x/x.go <<'EOF'
// Package x holds experimental helpers; they may change in any release.
package x

// Every returns every nth item.
func Every[T any](items []T, n int) []T {
	var picked []T
	for i := 0; i < len(items); i += n {
		picked = append(picked, items[i])
	}
	return picked
}
EOF
release 2024-02-12 "Add the iterations metric and an experimental sampling package" v0.2.0

# v1.0.0 and a duplicate with build metadata
options out verbose no-summary summary-mode | write policy/options.txt
release 2024-04-02 "Add the summary-mode option ahead of 1.0" v1.0.0 "tool 1.0.0: the first stable release"
g tag v1.0.0+build.1

# v1.1.0: a new flag in a minor
flags out verbose config | write cmd/flags.go
release 2024-05-14 "Add the --config flag" v1.1.0

# v1.1.1: a new metric in a patch
builtin http_reqs http_req_duration iterations http_req_failed | write metrics/builtin.go
internal_y 2 | write internal/y/y.go
release 2024-05-28 "Fix retry counting and record failed requests" v1.1.1 "tool 1.1.1: fix retry counting"

# v1.2.0: a deprecation, and a type fix covered by an exception
policy with-deprecations | write .semgate.yml
options out verbose no-summary-deprecated summary-mode | write policy/options.txt
builtin http_reqs http_req_duration iterations http_req_failed_rate | write metrics/builtin.go
release 2024-07-09 "Deprecate no-summary in favour of summary-mode=disabled; make http_req_failed a Rate" \
    v1.2.0 "tool 1.2.0"
g tag deploy/staging

# v2.0.0: the deprecated option goes
options out verbose summary-mode | write policy/options.txt
release 2024-10-01 "Remove the deprecated no-summary option" v2.0.0 "tool 2.0.0"

# v2.1.0: a flag removed without deprecation, and a tag that is not SemVer
flags out config | write cmd/flags.go
release 2024-11-12 "Drop the --verbose flag" v2.1.0 "tool 2.1.0"
g tag v2.1

# unreleased
flags out config quiet | write cmd/flags.go
commit 2024-12-03 "Add the --quiet flag"

echo "sample repository written to $dir ($(g rev-list --count HEAD) commits, $(g tag | wc -l) tags)"
