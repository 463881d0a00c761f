#!/usr/bin/env bash
# The semgate action's install steps (action.yml): find the semgate to run without building it when a release has
# one. Two phases, each run as its own step so that actions/cache can restore and save the download between them:
#
#   install.sh resolve    decide: the semgate-path input, a release download, or a build from source; no network
#   install.sh download   fetch (unless cached) SHA256SUMS and semgate-VERSION-OS-ARCH.tar.gz of the release, verify
#                         the checksum (also of a cached copy), unpack the binary; with no such release, fall back to
#                         a build from source
#
# The release is the `semgate-version` input, else the action's own ref when it is a version tag (`uses:
# owner/semgate/.github/actions/semgate@v1.2.0`); a branch or commit ref has no release and builds from source, as
# does `build-from-source: true`. Assets come from SEMGATE_RELEASES_URL/vVERSION/ (default: the action
# repository's GitHub releases). Every value reaches this script through the environment (see action.yml). Outputs
# (GITHUB_OUTPUT): mode (path, release or source), version, asset, cache-dir, cache-key, binary. Exit 2 with one
# annotation when an input is invalid, a download fails or a checksum does not match: never a silent fallback.
set -euo pipefail

outputs=${GITHUB_OUTPUT:-/dev/null}
temp=${RUNNER_TEMP:-${TMPDIR:-/tmp}}

stop() {
    echo "::error title=semgate::$1"
    exit 2
}
output() {
    echo "$1=$2" >> "$outputs"
}

# The release asset's platform part for this runner, or nothing when semgate ships no binary for it.
platform() {
    local os=${RUNNER_OS:-} arch=${RUNNER_ARCH:-}
    if [ -z "$os" ]; then
        case "$(uname -s)" in Linux) os=Linux ;; Darwin) os=macOS ;; *) os=other ;; esac
    fi
    if [ -z "$arch" ]; then
        case "$(uname -m)" in x86_64 | amd64) arch=X64 ;; aarch64 | arm64) arch=ARM64 ;; *) arch=other ;; esac
    fi
    case "$os/$arch" in
        Linux/X64) echo linux-x86_64 ;;
        Linux/ARM64) echo linux-aarch64 ;;
        macOS/ARM64) echo macos-arm64 ;;
        *) echo "" ;;
    esac
}

sha256() {
    if command -v sha256sum > /dev/null 2>&1; then
        sha256sum "$1" | cut -d' ' -f1
    else
        shasum -a 256 "$1" | cut -d' ' -f1
    fi
}

semver='^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$'

resolve() {
    if [ -n "${SEMGATE_PATH:-}" ]; then
        [ -x "$SEMGATE_PATH" ] || stop "the semgate-path input does not name an executable file"
        output mode path
        output binary "$(cd "$(dirname "$SEMGATE_PATH")" && pwd)/$(basename "$SEMGATE_PATH")"
        return
    fi
    case "${INPUT_BUILD_FROM_SOURCE:-false}" in
        true)
            echo "semgate: building from source (build-from-source: true)"
            output mode source
            return
            ;;
        false) ;;
        *) stop "the build-from-source input must be true or false" ;;
    esac
    local version=${INPUT_SEMGATE_VERSION:-}
    if [ -n "$version" ]; then
        version=${version#v}
        [[ $version =~ $semver ]] || stop "the semgate-version input must be a version such as 1.2.0"
    else
        local ref=${SEMGATE_ACTION_REF:-}
        ref=${ref#refs/tags/}
        if [[ ${ref#v} =~ $semver ]] && [ "${ref:0:1}" = v ]; then
            version=${ref#v}
        else
            echo "semgate: the action's ref is not a release tag, so there is no release binary; building from source"
            output mode source
            return
        fi
    fi
    local platform
    platform=$(platform)
    if [ -z "$platform" ]; then
        echo "semgate: no release binary for ${RUNNER_OS:-$(uname -s)} ${RUNNER_ARCH:-$(uname -m)}; building from source"
        output mode source
        return
    fi
    local tool_cache=${RUNNER_TOOL_CACHE:-$temp}
    output mode release
    output version "$version"
    output asset "semgate-$version-$platform.tar.gz"
    output cache-dir "$tool_cache/semgate/$version/$platform"
    output cache-key "semgate-release-$version-$platform"
}

# GET $1 into $2; prints the HTTP status (000 when there was no answer).
fetch() {
    curl --silent --show-error --location --proto-redir '=https' --retry 3 --retry-delay 2 --connect-timeout 20 \
        --max-time 300 --output "$2" --write-out '%{http_code}' "$1" || true
}

download() {
    local version=${SEMGATE_VERSION:?} asset=${SEMGATE_ASSET:?} cache=${SEMGATE_CACHE_DIR:?}
    local repository=${SEMGATE_ACTION_REPOSITORY:-}
    local base=${SEMGATE_RELEASES_URL:-}
    if [ -z "$base" ]; then
        [ -n "$repository" ] || stop "the action's repository is unknown (github.action_repository); set semgate-path or build-from-source"
        base="https://github.com/$repository/releases/download"
    fi
    local url="${base%/}/v$version"
    mkdir -p -- "$cache"
    if [ -s "$cache/SHA256SUMS" ] && [ -s "$cache/$asset" ]; then
        echo "semgate: $asset from the cache"
    else
        rm -f -- "$cache/SHA256SUMS" "$cache/$asset"
        local status
        status=$(fetch "$url/SHA256SUMS" "$cache/SHA256SUMS.part")
        if [ "$status" = 404 ]; then
            rm -f -- "$cache/SHA256SUMS.part"
            echo "::notice title=semgate::no semgate release v$version with binaries (SHA256SUMS not found); building from source"
            output mode source
            return
        fi
        [ "$status" = 200 ] || stop "downloading SHA256SUMS of semgate v$version failed (HTTP $status)"
        mv -- "$cache/SHA256SUMS.part" "$cache/SHA256SUMS"
        if ! grep -qE "^[0-9a-f]{64} [ *]$asset\$" "$cache/SHA256SUMS"; then
            rm -f -- "$cache/SHA256SUMS"
            echo "::notice title=semgate::semgate v$version has no binary $asset; building from source"
            output mode source
            return
        fi
        status=$(fetch "$url/$asset" "$cache/$asset.part")
        [ "$status" = 200 ] || {
            rm -f -- "$cache/$asset.part" "$cache/SHA256SUMS"
            stop "downloading $asset failed (HTTP $status)"
        }
        mv -- "$cache/$asset.part" "$cache/$asset"
    fi
    # Verified on every run, the cached copy too.
    local expected actual
    expected=$(grep -E "^[0-9a-f]{64} [ *]$asset\$" "$cache/SHA256SUMS" | cut -c1-64)
    actual=$(sha256 "$cache/$asset")
    if [ "$(printf '%s\n' "$expected" | wc -l)" -ne 1 ] || [ "$expected" != "$actual" ]; then
        rm -f -- "$cache/$asset" "$cache/SHA256SUMS"
        stop "the checksum of $asset ($actual) does not match the release's SHA256SUMS; nothing was run"
    fi
    local folder
    folder=$(mktemp -d "$temp/semgate-bin.XXXXXX")
    tar -xzf "$cache/$asset" -C "$folder" semgate || stop "$asset does not hold a semgate binary"
    if [ -L "$folder/semgate" ] || [ ! -f "$folder/semgate" ]; then
        stop "$asset does not hold a semgate binary"
    fi
    chmod 0755 "$folder/semgate"
    "$folder/semgate" --version > "$folder/version.txt" 2>&1 || stop "the semgate of $asset does not run on this runner"
    echo "semgate: $(head -n 1 "$folder/version.txt") ($asset, sha256 $actual)"
    output mode release
    output binary "$folder/semgate"
}

case "${1:-}" in
    resolve) resolve ;;
    download) download ;;
    *)
        echo "usage: $0 resolve|download" >&2
        exit 64
        ;;
esac
