# semgate's container image: semgate built self-contained (.ci/static-build.sh: Swift runtime and a minimal libgit2
# linked statically) in a Swift toolchain image, then copied into a slim Debian with git and nothing else.
#
#   docker build -t semgate --build-arg SEMGATE_COMMIT="$(git rev-parse HEAD)" .
#   docker run --rm -v "$PWD:/repo" -w /repo semgate check
#
# The release workflow (.github/workflows/release.yml) builds it on each architecture's own runner and pushes
# ghcr.io/OWNER/semgate:VERSION and :latest.
ARG SWIFT_IMAGE=swift:6.1-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${SWIFT_IMAGE} AS build
RUN apt-get update -q \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        cmake dpkg-dev libgit2-dev libhttp-parser-dev pkg-config zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
COPY .ci ./.ci
ARG SEMGATE_COMMIT=""
RUN SEMGATE_COMMIT="${SEMGATE_COMMIT}" .ci/static-build.sh /out

FROM ${RUNTIME_IMAGE}
# git for the scripts around semgate. A checkout mounted at /repo belongs to the host's user, not to the container's
# root, so the system gitconfig trusts it: /repo by name for libgit2 1.5 (which reads the system gitconfig but not
# the '*' wildcard; checked in a Debian root), '*' for git.
RUN apt-get update -q \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends ca-certificates git \
    && rm -rf /var/lib/apt/lists/* \
    && git config --system --add safe.directory /repo \
    && git config --system --add safe.directory '*'
COPY --from=build /out/semgate /usr/local/bin/semgate
WORKDIR /repo
ENTRYPOINT ["/usr/local/bin/semgate"]
CMD ["--help"]
