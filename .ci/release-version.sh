#!/usr/bin/env bash
# Checks that a built semgate is the release its tag names: `semgate --version` must start with `semgate VERSION`
# for the tag vVERSION, and the binary must say which commit it was built from. The release workflow runs it on
# every binary before anything is published.
#
#   .ci/release-version.sh BINARY TAG          e.g. .ci/release-version.sh dist/semgate v1.2.0
set -euo pipefail
if [ "$#" -ne 2 ]; then
    echo "usage: $0 BINARY TAG" >&2
    exit 64
fi
binary=$1
tag=$2
if ! [[ $tag =~ ^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$ ]]; then
    echo "::error title=release::the tag is not vMAJOR.MINOR.PATCH[-PRERELEASE]" >&2
    exit 1
fi
text=$("$binary" --version)
printf '%s\n' "$text"
if [ "$(printf '%s\n' "$text" | head -n 1)" != "semgate ${tag#v}" ]; then
    echo "::error title=release::the binary says '$(printf '%s\n' "$text" | head -n 1)', the tag ${tag}: update VersionText.version in Sources/semgate/VersionText.swift before tagging" >&2
    exit 1
fi
if printf '%s\n' "$text" | grep -q '^commit: unknown'; then
    echo "::error title=release::the binary does not name its commit (SEMGATE_COMMIT was not set for the build)" >&2
    exit 1
fi
