#!/usr/bin/env python3
"""Generate Sources/Surface/PublishedLibrariesTable.swift: what spf13/cobra and spf13/pflag published (review R106).

    .ci/published-libraries.py COBRA_GIT_DIR PFLAG_GIT_DIR > Sources/Surface/PublishedLibrariesTable.swift

Each argument is a clone (bare is fine) of https://github.com/spf13/cobra and https://github.com/spf13/pflag. CI
does not run this; the table is committed, and a test checks its shape. Run it again when cobra or pflag publishes a
release (a copy at a version the table lacks is checked only against the union below, so it may be "cannot be
compared" until then).

For every module version (a tag that is a valid semantic version, as go's semver.IsValid reads one), the table
records the files `go mod vendor` copies and `go build` reads in each package folder of the module: the files of
cmd/go/internal/modcmd/vendor.go's matchPotentialSourceFile (not `_test.go`, not a `.go` file whose build
constraints say `ignore`) that go/build reads (`.go`, cgo, assembly, SWIG, object files), in folders that belong to
the module (not under a folder with its own go.mod, `vendor`, `testdata`, or a name starting with `.` or `_`).

For every path, it also records every blob that path had in any commit reachable from the repository's branches and
tags (not pull-request refs, which anyone writes): a copy at a pseudo-version or at a version the table lacks is
accepted only where each file is one of those.

Format (one string, lines; the Swift side parses it):
    module PATH
    path NAME            the module's paths, numbered from 0 in the order given; followed by
    + BLOB [BLOB]        the path's blobs (full ids), numbered from 0 per path, two to a line
    version VERSION      a published version; followed by
    = P.B [P.B ...]      the version's files as path number . blob number, up to 12 to a line
"""
import re
import subprocess
import sys

MODULES = ["github.com/spf13/cobra", "github.com/spf13/pflag"]
BUILT = {"go", "c", "cc", "cpp", "cxx", "m", "h", "hh", "hpp", "hxx", "f", "F", "for", "f90", "s", "S", "sx",
         "swig", "swigcxx", "syso"}


def git(repo, *args, data=None):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, input=data).stdout


def is_built(name):
    base = name.rsplit("/", 1)[-1]
    if base.endswith("_test.go") or "." not in base:
        return False
    return base.rsplit(".", 1)[1] in BUILT


SEMVER = re.compile(r"^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
                    r"(-((0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(\.(0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?"
                    r"(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")


def in_module(path, nested):
    parts = path.split("/")[:-1]
    for i, part in enumerate(parts):
        if part in ("vendor", "testdata") or part.startswith(".") or part.startswith("_"):
            return False
        if "/".join(parts[: i + 1]) in nested:
            return False
    return True


def ignored(repo, blob):
    """Whether a Go file's build constraints (before the package clause) name `ignore`: go mod vendor leaves it out.
    The generator does not evaluate constraints; it stops when one mentions `ignore` at all."""
    text = git(repo, "cat-file", "blob", blob).decode("utf-8", "replace")
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("package "):
            break
        if (stripped.startswith("//go:build") or stripped.startswith("// +build")) and "ignore" in stripped:
            sys.exit(f"build constraint naming ignore in blob {blob}: teach the generator to evaluate it")
    return False


def library(module, repo):
    # The union: every (path, blob) of a build file in any commit reachable from branches and tags.
    log = git(repo, "log", "--branches", "--tags", "-m", "--root", "--raw", "--no-abbrev", "--no-renames",
              "--format=").decode()
    union = {}
    for line in log.splitlines():
        if not line.startswith(":"):
            continue
        meta, path = line.split("\t", 1)
        fields = meta.split()
        blob, mode = fields[3], fields[1]
        if set(blob) == {"0"} or mode not in ("100644", "100755") or not is_built(path):
            continue
        union.setdefault(path, set()).add(blob)
    versions = {}
    for tag in git(repo, "tag", "--list").decode().split():
        if not SEMVER.match(tag):
            continue
        listing = git(repo, "ls-tree", "-r", "--full-tree", tag + "^{commit}").decode()
        entries = []
        for line in listing.splitlines():
            meta, path = line.split("\t", 1)
            mode, kind, blob = meta.split()
            entries.append((mode, kind, blob, path))
        nested = {p.rsplit("/", 1)[0] for (_, k, _, p) in entries if k == "blob" and p.endswith("/go.mod")}
        files = {}
        for mode, kind, blob, path in entries:
            if kind != "blob" or mode not in ("100644", "100755") or not is_built(path) or not in_module(path, nested):
                continue
            if path.endswith(".go") and ignored(repo, blob):
                continue
            files[path] = blob
            if blob not in union.get(path, set()):
                sys.exit(f"{module} {tag}: {path} {blob} is not in the union")
        versions[tag] = files
    return union, versions


def bytewise(text):
    return text.encode()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    out = []
    for module, repo in zip(MODULES, sys.argv[1:]):
        union, versions = library(module, repo)
        out.append(f"module {module}")
        paths = sorted(union, key=bytewise)
        numbers = {}
        for p_index, path in enumerate(paths):
            out.append(f"path {path}")
            blobs = sorted(union[path])
            numbers[path] = {blob: b_index for b_index, blob in enumerate(blobs)}
            p_of = {path: p_index}
            for i in range(0, len(blobs), 2):
                out.append("+ " + " ".join(blobs[i: i + 2]))
            numbers[path]["#"] = p_of[path]
        for version in sorted(versions, key=bytewise):
            out.append(f"version {version}")
            pairs = [f"{numbers[p]['#']}.{numbers[p][b]}" for p, b in sorted(versions[version].items(),
                                                                            key=lambda i: bytewise(i[0]))]
            for i in range(0, len(pairs), 12):
                out.append("= " + " ".join(pairs[i: i + 12]))
    body = "\n".join("        " + line for line in out)
    print("// Generated by .ci/published-libraries.py from the spf13/cobra and spf13/pflag repositories; do not edit.")
    print("// swift-format-ignore-file")
    print()
    print("extension PublishedLibraries {")
    print("    /// The files each published version of cobra and pflag builds, and every blob each path had upstream")
    print("    /// (the format is described in .ci/published-libraries.py).")
    print('    static let table = """')
    print(body)
    print('        """')
    print("}")


if __name__ == "__main__":
    main()
