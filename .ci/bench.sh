#!/usr/bin/env bash
# Benchmarks the release build of semgate: `audit` and `check` on a generated repository (150 release tags,
# a few hundred Go files) and, when a clone is present, on grafana/k6. Each command runs RUNS times (default 5);
# the table shows the median wall time, the median CPU time (user + system), the largest maximum resident set size
# and the exit status. For scale, it also times plain git reading the same data (every tag's tree listed, every
# distinct .go blob read once) and prints the ratio semgate/git. The packages surface is also measured read by
# go-api (the Go parser) instead of go-packages. Rerunnable; everything it generates lives in a temporary folder.
#
# Histories of thousands of tags are generated the same way (SYNTHETIC_LARGE: TAGSxPACKAGESxFILES, space-separated)
# and run LARGE_RUNS times (default 1); a public Go repository with hundreds of tags (GO_REPO, with GO_REPO_POLICY
# or a go-api policy) is audited too when present. Every row has its maximum resident set size.
#
#   bash .ci/bench.sh                       K6_REPO=/path/to/k6 (bare is fine)   RUNS=5   KEEP=1 keeps the temp dir
#   SYNTHETIC_LARGE="10000x30x10 1000x120x11" (the default; empty skips)   LARGE_RUNS=1
#   GO_REPO=/work/.mirror/kubernetes+kubectl/repo   ONLY='k6|large' runs only the rows whose name matches
#   SEMGATE_BIN=/path/to/semgate measures that binary instead of building one
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

runs=${RUNS:-5}
k6_repo=${K6_REPO:-/work/.mirror/grafana+k6/repo}
synthetic_tags=${SYNTHETIC_TAGS:-150}
synthetic_packages=${SYNTHETIC_PACKAGES:-30}
synthetic_files_per_package=${SYNTHETIC_FILES_PER_PACKAGE:-10}
synthetic_large=${SYNTHETIC_LARGE-10000x30x10 1000x120x11}
large_runs=${LARGE_RUNS:-1}
go_repo=${GO_REPO:-/work/.mirror/kubernetes+kubectl/repo}
go_repo_policy=${GO_REPO_POLICY:-}
only=${ONLY:-.}

section() {
    printf '\n==== %s ====\n' "$*"
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# ---------------------------------------------------------------------------------------------------------------
section "Tools"
if ! [ -x /usr/bin/time ]; then
    echo "installing GNU time"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends time
fi
/usr/bin/time --version 2>&1 | head -n 1
git --version

if [ -n "${SEMGATE_BIN:-}" ]; then
    bin=$SEMGATE_BIN
else
    section "Build: swift build -c release --scratch-path .build-release"
    swift build -c release --scratch-path .build-release
    bin=$(swift build -c release --scratch-path .build-release --show-bin-path)/semgate
fi
echo "binary: $bin"

work=$(mktemp -d "${TMPDIR:-/tmp}/semgate-bench.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
    echo "keeping $work"
else
    trap 'rm -rf -- "$work"' EXIT
fi

# Nothing from the user's git configuration may change the generated repository.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(GIT_[A-Za-z0-9_]*\)=.*/\1/p')
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_TERMINAL_PROMPT=0 LC_ALL=C TZ=UTC NO_COLOR=1

# ---------------------------------------------------------------------------------------------------------------
# The synthetic repository, written as one git fast-import stream by awk (fixed names and dates: the same SHAs on
# every run). Layout at every tag:
#   pkg/pNN/fMM.go     PACKAGES x FILES_PER_PACKAGE files, each declaring one metric; a few change per release
#   pkg/pNN/internal/  one internal file a package (excluded from the packages surface)
#   metrics/builtinNN.go the built-in metrics, 100 a file (metrics/metrics.go declares the type); a minor adds one
#   cmd/flagsNN.go     the CLI flags, 100 a file; a minor release adds one, a major removes the oldest
#   policy/options.txt the options, one a line; a minor adds one until there are 100
# Versions: 1.0.0 onwards; every 50th release is a major, every 3rd a minor, the rest patches. Every 40th patch
# also adds a metric (a feature in a patch), so the audit has something to report. As in a real project, files stay
# about the same size however long the history: a release changes a handful of files of bounded size, so the work a
# release needs does not grow with the number of releases before it (with one file a surface that grows by one item
# every minor, 10,000 tags would rewrite files of 3,333 items 3,333 times each: 17 million items to extract).
# generate_stream TAGS PACKAGES FILES_PER_PACKAGE
generate_stream() {
    awk -v tags="$1" -v npkg="$2" -v nfiles="$3" '
    function emit_file(path, content) {
        printf "M 100644 inline %s\ndata %d\n%s\n", path, length(content), content
    }
    function go_file(p, f, rev,    s, i, name) {
        name = sprintf("p%02d", p)
        s = sprintf("// Package %s is generated benchmark code (revision %d of file f%02d).\n", name, rev, f)
        s = s sprintf("package %s\n\n", name)
        s = s "import \"example.com/bench/metrics\"\n\n"
        s = s sprintf("// M%02d is a metric declared by this file.\n", f)
        s = s sprintf("var M%02d = metrics.NewMetric(\"%s_f%02d\", metrics.Counter)\n\n", f, name, f)
        for (i = 0; i < 12; i++) {
            s = s sprintf("// Work%02d_%d does step %d of the work; revision %d.\n", f, i, i, rev)
            s = s sprintf("func Work%02d_%d(items []int) int {\n\ttotal := %d\n", f, i, rev)
            s = s sprintf("\tfor _, item := range items {\n\t\ttotal += item * %d\n\t}\n\treturn total\n}\n\n", i + 1)
        }
        return s
    }
    function internal_file(p, rev) {
        return sprintf("// Package internal is private to p%02d.\npackage internal\n\n", p) \
            sprintf("// Retries is how often p%02d retries.\nconst Retries = %d\n", p, rev)
    }
    function metrics_file() {
        return "// Package metrics declares the built-in metrics.\npackage metrics\n\n" \
            "// Type is how a metric aggregates.\ntype Type int\n\n" \
            "// The metric types.\nconst (\n\tCounter Type = iota\n\tGauge\n\tTrend\n\tRate\n)\n\n" \
            "// Metric is a named series.\ntype Metric struct {\n\tName string\n\tType Type\n}\n\n" \
            "// NewMetric declares a metric.\nfunc NewMetric(name string, typ Type) *Metric {\n" \
            "\treturn &Metric{Name: name, Type: typ}\n}\n"
    }
    # The file of built-in metrics number 100 * chunk onwards, below count.
    function builtin(chunk, count,    s, i, types) {
        split("Counter Gauge Trend Rate", types, " ")
        s = "package metrics\n\n// The built-in metrics.\nvar (\n"
        for (i = chunk * 100; i < count && i < chunk * 100 + 100; i++) {
            s = s sprintf("\tBuiltin%03d = NewMetric(\"builtin_%03d\", %s)\n", i, i, types[i % 4 + 1])
        }
        return s ")\n"
    }
    function emit_builtin(chunk) {
        emit_file(sprintf("metrics/builtin%02d.go", chunk), builtin(chunk, metric_count))
    }
    # The file of flags number 100 * chunk onwards, within lo..hi.
    function flags(chunk, lo, hi,    s, i, kinds) {
        split("String Bool Int Duration", kinds, " ")
        s = "// Package cmd holds the command line.\npackage cmd\n\nimport \"github.com/spf13/pflag\"\n\n"
        s = s sprintf("// registerFlags%02d declares flags every command accepts.\n", chunk)
        s = s sprintf("func registerFlags%02d(flags *pflag.FlagSet) {\n", chunk)
        for (i = chunk * 100; i < hi && i < chunk * 100 + 100; i++) {
            if (i < lo) continue
            s = s sprintf("\tflags.%s(\"flag-%03d\", nil, \"flag number %d\")\n", kinds[i % 4 + 1], i, i)
        }
        return s "}\n"
    }
    function emit_flags(chunk, hi) {
        emit_file(sprintf("cmd/flags%02d.go", chunk), flags(chunk, flag_lo, hi))
    }
    function options(count,    s, i) {
        s = "# Options, one a line: KEY [name=value ...]\n"
        for (i = 0; i < count; i++) {
            s = s sprintf("option-%03d type=string env=BENCH_OPTION_%03d\n", i, i)
        }
        return s
    }
    function commit(message,    ts) {
        ts = 1577836800 + serial * 86400
        serial++
        mark++
        printf "commit refs/heads/main\nmark :%d\n", mark
        printf "author Bench Author <bench@example.com> %d +0000\n", ts
        printf "committer Bench Author <bench@example.com> %d +0000\n", ts
        printf "data %d\n%s\n", length(message), message
        if (mark > 1) printf "from :%d\n", mark - 1
    }
    function tag(name,    ts, message) {
        ts = 1577836800 + serial * 86400 - 43200
        message = "Release " name
        printf "tag %s\nfrom :%d\ntagger Bench Author <bench@example.com> %d +0000\n", name, mark, ts
        printf "data %d\n%s\n", length(message), message
    }
    BEGIN {
        policy = "semgate: 1\nproject: bench\nreleases:\n  tag: \"v{version}\"\nsurfaces:\n"
        policy = policy "  metrics:\n    extract:\n      regex:\n        files: [\"**/*.go\"]\n"
        policy = policy "        pattern: '\''NewMetric\\(\"(?<name>[a-z0-9_]+)\",\\s*"
        policy = policy "(metrics\\.)?(?<type>Counter|Gauge|Trend|Rate)'\''\n"
        policy = policy "    breaking: [type]\n"
        policy = policy "  cli:\n    extract:\n      regex:\n        files: [\"cmd/*.go\"]\n"
        policy = policy "        pattern: '\''flags\\.(?<type>String|Bool|Int|Duration)"
        policy = policy "\\(\"(?<name>[a-z][a-z0-9-]*)\"'\''\n"
        policy = policy "        key: \"{stem} --{name}\"\n    breaking: [type]\n"
        policy = policy "  options:\n    extract:\n      list: policy/options.txt\n"
        policy = policy "  packages:\n    extract:\n      go-packages: {}\n    exclude: [\"**/internal/**\"]\n"

        nfile = npkg * nfiles
        metric_count = 10; flag_lo = 0; flag_hi = 8; option_count = 5
        major = 1; minor = 0; patch = 0; patches = 0

        commit("Initial import")
        emit_file(".semgate.yml", policy)
        emit_file("go.mod", "module example.com/bench\n\ngo 1.22\n")
        emit_file("metrics/metrics.go", metrics_file())
        emit_builtin(0)
        emit_flags(0, flag_hi)
        emit_file("policy/options.txt", options(option_count))
        for (p = 0; p < npkg; p++) {
            emit_file(sprintf("pkg/p%02d/internal/internal.go", p), internal_file(p, 0))
            for (f = 0; f < nfiles; f++) emit_file(sprintf("pkg/p%02d/f%02d.go", p, f), go_file(p, f, 0))
        }
        tag("v1.0.0")

        for (i = 1; i < tags; i++) {
            if (i % 50 == 0) { kind = "major"; major++; minor = 0; patch = 0 }
            else if (i % 3 == 0) { kind = "minor"; minor++; patch = 0 }
            else { kind = "patch"; patch++; patches++ }
            commit(sprintf("Release work for %d.%d.%d (%s)", major, minor, patch, kind))
            # Five package files and one internal file change in every release.
            for (k = 0; k < 5; k++) {
                n = (i * 7 + k * 61) % nfile
                p = int(n / nfiles); f = n % nfiles
                emit_file(sprintf("pkg/p%02d/f%02d.go", p, f), go_file(p, f, i))
            }
            emit_file(sprintf("pkg/p%02d/internal/internal.go", i % npkg), internal_file(i % npkg, i))
            if (kind == "minor" || (kind == "patch" && patches % 40 == 0)) {
                metric_count++
                emit_builtin(int((metric_count - 1) / 100))
            }
            if (kind == "minor") {
                flag_hi++
                emit_flags(int((flag_hi - 1) / 100), flag_hi)
                if (option_count < 100) {
                    option_count++
                    emit_file("policy/options.txt", options(option_count))
                }
            }
            if (kind == "major") {
                flag_lo++
                emit_flags(int((flag_lo - 1) / 100), flag_hi)
            }
            tag(sprintf("v%d.%d.%d", major, minor, patch))
        }
        # An unreleased change on top, so check has something to compare.
        commit("Unreleased: one more flag")
        emit_flags(int(flag_hi / 100), flag_hi + 1)
    }'
}

# make_synthetic DIR TAGS PACKAGES FILES_PER_PACKAGE
make_synthetic() {
    local dir=$1
    section "Synthetic repository: $2 tags, $3 x $4 Go files"
    TIMEFORMAT='generated in %R s'
    time {
        git init --quiet --bare "$dir"
        git -C "$dir" symbolic-ref HEAD refs/heads/main
        generate_stream "$2" "$3" "$4" | git -C "$dir" fast-import --quiet
        git -C "$dir" gc --quiet
    }
    echo "$(git -C "$dir" tag | wc -l) tags," \
        "$(git -C "$dir" ls-tree -r HEAD | grep -c '\.go$') Go files at HEAD," \
        "$(du -sh "$dir" | cut -f1) on disk"
}
synthetic=$work/synthetic.git
make_synthetic "$synthetic" "$synthetic_tags" "$synthetic_packages" "$synthetic_files_per_package"
large_repos=()
for shape in $synthetic_large; do
    IFS=x read -r large_tags large_packages large_files <<< "$shape"
    if ! grep -qE "$only" <<< "large $shape"; then continue; fi
    make_synthetic "$work/large-$shape.git" "$large_tags" "$large_packages" "$large_files"
    large_repos+=("$shape")
done

# ---------------------------------------------------------------------------------------------------------------
# The cobra-heavy repository: a command line of COBRA_GROUPS command groups, each a package of COBRA_COMMANDS command
# files (a constructor with flags, an alias, a helper that adds shared flags, and a RunE closure with a long body of
# ordinary code), a root that adds the groups, and COBRA_TAGS releases of which every one rewrites COBRA_CHURN command
# files, so the command tree is interpreted again at every release, as on command lines that change in every release.
# Each group also sorts a table of COBRA_TABLE topics and writes copies of them back (below; 0 leaves it out).
generate_cobra_stream() {
    awk -v tags="$cobra_tags" -v ngroups="$cobra_groups" -v ncmds="$cobra_commands" -v churn="$cobra_churn" \
        -v ntable="$cobra_table" '
    function emit_file(path, content) {
        printf "M 100644 inline %s\ndata %d\n%s\n", path, length(content), content
    }
    function command_file(g, c, rev,    s, i, name) {
        name = sprintf("c%02d", c)
        s = sprintf("// Package g%02d is generated benchmark code (revision %d of command %s).\n", g, rev, name)
        s = s sprintf("package g%02d\n\nimport (\n\t\"fmt\"\n\n\t\"github.com/spf13/cobra\"\n)\n\n", g)
        s = s sprintf("type %sOptions struct {\n\tname string\n\tcount int\n\tverbose bool\n}\n\n", name)
        s = s sprintf("func new%sCommand() *cobra.Command {\n\topts := &%sOptions{}\n", name, name)
        s = s sprintf("\tcmd := &cobra.Command{\n\t\tUse: \"%s [flags]\",\n\t\tAliases: []string{\"%s-alias\"},\n", name, name)
        s = s "\t\tRunE: func(cmd *cobra.Command, args []string) error {\n"
        for (i = 0; i < 30; i++) {
            s = s sprintf("\t\t\tif opts.count > %d {\n\t\t\t\tfmt.Println(opts.name, %d, len(args))\n\t\t\t}\n", i, rev)
        }
        s = s "\t\t\treturn nil\n\t\t},\n\t}\n"
        s = s "\tflags := cmd.Flags()\n"
        s = s "\tflags.StringVarP(&opts.name, \"name\", \"n\", \"\", \"the name\")\n"
        s = s "\tflags.IntVar(&opts.count, \"count\", 1, \"how many\")\n"
        for (i = 0; i < (rev % 5) + 3; i++) s = s sprintf("\tflags.Bool(\"option-%d\", false, \"option %d\")\n", i, i)
        s = s "\taddCommonFlags(cmd, &opts.verbose)\n\treturn cmd\n}\n\n"
        for (i = 0; i < 8; i++) {
            s = s sprintf("func work%s%d(values []int) int {\n\ttotal := %d\n", name, i, rev)
            s = s sprintf("\tfor _, v := range values {\n\t\ttotal += v * %d\n\t}\n\treturn total\n}\n\n", i + 1)
        }
        return s
    }
    # With ntable > 0, each group also sorts a table of ntable topics (sort.Interface: Swap makes every entry take
    # the place of every other one) and gives each a line in a loop that writes each copy back where its element was, then
    # reads them: reading a field of an entry through the places taken and the copies made cost the square of the
    # entries for every read and went round every path (the audit of syft, session 26: 26 s -> 124 s user).
    function group_file(g,    s, c, t) {
        s = sprintf("// Package g%02d is generated benchmark code.\npackage g%02d\n\n", g, g)
        if (ntable > 0) s = s "import (\n\t\"sort\"\n\n\t\"github.com/spf13/cobra\"\n)\n\n"
        else s = s "import \"github.com/spf13/cobra\"\n\n"
        if (ntable > 0) {
            s = s "// Topic is one help topic of the group.\ntype Topic struct {\n\tName  string\n\tShort string\n}\n\n"
            s = s "// Topics is the table of topics of the group, sorted by name.\ntype Topics []Topic\n\n"
            s = s "func (t Topics) Len() int           { return len(t) }\n"
            s = s "func (t Topics) Less(i, j int) bool { return t[i].Name < t[j].Name }\n"
            s = s "func (t Topics) Swap(i, j int)      { t[i], t[j] = t[j], t[i] }\n\n"
            s = s "// Describe gives every topic a line, writing each copy back.\nfunc (t Topics) Describe(prefix string) {\n"
            s = s "\tfor i, e := range t {\n\t\te.Short = prefix + \"topic\"\n\t\tt[i] = e\n\t}\n}\n\n"
            s = s "// Add adds a help command a topic.\nfunc (t Topics) Add(group *cobra.Command) {\n"
            s = s "\tfor _, e := range t {\n\t\tgroup.AddCommand(&cobra.Command{Use: e.Name, Short: e.Short})\n\t}\n}\n\n"
        }
        s = s sprintf("// NewCommand returns the g%02d command group.\nfunc NewCommand() *cobra.Command {\n", g)
        s = s sprintf("\tgroup := &cobra.Command{Use: \"g%02d\"}\n", g)
        for (c = 0; c < ncmds; c++) s = s sprintf("\tgroup.AddCommand(newc%02dCommand())\n", c)
        if (ntable > 0) {
            s = s "\ttopics := Topics{"
            for (t = 0; t < ntable; t++) s = s sprintf("%s{Name: \"topic-%02d\"}", t ? ", " : "", ntable - t)
            s = s "}\n\tsort.Sort(topics)\n\ttopics.Describe(\"about \")\n\ttopics.Add(group)\n"
        }
        s = s "\treturn group\n}\n\n"
        s = s "func addCommonFlags(cmd *cobra.Command, verbose *bool) {\n"
        s = s "\tcmd.Flags().BoolVarP(verbose, \"verbose\", \"v\", false, \"say more\")\n}\n"
        return s
    }
    function root_file(    s, g) {
        s = "// Package main is the benchmark command line.\npackage main\n\nimport (\n\t\"github.com/spf13/cobra\"\n\n"
        for (g = 0; g < ngroups; g++) s = s sprintf("\t\"example.com/cobrabench/cmd/g%02d\"\n", g)
        s = s ")\n\nfunc newRoot() *cobra.Command {\n\troot := &cobra.Command{Use: \"bench\"}\n"
        s = s "\troot.PersistentFlags().String(\"config\", \"\", \"config file\")\n"
        for (g = 0; g < ngroups; g++) s = s sprintf("\troot.AddCommand(g%02d.NewCommand())\n", g)
        return s "\treturn root\n}\n\nfunc main() { _ = newRoot().Execute() }\n"
    }
    function commit(message,    ts) {
        ts = 1577836800 + serial * 86400
        serial++
        mark++
        printf "commit refs/heads/main\nmark :%d\n", mark
        printf "author Bench Author <bench@example.com> %d +0000\n", ts
        printf "committer Bench Author <bench@example.com> %d +0000\n", ts
        printf "data %d\n%s\n", length(message), message
        if (mark > 1) printf "from :%d\n", mark - 1
    }
    function tag(name,    ts, message) {
        ts = 1577836800 + serial * 86400 - 43200
        message = "Release " name
        printf "tag %s\nfrom :%d\ntagger Bench Author <bench@example.com> %d +0000\n", name, mark, ts
        printf "data %d\n%s\n", length(message), message
    }
    BEGIN {
        policy = "semgate: 1\nproject: cobrabench\nreleases:\n  tag: \"v{version}\"\nsurfaces:\n"
        policy = policy "  cli:\n    extract:\n      cobra:\n        files: [\"cmd/**/*.go\"]\n        root: bench\n"
        commit("Initial import")
        emit_file(".semgate.yml", policy)
        emit_file("go.mod", "module example.com/cobrabench\n\ngo 1.22\n")
        emit_file("cmd/bench/main.go", root_file())
        for (g = 0; g < ngroups; g++) {
            emit_file(sprintf("cmd/g%02d/group.go", g), group_file(g))
            for (c = 0; c < ncmds; c++) emit_file(sprintf("cmd/g%02d/c%02d.go", g, c), command_file(g, c, 0))
        }
        tag("v1.0.0")
        minor = 0
        for (i = 1; i < tags; i++) {
            minor++
            commit(sprintf("Release work for 1.%d.0", minor))
            for (k = 0; k < churn; k++) {
                n = (i * 13 + k * 37) % (ngroups * ncmds)
                emit_file(sprintf("cmd/g%02d/c%02d.go", int(n / ncmds), n % ncmds), command_file(int(n / ncmds), n % ncmds, i))
            }
            tag(sprintf("v1.%d.0", minor))
        }
    }'
}

cobra_tags=${COBRA_TAGS:-96}
cobra_groups=${COBRA_GROUPS:-12}
cobra_commands=${COBRA_COMMANDS:-10}
cobra_churn=${COBRA_CHURN:-12}
cobra_table=${COBRA_TABLE:-16}
section "Cobra repository: $cobra_tags tags, $cobra_groups x $cobra_commands command files, $cobra_churn rewritten a release, tables of $cobra_table sorted topics"
cobra_repo=$work/cobra.git
time {
    git init --quiet --bare "$cobra_repo"
    git -C "$cobra_repo" symbolic-ref HEAD refs/heads/main
    generate_cobra_stream | git -C "$cobra_repo" fast-import --quiet
    git -C "$cobra_repo" gc --quiet
}
echo "$(git -C "$cobra_repo" tag | wc -l) tags, $(git -C "$cobra_repo" ls-tree -r HEAD | grep -c '\.go$') Go files at HEAD"

# ---------------------------------------------------------------------------------------------------------------
# measure NAME COMMAND... : runs COMMAND $runs times under /usr/bin/time and appends a row to the results.
results=()
median_of() {
    sort -g | awk '{ v[NR] = $1 }
        END {
            if (NR == 0) print "nan"
            else if (NR % 2) print v[(NR + 1) / 2]
            else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2
        }'
}
declare -A medians

measure() {
    local name=$1
    shift
    if ! grep -qE "$only" <<< "$name"; then return 0; fi
    local times=() cpus=() rss_max=0 statuses=() i
    printf '%-36s' "$name"
    for ((i = 1; i <= runs; i++)); do
        local status=0
        local start end seconds rss
        start=$(date +%s%N)
        /usr/bin/time -f '%M %U %S' -o "$work/time.out" "$@" > "$work/stdout" 2> "$work/stderr" || status=$?
        end=$(date +%s%N)
        # Wall time from the clock in milliseconds (time's %e has only two decimals); the RSS from time, whose
        # last line it is ("Command exited with non-zero status N" comes first when the command fails).
        seconds=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')
        rss=$(tail -n 1 "$work/time.out" | awk '{ print $1 }')
        cpus+=("$(tail -n 1 "$work/time.out" | awk '{ printf "%.2f", $2 + $3 }')")
        times+=("$seconds")
        ((rss > rss_max)) && rss_max=$rss
        statuses+=("$status")
        printf ' %ss' "$seconds"
    done
    printf '\n'
    local unique_statuses
    unique_statuses=$(printf '%s\n' "${statuses[@]}" | sort -u | paste -sd/ -)
    if printf '%s\n' "${statuses[@]}" | grep -qvx '[01]'; then
        echo "  warning: exit status $unique_statuses; stderr of the last run:" >&2
        sed 's/^/    /' "$work/stderr" | head -n 5 >&2
    fi
    local median
    median=$(printf '%s\n' "${times[@]}" | median_of)
    medians[$name]=$median
    results+=("$(printf '%-36s %5d %10s %10s %12s %6s' "$name" "$runs" "$median" \
        "$(printf '%s\n' "${cpus[@]}" | median_of)" \
        "$(awk -v kb="$rss_max" 'BEGIN { printf "%.1f", kb / 1024 }')" "$unique_statuses")")
}

# git_baseline REPO: list every tag's tree and read every distinct .go blob once.
git_baseline() {
    local repo=$1
    git -C "$repo" for-each-ref --format='%(refname)' refs/tags \
        | while IFS= read -r ref; do git -C "$repo" ls-tree -r "$ref"; done \
        | awk '$2 == "blob" && $4 ~ /\.go$/ { print $3 }' \
        | sort -u \
        | git -C "$repo" cat-file --batch > /dev/null
}
export -f git_baseline

ratio() {
    awk -v a="${medians[$1]:-nan}" -v b="${medians[$2]:-nan}" \
        'BEGIN { if (b + 0 > 0 && a != "nan") printf "%.1fx", a / b; else print "n/a" }'
}

# Every row reads without the persistent extraction cache (--no-cache, when the binary has it) except the cache
# rows: "cold cache" empties the cache before each run (extraction plus storing), "warm cache" reads what an untimed
# run stored.
no_cache=()
cache_rows=0
if [[ $("$bin" audit --help 2> /dev/null || true) == *--no-cache* ]]; then
    no_cache=(--no-cache)
    cache_rows=1
fi
cold_cache() {
    rm -rf -- "$1"
    SEMGATE_EXTRACTION_CACHE=$1 "${@:2}"
}
export -f cold_cache

# ---------------------------------------------------------------------------------------------------------------
section "Timing ($runs runs each)"
measure "synthetic: semgate audit" "$bin" audit "${no_cache[@]}" --repo "$synthetic"
measure "synthetic: semgate check" "$bin" check "${no_cache[@]}" --repo "$synthetic"
measure "synthetic: git baseline" bash -c 'git_baseline "$1"' _ "$synthetic"
# The same history with the packages surface read by go-api (every exported func of every file) instead of
# go-packages: the cost of parsing Go.
sed 's/go-packages: {}/go-api: {}/' < <(git -C "$synthetic" show HEAD:.semgate.yml) > "$work/go-api.yml"
measure "synthetic: audit go-api" "$bin" audit "${no_cache[@]}" --repo "$synthetic" --policy "$work/go-api.yml"

if [ "$cache_rows" = 1 ]; then
    SEMGATE_EXTRACTION_CACHE="$work/cache-synthetic" "$bin" audit --repo "$synthetic" > /dev/null 2>&1 || true
    measure "synthetic: audit warm cache" env SEMGATE_EXTRACTION_CACHE="$work/cache-synthetic" "$bin" audit \
        --repo "$synthetic"
fi

measure "cobra: semgate audit" "$bin" audit "${no_cache[@]}" --repo "$cobra_repo"
measure "cobra: git baseline" bash -c 'git_baseline "$1"' _ "$cobra_repo"

k6_present=0
if git -C "$k6_repo" rev-parse --git-dir > /dev/null 2>&1; then
    k6_present=1
    k6_policy=()
    if [ -f "$root/policy/examples/k6.yml" ]; then
        k6_policy=(--policy "$root/policy/examples/k6.yml")
    fi
    echo "k6: $k6_repo ($(git -C "$k6_repo" tag | wc -l) tags), policy: ${k6_policy[1]:-defaults}"
    measure "k6: semgate audit" "$bin" audit "${no_cache[@]}" --repo "$k6_repo" "${k6_policy[@]}"
    measure "k6: semgate check" "$bin" check "${no_cache[@]}" --repo "$k6_repo" "${k6_policy[@]}"
    measure "k6: deprecations" "$bin" deprecations "${no_cache[@]}" --repo "$k6_repo" "${k6_policy[@]}"
    if [ "$cache_rows" = 1 ]; then
        measure "k6: audit cold cache" bash -c 'cold_cache "$@"' _ "$work/cache-k6-cold" "$bin" audit \
            --repo "$k6_repo" "${k6_policy[@]}"
        SEMGATE_EXTRACTION_CACHE="$work/cache-k6" "$bin" audit --repo "$k6_repo" "${k6_policy[@]}" > /dev/null 2>&1 \
            || true
        measure "k6: audit warm cache" env SEMGATE_EXTRACTION_CACHE="$work/cache-k6" "$bin" audit --repo "$k6_repo" \
            "${k6_policy[@]}"
        measure "k6: deprecations warm cache" env SEMGATE_EXTRACTION_CACHE="$work/cache-k6" "$bin" deprecations \
            --repo "$k6_repo" "${k6_policy[@]}"
        measure "k6: check warm cache" env SEMGATE_EXTRACTION_CACHE="$work/cache-k6" "$bin" check --repo "$k6_repo" \
            "${k6_policy[@]}"
        echo "k6 extraction cache: $(du -sh "$work/cache-k6" | cut -f1), $(find "$work/cache-k6" -type f | wc -l) files"
    fi
    # The go-api surface alone (packages of go.k6.io/k6 without internal/), every release.
    printf 'semgate: 1\nreleases:\n  ignore: ["v1.4.1-release*", "v2-catalog-test"]\nsurfaces:\n  packages:\n' \
        > "$work/k6-go-api.yml"
    printf '    extract:\n      go-api: {}\n    exclude: ["**/internal/**", "**/internal"]\n' >> "$work/k6-go-api.yml"
    measure "k6: audit go-api only" "$bin" audit "${no_cache[@]}" --repo "$k6_repo" --policy "$work/k6-go-api.yml"
    measure "k6: check go-api only" "$bin" check "${no_cache[@]}" --repo "$k6_repo" --policy "$work/k6-go-api.yml"
    measure "k6: git baseline" bash -c 'git_baseline "$1"' _ "$k6_repo"
else
    echo "k6: no repository at $k6_repo (set K6_REPO); skipped"
fi

for shape in "${large_repos[@]}"; do
    runs=$large_runs measure "large $shape: audit" "$bin" audit "${no_cache[@]}" --repo "$work/large-$shape.git"
    runs=$large_runs measure "large $shape: git baseline" bash -c 'git_baseline "$1"' _ "$work/large-$shape.git"
done

go_repo_present=0
if git -C "$go_repo" rev-parse --git-dir > /dev/null 2>&1; then
    go_repo_present=1
    # Without GO_REPO_POLICY: the exported Go API of every public package (go-api), every release.
    if [ -z "$go_repo_policy" ]; then
        go_repo_policy=$work/go-repo-go-api.yml
        printf 'semgate: 1\nsurfaces:\n  packages:\n    extract:\n      go-api: {}\n' > "$go_repo_policy"
        printf '    exclude: ["**/internal/**", "**/internal"]\n' >> "$go_repo_policy"
    fi
    go_policy=(--policy "$go_repo_policy")
    echo "go repo: $go_repo ($(git -C "$go_repo" tag | wc -l) tags), policy: ${go_policy[1]:-defaults}"
    runs=$large_runs measure "go repo: audit" "$bin" audit "${no_cache[@]}" --repo "$go_repo" "${go_policy[@]}"
    runs=$large_runs measure "go repo: git baseline" bash -c 'git_baseline "$1"' _ "$go_repo"
else
    echo "go repo: no repository at $go_repo (set GO_REPO); skipped"
fi

# ---------------------------------------------------------------------------------------------------------------
section "Results"
printf '%-36s %5s %10s %10s %12s %6s\n' "benchmark" "runs" "median s" "cpu s" "max RSS MB" "exit"
printf '%s\n' "${results[@]}"
echo
echo "semgate audit / git baseline, synthetic: $(ratio 'synthetic: semgate audit' 'synthetic: git baseline')"
echo "semgate check / git baseline, synthetic: $(ratio 'synthetic: semgate check' 'synthetic: git baseline')"
if [ "$cache_rows" = 1 ]; then
    echo "audit warm cache / git baseline, synthetic: $(ratio 'synthetic: audit warm cache' 'synthetic: git baseline')"
fi
echo "semgate audit / git baseline, cobra:     $(ratio 'cobra: semgate audit' 'cobra: git baseline')"
if [ "$k6_present" = 1 ]; then
    echo "semgate audit / git baseline, k6:        $(ratio 'k6: semgate audit' 'k6: git baseline')"
    echo "semgate check / git baseline, k6:        $(ratio 'k6: semgate check' 'k6: git baseline')"
    echo "deprecations / git baseline, k6:         $(ratio 'k6: deprecations' 'k6: git baseline')"
    echo "deprecations / audit, k6:                $(ratio 'k6: deprecations' 'k6: semgate audit')"
    if [ "$cache_rows" = 1 ]; then
        echo "audit cold cache / git baseline, k6:     $(ratio 'k6: audit cold cache' 'k6: git baseline')"
        echo "audit warm cache / git baseline, k6:     $(ratio 'k6: audit warm cache' 'k6: git baseline')"
        echo "audit warm cache / no cache, k6:         $(ratio 'k6: audit warm cache' 'k6: semgate audit')"
        echo "deprecations warm / git baseline, k6:    $(ratio 'k6: deprecations warm cache' 'k6: git baseline')"
        echo "deprecations warm / audit warm, k6:      $(ratio 'k6: deprecations warm cache' 'k6: audit warm cache')"
    fi
fi
for shape in "${large_repos[@]}"; do
    echo "semgate audit / git baseline, large $shape: $(ratio "large $shape: audit" "large $shape: git baseline")"
done
if [ "$go_repo_present" = 1 ]; then
    echo "semgate audit / git baseline, go repo:   $(ratio 'go repo: audit' 'go repo: git baseline')"
fi
echo "(exit: 0 passed, 1 policy violated, 2 could not run; the git baseline lists every tag's tree and reads every"
echo " distinct .go blob once; cpu s is user + system time, the figure to compare on a machine others share;"
echo " load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null || echo n/a))"
