#!/usr/bin/env bash
# Proves that the static semgate (.ci/static-build.sh) is self-contained: ldd lists only the C library and its
# companions, and the binary runs in a minimal Debian root made with debootstrap, which has no Swift, no libgit2 and
# no git: `--version`, then `check` and `audit` on the sample repository (.ci/sample-repo.sh) copied in, with the
# exit codes and JSON reports of a reference build when one is given.
#
#   .ci/static-check.sh [STATIC_BINARY]        (default: build one with .ci/static-build.sh)
#   SEMGATE_REFERENCE=.build/debug/semgate .ci/static-check.sh      also compare with this build's reports
#
# Needs Linux, root (debootstrap, chroot, unshare) and debootstrap; without them it says why and exits 0 ("skipped").
# SEMGATE_DEBOOTSTRAP_MIRROR overrides the archive (default: the system's Debian mirror, else deb.debian.org).
set -euo pipefail
cd "$(dirname "$0")/.."

skip() {
    echo "skipped: $*"
    exit 0
}
fail() {
    echo "error: $*" >&2
    exit 1
}

[ "$(uname -s)" = Linux ] || skip "the static-binary check runs on Linux only"
[ "$(id -u)" -eq 0 ] || skip "the static-binary check needs root (debootstrap, chroot)"
command -v debootstrap > /dev/null 2>&1 || skip "debootstrap is not installed (apt-get install debootstrap)"
command -v chroot > /dev/null 2>&1 || skip "chroot is not installed"
command -v unshare > /dev/null 2>&1 || skip "unshare (util-linux) is not installed"

work=$(mktemp -d "${TMPDIR:-/tmp}/semgate-static-check.XXXXXX")
# /proc is mounted into the root only inside a private namespace (in_root), so removing the root removes only what
# debootstrap and this script wrote.
trap 'rm -rf -- "$work"' EXIT

if [ "$#" -ge 1 ]; then
    binary=$1
else
    .ci/static-build.sh "$work/out"
    binary="$work/out/semgate"
fi
[ -x "$binary" ] || fail "'$binary' is not an executable"

echo "--- ldd $binary"
ldd "$binary" | tee "$work/ldd.txt"
# The C library and its companions (the dynamic loader, libm, libpthread, libdl, librt, libutil) and the vDSO.
unexpected=$(grep -vE '^\s*(linux-vdso\.so\.1|linux-gate\.so\.1|(/[^ ]*/)?ld-linux[-a-z0-9_.]*\.so\.[0-9]+|lib(c|m|pthread|dl|rt|util)\.so\.[0-9]+)( |$)' \
    "$work/ldd.txt" || true)
[ -z "$unexpected" ] || fail "the binary needs shared libraries besides the C library: $unexpected"

. /etc/os-release
suite=${VERSION_CODENAME:-bookworm}
[ "${ID:-debian}" = debian ] || suite=bookworm
mirror=${SEMGATE_DEBOOTSTRAP_MIRROR:-$(grep -hoE '(URIs: |^deb )https?://[^ ]+/debian/?( |$)' \
    /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2> /dev/null | head -n 1 | sed -E 's/^(URIs: |deb )//; s/ $//' || true)}
mirror=${mirror:-http://deb.debian.org/debian}
rootfs="$work/root"
echo "--- debootstrap --variant=minbase $suite ($mirror)"
started=$(date +%s)
debootstrap --variant=minbase "$suite" "$rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 || {
    tail -n 30 "$work/debootstrap.log" >&2
    fail "debootstrap failed"
}
echo "a minimal $suite root in $(($(date +%s) - started)) s, $(du -sm "$rootfs" | cut -f1) MB"

# The root really lacks what the binary must not need.
found=$(find "$rootfs" \( -name 'libgit2*' -o -name 'libswiftCore*' -o -name 'libFoundation*' -o -name 'swift' \) \
    -print | head -n 5)
[ -z "$found" ] || fail "the Debian root already holds $found"
chroot "$rootfs" /bin/sh -c 'command -v git' > /dev/null 2>&1 && fail "the Debian root has a git program"

install -m 0755 "$binary" "$rootfs/usr/local/bin/semgate"
.ci/sample-repo.sh "$rootfs/sample" > /dev/null
# Each run in its own mount and PID namespace with a fresh /proc (the Swift runtime reads its arguments from
# /proc/self/cmdline), which disappears with the namespace: nothing stays mounted inside the root.
in_root() {
    unshare --mount --pid --fork --mount-proc="$rootfs/proc" \
        chroot "$rootfs" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/root NO_COLOR=1 "$@"
}

echo "--- semgate --version (in the root)"
in_root semgate --version | tee "$work/version.txt"
grep -q '^libgit2: .*(linked statically' "$work/version.txt" || fail "--version does not say libgit2 is static"
grep -q '^swift runtime: linked statically' "$work/version.txt" || fail "--version does not say the runtime is static"

# Each run: the arguments, and the exit status the sample repository's history calls for.
runs=("check|0" "check --version 2.1.1|1" "audit|1")
for entry in "${runs[@]}"; do
    read -r -a args <<< "${entry%|*}"
    expected=${entry#*|}
    echo "--- semgate ${args[*]} --repo /sample (in the root; expects exit $expected)"
    status=0
    in_root semgate "${args[@]}" --repo /sample --format json > "$work/root.json" 2> "$work/root.err" || status=$?
    in_root semgate "${args[@]}" --repo /sample | head -n 3 || true
    [ "$status" -eq "$expected" ] || fail "exit $status, expected $expected: $(cat "$work/root.err")"
    grep -q '"schema"' "$work/root.json" || fail "no JSON report: $(head -c 300 "$work/root.json")"
    if [ -n "${SEMGATE_REFERENCE:-}" ]; then
        reference=0
        "$SEMGATE_REFERENCE" "${args[@]}" --repo "$rootfs/sample" --format json > "$work/host.json" 2> /dev/null \
            || reference=$?
        [ "$reference" -eq "$status" ] || fail "the reference build exits $reference, the static one $status"
        cmp -s "$work/host.json" "$work/root.json" || {
            diff "$work/host.json" "$work/root.json" | head -n 20 >&2
            fail "the static build's JSON differs from the reference build's"
        }
        echo "same exit status and byte-identical JSON as $SEMGATE_REFERENCE"
    fi
done
echo "ok: the static semgate runs in a bare $suite root without Swift, libgit2 or git"
