#!/usr/bin/env bash
# Builds a self-contained semgate: a release build with libgit2 linked statically (a minimal libgit2 built here,
# without HTTPS, SSH, GSSAPI or NTLM: semgate only reads local repositories) and, on Linux, the Swift runtime
# linked statically. The result runs on a machine without Swift and without libgit2 (.ci/static-check.sh proves it
# in a bare Debian root). The release workflow (.github/workflows/release.yml) and the Dockerfile build with it.
#
#   .ci/static-build.sh OUT_DIR     writes OUT_DIR/semgate and OUT_DIR/semgate-VERSION-OS-ARCH.tar.gz
#
# libgit2's source: LIBGIT2_SOURCE=DIR when set (the release workflow's macOS job passes a checkout of a pinned
# libgit2 release), else Debian's source package of the installed libgit2-dev, fetched with apt-get source through
# a private apt state (the system's apt configuration is not touched). Its dependencies are either libgit2's bundled
# copies (zlib, http-parser in an upstream release) or the system's static archives (Debian removes the bundled
# ones), merged into the one libgit2.a so that the link needs nothing else.
#
# SEMGATE_COMMIT: the commit to stamp into `semgate --version`; default `git rev-parse HEAD` (with -dirty for
# uncommitted changes) when this is a git checkout and git is installed. Building needs cmake, a C compiler,
# pkg-config and Swift 6.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if [ "$#" -ne 1 ] || [ -z "$1" ]; then
    echo "usage: $0 OUT_DIR" >&2
    exit 64
fi
mkdir -p -- "$1"
out=$(cd -- "$1" && pwd)
work=${SEMGATE_STATIC_WORK:-$root/.build-static}
mkdir -p -- "$work"

case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=macos ;;
    *) echo "error: unsupported system $(uname -s)" >&2 && exit 2 ;;
esac
arch=$(uname -m)
jobs=$( (command -v nproc > /dev/null && nproc) || sysctl -n hw.ncpu 2> /dev/null || echo 2)

for tool in cmake pkg-config swift ar; do
    command -v "$tool" > /dev/null 2>&1 || {
        echo "error: $tool is needed to build a static semgate (Debian: apt-get install cmake pkg-config gcc)" >&2
        exit 2
    }
done

cc=${CC:-$(command -v cc || command -v clang || command -v gcc || true)}
[ -n "$cc" ] || {
    echo "error: a C compiler is needed (cc, clang or gcc)" >&2
    exit 2
}

# --- libgit2's source -------------------------------------------------------------------------------------------
source_dir=${LIBGIT2_SOURCE:-}
if [ -z "$source_dir" ]; then
    if ! command -v apt-get > /dev/null 2>&1 || ! command -v dpkg-query > /dev/null 2>&1; then
        echo "error: set LIBGIT2_SOURCE to a libgit2 source folder (apt-get source is Debian's)" >&2
        exit 2
    fi
    version=$(dpkg-query -W -f='${Version}' libgit2-dev 2> /dev/null || true)
    if [ -z "$version" ]; then
        echo "error: libgit2-dev is not installed; its source package is the one built here" >&2
        exit 2
    fi
    . /etc/os-release
    apt_state="$work/apt"
    source_dir="$work/libgit2-$version"
    if [ ! -f "$source_dir/CMakeLists.txt" ]; then
        rm -rf -- "$apt_state" "$source_dir"
        mkdir -p "$apt_state/lists/partial" "$apt_state/archives/partial" "$apt_state/download"
        # The system's own archive URL when it names one (deb822 or one-line format), else Debian's.
        mirror=$(grep -hoE '(URIs: |^deb )https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list.d/*.sources \
            /etc/apt/sources.list 2> /dev/null | head -n 1 | sed -E 's/^(URIs: |deb )//; s/ $//' || true)
        mirror=${mirror:-http://deb.debian.org/debian}
        keyring=/usr/share/keyrings/debian-archive-keyring.gpg
        {
            echo "deb-src [signed-by=$keyring] $mirror $VERSION_CODENAME main"
            echo "deb-src [signed-by=$keyring] $mirror $VERSION_CODENAME-updates main"
            echo "deb-src [signed-by=$keyring] ${mirror%/}-security $VERSION_CODENAME-security main"
        } > "$apt_state/sources.list"
        apt_options=(-o "Dir::Etc::SourceList=$apt_state/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
            -o "Dir::State::Lists=$apt_state/lists" -o "Dir::Cache::Archives=$apt_state/archives"
            -o "APT::Sandbox::User=root")
        apt-get "${apt_options[@]}" update -q > "$apt_state/update.log" 2>&1 || {
            cat "$apt_state/update.log" >&2
            exit 2
        }
        # The installed version first (its headers are what semgate compiled against), else the newest source of the
        # same upstream release that the archive serves (a security upload can be listed before its pool has it).
        upstream=${version%%-*}
        candidates=$(
            echo "$version"
            apt-cache "${apt_options[@]}" showsrc libgit2 2> /dev/null | sed -n 's/^Version: //p' \
                | grep -F "$upstream-" | sort -r -V
        )
        fetched=
        for candidate in $candidates; do
            rm -f "$apt_state"/download/*
            if (cd "$apt_state/download" && apt-get "${apt_options[@]}" source --download-only -q "libgit2=$candidate") \
                >> "$apt_state/source.log" 2>&1; then
                fetched=$candidate
                break
            fi
        done
        if [ -z "$fetched" ]; then
            cat "$apt_state/source.log" >&2
            echo "error: apt-get source libgit2 failed for $(echo $candidates)" >&2
            exit 2
        fi
        echo "libgit2 source: Debian's libgit2 $fetched (installed: $version)"
        # apt checked the .dsc against the signed index; dpkg-source checks the tarballs against it and applies the patches.
        dpkg-source -x "$apt_state"/download/libgit2_*.dsc "$source_dir" > "$apt_state/extract.log" 2>&1 || {
            cat "$apt_state/extract.log" >&2
            exit 2
        }
    fi
fi
[ -f "$source_dir/CMakeLists.txt" ] || {
    echo "error: '$source_dir' is not a libgit2 source folder" >&2
    exit 2
}

# --- a minimal static libgit2 -------------------------------------------------------------------------------------
prefix="$work/libgit2-prefix"
options=(-DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF -DBUILD_TESTS=OFF -DBUILD_CLI=OFF -DBUILD_EXAMPLES=OFF
    -DUSE_HTTPS=OFF -DUSE_SSH=OFF -DUSE_GSSAPI=OFF -DUSE_NTLMCLIENT=OFF -DUSE_ICONV=OFF
    -DUSE_SHA1=CollisionDetection -DCMAKE_POSITION_INDEPENDENT_CODE=ON "-DCMAKE_INSTALL_PREFIX=$prefix")
extra_archives=()
static_archive() {
    local path
    path=$("$cc" -print-file-name="$1")
    if [ "$path" = "$1" ] || [ ! -f "$path" ]; then
        echo "error: $1 not found (Debian: apt-get install $2)" >&2
        exit 2
    fi
    extra_archives+=("$path")
}
if [ -d "$source_dir/deps/http-parser" ]; then
    options+=(-DUSE_HTTP_PARSER=builtin)
else
    options+=(-DUSE_HTTP_PARSER=system)
    static_archive libhttp_parser.a libhttp-parser-dev
fi
if [ -d "$source_dir/deps/zlib" ]; then
    options+=(-DUSE_BUNDLED_ZLIB=ON)
elif [ "$os" = linux ]; then
    static_archive libz.a zlib1g-dev
fi # macOS: the system's libz, which every Mac has
if [ "$os" = macos ]; then options+=(-DREGEX_BACKEND=regcomp_l); else options+=(-DREGEX_BACKEND=regcomp); fi

stamp="$prefix/.built-from"
wanted="$source_dir ${options[*]} ${extra_archives[*]:-}"
if [ -z "$(find "$prefix" -name libgit2.a 2> /dev/null)" ] || [ "$(cat "$stamp" 2> /dev/null)" != "$wanted" ]; then
    echo "building a static libgit2 from $source_dir"
    rm -rf -- "$work/libgit2-build" "$prefix"
    # CC for libgit2's build only: SwiftPM picks its own C compiler (clang) for semgate's C targets.
    CC="$cc" cmake -S "$source_dir" -B "$work/libgit2-build" "${options[@]}" > "$work/libgit2-cmake.log" 2>&1 || {
        tail -n 40 "$work/libgit2-cmake.log" >&2
        exit 2
    }
    cmake --build "$work/libgit2-build" -j "$jobs" > "$work/libgit2-build.log" 2>&1 || {
        tail -n 40 "$work/libgit2-build.log" >&2
        exit 2
    }
    cmake --install "$work/libgit2-build" > /dev/null
    libdir=$(dirname "$(find "$prefix" -name libgit2.a | head -n 1)")
    if [ "${#extra_archives[@]}" -gt 0 ]; then
        # One archive holding libgit2 and its dependencies: `link "git2"` in the module map then needs nothing else.
        mv "$libdir/libgit2.a" "$libdir/libgit2-only.a"
        {
            echo "CREATE $libdir/libgit2.a"
            echo "ADDLIB $libdir/libgit2-only.a"
            for archive in "${extra_archives[@]}"; do echo "ADDLIB $archive"; done
            echo "SAVE"
            echo "END"
        } | ar -M
        ranlib "$libdir/libgit2.a"
        rm -- "$libdir/libgit2-only.a"
    fi
    # Only the static library stays, so the linker cannot pick a shared one from this folder.
    find "$prefix" \( -name '*.so*' -o -name '*.dylib' \) -delete
    printf '%s' "$wanted" > "$stamp"
fi
libdir=$(dirname "$(find "$prefix" -name libgit2.a | head -n 1)")
if [ "$os" = linux ]; then
    # The Swift runtime's link line asks for -lstdc++, and the compiler driver for -lgcc_s: the libgit2 folder is
    # searched first, so these names find GCC's static archives there (libgcc_eh is libgcc_s's static counterpart),
    # and the binary needs no C++ or GCC runtime library at run time.
    for pair in libstdc++.a:libstdc++.a libgcc_s.a:libgcc_eh.a; do
        archive=$("$cc" -print-file-name="${pair#*:}")
        [ -f "$archive" ] || {
            echo "error: ${pair#*:} not found (Debian: apt-get install g++)" >&2
            exit 2
        }
        ln -sf "$archive" "$libdir/${pair%%:*}"
    done
fi
pcdir=$(dirname "$(find "$prefix" -name libgit2.pc | head -n 1)")
pcdir_abs=$(cd "$pcdir" && pwd)

# --- semgate ------------------------------------------------------------------------------------------------------
if [ -z "${SEMGATE_COMMIT:-}" ] && command -v git > /dev/null 2>&1 && git -C "$root" rev-parse HEAD > /dev/null 2>&1; then
    SEMGATE_COMMIT=$(git -C "$root" rev-parse HEAD)
    if [ -n "$(git -C "$root" status --porcelain --untracked-files=no 2> /dev/null)" ]; then
        SEMGATE_COMMIT="$SEMGATE_COMMIT-dirty"
    fi
fi
export SEMGATE_COMMIT=${SEMGATE_COMMIT:-}
swift_flags=(-c release --product semgate --scratch-path "$work/swift")
if [ "$os" = linux ]; then swift_flags+=(--static-swift-stdlib); fi
if [ "$os" = macos ]; then swift_flags+=(-Xlinker -lz); fi
echo "building semgate (commit ${SEMGATE_COMMIT:-unknown}) against $pcdir_abs/libgit2.pc"
# pkg-config's path names the static libgit2 first; the module map's `link "git2"` then finds only libgit2.a there.
PKG_CONFIG_PATH="$pcdir_abs" swift build "${swift_flags[@]}"
binary="$(PKG_CONFIG_PATH="$pcdir_abs" swift build "${swift_flags[@]}" --show-bin-path)/semgate"
cp -- "$binary" "$out/semgate"
strip "$out/semgate" 2> /dev/null || true

version=$("$out/semgate" --version | head -n 1 | sed 's/^semgate //')
if ! "$out/semgate" --version | grep -q '^libgit2: .*(linked statically'; then
    "$out/semgate" --version >&2
    echo "error: libgit2 is not linked statically into $out/semgate" >&2
    exit 1
fi
tarball="semgate-$version-$os-$arch.tar.gz"
# The binary alone at the top of the archive, with fixed owner and modes.
tar -C "$out" -czf "$out/$tarball" --owner=0 --group=0 --numeric-owner semgate 2> /dev/null \
    || tar -C "$out" -czf "$out/$tarball" semgate
echo "built $out/semgate and $out/$tarball"
"$out/semgate" --version
