#!/usr/bin/env bash
# Regenerates every example output in README.md and docs/*.md from the built binary and the sample repository
# (.ci/sample-repo.sh: fixed names, dates and SHAs), so the documentation shows what semgate prints today.
#
#   .ci/docs-examples.sh [SEMGATE_BINARY]     rewrite the generated blocks in place (default: swift build's binary)
#   .ci/docs-examples.sh --check [BINARY]     exit 1, with a diff, when a generated block is out of date
#
# A generated block sits between two comment lines that name it; only the text between them is replaced (indented
# as the begin line is, so a block can sit in a list item):
#
#   <!-- begin generated: check-allow (.ci/docs-examples.sh) -->
#   ```console
#   $ semgate check --allow patch
#   ...
#   ```
#   <!-- end generated: check-allow -->
#
# Examples run in a temporary folder that the blocks show as /tmp (the sample is /tmp/sample), with a fixed
# environment (TZ=UTC, LC_ALL=C, COLUMNS=100, no colour, no git configuration), so every run writes the same
# bytes. The k6 examples (docs/k6.md, and k6 runs in docs/commands.md) need a clone of grafana/k6, which CI does
# not have: they are marked as captured, with the command and the date, and are not touched here.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

mode=write
if [ "${1:-}" = --check ]; then
    mode=check
    shift
fi
if [ "$#" -gt 1 ]; then
    echo "usage: $0 [--check] [SEMGATE_BINARY]" >&2
    exit 64
fi
if [ "$#" -eq 1 ]; then
    bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
else
    swift build > /dev/null
    bin=$(swift build --show-bin-path)/semgate
fi
[ -x "$bin" ] || { echo "error: no semgate binary at $bin" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT
out=$work/blocks
mkdir -p "$out"

# Nothing from the caller's environment may change an output.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(GIT_[A-Za-z0-9_]*\|SEMGATE_[A-Za-z0-9_]*\)=.*/\1/p')
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export TZ=UTC LC_ALL=C COLUMNS=100 NO_COLOR=1 TERM=dumb
mkdir -p "$HOME"

.ci/sample-repo.sh "$work/sample" > /dev/null
cd "$work/sample"

semgate() { "$bin" "$@"; }

block=""
last=0
# begin NAME [LANGUAGE]: starts the block NAME, fenced as LANGUAGE (default console).
begin() {
    block=$out/$1
    printf '```%s\n' "${2:-console}" > "$block"
}
end() {
    printf '```\n' >> "$block"
}
# show COMMAND: prints "$ COMMAND" and what it prints (stdout and stderr). The command is written with /tmp paths;
# it runs with them pointing into the temporary folder, and the output shows them as /tmp again.
show() {
    printf '$ %s\n' "$1" >> "$block"
    output "$1"
}
# output COMMAND: only what it prints.
output() {
    local command=${1//\/tmp\//$work/}
    last=0
    eval "$command" > "$work/stdout" 2>&1 || last=$?
    if [ "$last" -ge 126 ]; then
        echo "error: '$1' could not run (exit $last):" >&2
        cat "$work/stdout" >&2
        exit 2
    fi
    sed "s|$work/|/tmp/|g" "$work/stdout" >> "$block"
}
status() {
    printf '$ echo $?\n%s\n' "$last" >> "$block"
}
# file NAME LANGUAGE PATH: a block holding the file at PATH (written by the script) as it is.
file() {
    begin "$1" "$2"
    cat "${3//\/tmp\//$work/}" >> "$block"
    end
}

# options NAME COMMAND...: a markdown table of the arguments and options `semgate help COMMAND` lists (without
# --help and the --version that shows semgate's version), so docs/commands.md names every option the binary takes.
options() {
    local name=$1
    shift
    block=$out/$name
    COLUMNS=10000 "$bin" help "$@" | awk '
        /^(ARGUMENTS|OPTIONS):$/ { section = 1; next }
        /^[A-Z][A-Z ]*:/ { section = 0 }
        /^USAGE: / { sub(/^USAGE: /, ""); usage = $0; in_usage = 1; next }
        # A long usage continues on indented lines until the blank line after it.
        in_usage && /^ +[^ ]/ { piece = $0; sub(/^ +/, "", piece); usage = usage " " piece; next }
        { in_usage = 0 }
        !section { next }
        /^  [-<]/ {
            flush()
            line = substr($0, 3)
            split_at = index(line, "  ")
            if (split_at == 0) { flag = line; text = "" } else {
                flag = substr(line, 1, split_at - 1)
                text = substr(line, split_at); sub(/^ +/, "", text)
            }
            next
        }
        # Eight spaces start a discussion paragraph; more continue the summary of an option with a long name.
        /^        [^ ]/ && flag != "" { piece = $0; sub(/^ +/, "", piece); text = text " — " piece; next }
        /^ +[^ ]/ && flag != "" { piece = $0; sub(/^ +/, "", piece); text = (text == "" ? piece : text " " piece) }
        # Literal text replacement (gsub would read the replacement as a pattern of its own).
        function replace_all(s, from, to,    result, at) {
            result = ""
            while ((at = index(s, from)) > 0) {
                result = result substr(s, 1, at - 1) to
                s = substr(s, at + length(from))
            }
            return result s
        }
        function flush() {
            if (flag != "" && flag != "-h, --help" && !(flag == "--version" && text == "Show the version.")) {
                text = replace_all(replace_all(replace_all(text, "|", "\\|"), "<", "\\<"), "*", "\\*")
                rows[++count] = "| `" flag "` | " text " |"
            }
            flag = ""; text = ""
        }
        END {
            flush()
            print "`" usage "`"
            print ""
            print "| argument or option | meaning |"
            print "| --- | --- |"
            for (i = 1; i <= count; i++) print rows[i]
        }
    ' > "$block"
}
for command in check next audit diff surface support fix-targets deprecations init explain; do
    options "options-$command" "$command"
done
options options-policy-validate policy validate

# README: the quick start.
begin quickstart-audit text
output 'semgate audit'
end

# docs/commands.md
begin check
show 'semgate check'
end
begin check-version
show 'semgate check --version 2.1.1'
end
begin check-tag
show 'semgate check --head v2.1.0 --version v2.1.0'
end
begin check-allow
show 'semgate check --allow patch'
end
begin check-worktree
show "sed -i '/\"out\"/d' cmd/flags.go"
show 'semgate check --head worktree --allow minor'
end
git checkout -q -- cmd/flags.go
begin check-policy-rev
show 'semgate check --base v2.0.0 --policy-rev v1.1.0'
end
begin next
show 'semgate next'
show 'semgate next --pre rc'
show 'semgate next --head v2.1.0'
end
begin audit-range
show 'semgate audit --from 1.1.0 --to 1.2.0'
end
begin diff
show 'semgate diff v2.0.0 HEAD'
end
begin surface
show 'semgate surface v1.0.0'
end
begin surface-snapshot
show 'semgate surface v2.1.0 --write /tmp/surface.txt'
show 'cat /tmp/surface.txt'
show 'semgate surface --check /tmp/surface.txt'
status
end
begin validate
show 'semgate policy validate'
end

mkdir -p "$work/bad"
cat > "$work/bad/semgate.yml" << 'EOF'
semgate: 1
project: tool
releases:
  tag: "v{version}"
  initial-developmnt: shifted
surfaces:
  metrics:
    extract:
      regex:
        files: ["metrics/builtin.go"]
        pattern: 'NewMetric\("(?<name>[a-z_]+)",\s*(\k<name>)'
    breaking: [type]
experimental: ["metrics:{a,b"]
rules:
  feature-in-pach: warning
  breaking-without-major: fatal
EOF
file bad-policy yaml /tmp/bad/semgate.yml
begin validate-bad
show 'semgate policy validate /tmp/bad/semgate.yml'
status
end

begin init
show 'semgate init --write /tmp/draft.yml   # an existing file is kept unless --force is given'
show 'semgate policy validate /tmp/draft.yml'
end

begin explain
show 'semgate explain feature-in-patch'
end

# docs/output.md and docs/ci.md
begin json-check json
output 'semgate check --version 2.1.1 --format json'
end
begin json-deprecations json
output 'semgate deprecations --at 2025-01-01 --format json'
end
begin exit-2
show 'semgate check --base nope'
status
end
begin shallow
show 'git clone -q --depth 1 file:///tmp/sample /tmp/shallow'
show 'semgate check --repo /tmp/shallow --base v2.1.0'
end
# The sample serves filters, as a hosting service does (without it git clones everything and warns).
git config uploadpack.allowFilter true
begin partial
show 'git clone -q --filter=blob:none file:///tmp/sample /tmp/partial'
show 'semgate check --repo /tmp/partial'
end

# docs/policy.md
cat > "$work/bad/look.yml" << 'EOF'
semgate: 1
surfaces:
  x:
    extract:
      regex:
        files: ["*.go"]
        pattern: 'func (?<name>\w+)(?=\()'
EOF
begin lookahead
show 'semgate policy validate /tmp/bad/look.yml'
end
begin semver-leading-zero
show 'semgate check --version 01.2.3'
end
begin semver-64-bit
show 'semgate check --version 18446744073709551616.0.0'
end

# k6 (docs/k6.md, docs/commands.md): only with K6_REPO pointing at a clone of grafana/k6 (CI has none). Without
# it these blocks keep the text captured earlier. The blocks show the clone as `k6`.
if [ -n "${K6_REPO:-}" ]; then
    k6=$(cd "$K6_REPO" && pwd)
    k6_policy="--policy policy/examples/k6.yml"
    # k6_show COMMAND [LINES]: like show, with `--repo k6` and the policy path resolved; LINES keeps the first lines.
    k6_show() {
        local command=${1//--repo k6 /--repo $k6 }
        command=${command//policy\/examples\/k6.yml/$root/policy/examples/k6.yml}
        printf '$ %s\n' "$1" >> "$block"
        last=0
        eval "$command" > "$work/stdout" 2>&1 || last=$?
        [ "$last" -lt 126 ] || { echo "error: '$1' could not run (exit $last)" >&2; cat "$work/stdout" >&2; exit 2; }
        sed -e "s|$root/||g" -e "s|$k6|k6|g" "$work/stdout" > "$work/k6-output"
        if [ -n "${2:-}" ] && [ "$(wc -l < "$work/k6-output")" -gt "$2" ]; then
            head -n "$2" "$work/k6-output" >> "$block"
            echo "..." >> "$block"
        else
            cat "$work/k6-output" >> "$block"
        fi
    }
    begin k6-audit
    k6_show "semgate audit --repo k6 $k6_policy --from 1.0.0" 30
    end
    begin k6-support
    k6_show "semgate support --repo k6 $k6_policy --at 2026-11-22"
    k6_show "semgate support --repo k6 $k6_policy --at 2026-11-22 1.1.0"
    end
    begin k6-support-2025
    k6_show "semgate support --repo k6 $k6_policy --at 2025-06-01"
    end
    begin k6-fix-targets
    k6_show "semgate fix-targets --repo k6 $k6_policy --at 2026-11-22 1.1.0"
    end
    begin k6-deprecations
    k6_show "semgate deprecations --repo k6 $k6_policy --head v1.8.1 --format json \\
    | jq -r '.deprecations[] | select(.state != \"removed\") | \"\\(.item) \\(.since.version) \\(.planned_removal) \\(.state)\"'"
    end
fi

# Replace each generated block in README.md and docs/*.md; every block made above must be used exactly once.
cd "$root"
target=$root
if [ "$mode" = check ]; then
    target=$work/copy
    mkdir -p "$target/docs"
    cp README.md "$target/"
    cp docs/*.md "$target/docs/"
fi
used=$work/used
: > "$used"
for page in README.md docs/*.md; do
    awk -v blocks="$out" -v used="$used" -v page="$page" '
        /^ *<!-- begin generated: [a-z0-9-]+ \(\.ci\/docs-examples\.sh\) -->$/ {
            print
            name = $4
            match($0, /^ */)
            indent = substr($0, 1, RLENGTH)
            path = blocks "/" name
            if ((getline line < path) <= 0) {
                if (name ~ /^k6-/) {
                    # captured from k6 earlier; kept as it is without K6_REPO
                    keeping = 1
                    next
                }
                printf "error: %s: no generated block named %s\n", page, name > "/dev/stderr"
                failed = 1
            } else {
                print (line == "" ? "" : indent line)
                while ((getline line < path) > 0) print (line == "" ? "" : indent line)
                close(path)
            }
            print name >> used
            skipping = 1
            next
        }
        keeping && /^ *<!-- end generated: / { keeping = 0 }
        keeping { print; next }
        skipping && /^ *<!-- end generated: / {
            if ($4 != name) {
                printf "error: %s: block %s ends with the end line of %s\n", page, name, $4 > "/dev/stderr"
                failed = 1
            }
            skipping = 0
        }
        !skipping { print }
        END {
            if (skipping) { printf "error: %s: block %s has no end line\n", page, name > "/dev/stderr"; exit 2 }
            if (failed) exit 2
        }
    ' "$page" > "$work/page"
    cat "$work/page" > "$target/$page"
done
status=0
for path in "$out"/*; do
    name=$(basename "$path")
    count=$(grep -cx -- "$name" "$used" || true)
    if [ "$count" -ne 1 ]; then
        echo "error: the generated block $name is used $count times in README.md and docs/*.md (expected once)" >&2
        status=2
    fi
done
[ "$status" -eq 0 ] || exit "$status"

if [ "$mode" = check ]; then
    if ! diff -ru --label committed --label generated README.md "$target/README.md" \
        || ! diff -ru docs "$target/docs" -x '*.json' -x schemas; then
        echo "error: the examples in README.md or docs/ are out of date; regenerate them with .ci/docs-examples.sh" >&2
        exit 1
    fi
    echo "docs examples are up to date ($(wc -l < "$used") blocks)"
else
    echo "regenerated $(wc -l < "$used") blocks in README.md and docs/"
fi
