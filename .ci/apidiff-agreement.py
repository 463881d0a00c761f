#!/usr/bin/env python3
"""Measures how often semgate's go-api comparison agrees with golang.org/x/exp/apidiff's own test expectations.

apidiff's testdata/tests.go (Debian: `apt-get install golang-golang-x-exp-dev`) is one file split into an old and a
new package by `// old`, `// new` and `// both` comments; `// i MSG` expects an incompatible change, `// c MSG` a
compatible one. This script splits it the same way (apidiff_test.go's splitIntoPackages), commits old and new as
v1.0.0 and v1.1.0 of a throwaway repository, runs `semgate diff --format json` with a go-api policy, and compares:

- each apidiff message: agreed when semgate reports the same object (the message's name, or an exported member that
  reaches an unexported one through embedding) as needing a major (i) or a minor/patch but not a major (c);
- each object semgate calls major that no `// i` message names: a disagreement (a false alarm).

agreement = agreed / (apidiff messages + semgate's unmatched major objects). Nothing is written outside a temporary
folder; the test data is read where Debian installs it and never copied into this repository.

    python3 .ci/apidiff-agreement.py [--semgate PATH] [--tests PATH] [-v]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

DEFAULT_TESTS = "/usr/share/gocode/src/golang.org/x/exp/apidiff/testdata/tests.go"
MODULE = "example.com/apidiff"


def split(tests_path):
    old, new, expected = [], [], []
    target = "both"
    with open(tests_path, encoding="utf-8") as handle:
        for line in handle.read().split("\n"):
            stripped = line.strip()
            if stripped in ("// old", "// new", "// both"):
                target = stripped[3:]
            elif stripped.startswith("// i ") or stripped.startswith("// c "):
                expected.append((stripped[3], stripped[5:].strip()))
            else:
                if target in ("old", "both"):
                    old.append(line)
                if target in ("new", "both"):
                    new.append(line)
    return "\n".join(old) + "\n", "\n".join(new) + "\n", expected


def git(repo, *args, env=None):
    subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, env=env)


def build_repository(folder, old, new):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.com", GIT_AUTHOR_DATE="2024-01-01T00:00:00Z",
               GIT_COMMITTER_DATE="2024-01-01T00:00:00Z")
    git(folder, "init", "-q", "-b", "main")
    with open(os.path.join(folder, "go.mod"), "w") as handle:
        handle.write(f"module {MODULE}\n\ngo 1.21\n")
    with open(os.path.join(folder, ".semgate.yml"), "w") as handle:
        handle.write("semgate: 1\nreleases:\n  tag: v{version}\nsurfaces:\n  api:\n    extract:\n      go-api: {}\n")
    for tag, source in (("v1.0.0", old), ("v1.1.0", new)):
        with open(os.path.join(folder, "p.go"), "w") as handle:
            handle.write(source)
        git(folder, "add", "-A", env=env)
        git(folder, "commit", "-q", "-m", tag, env=env)
        git(folder, "tag", tag, env=env)


def message_name(message):
    """The object an apidiff message is about, in semgate's `T.M` form, and the type whose method set it names."""
    head = message.split(":", 1)[0]
    holder = None
    if ", method set of " in head:
        head, holder = head.split(", method set of ", 1)
        holder = holder.lstrip("*")
    head = head.split(",", 1)[0]
    match = re.fullmatch(r"\(\*(\w+)\)\.(\w+)", head)
    if match:
        head = f"{match.group(1)}.{match.group(2)}"
    if holder:
        head = f"{holder}.{head.split('.')[-1]}"
    return head


def semgate_changes(semgate, folder):
    run = subprocess.run([semgate, "diff", "v1.0.0", "v1.1.0", "--repo", folder, "--format", "json"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"semgate diff failed ({run.returncode}): {run.stderr.strip()}")
    report = json.loads(run.stdout)
    changes = find_changes(report)
    # Which exported types alias which (`type S1 = s1`): their members are the unexported type's members.
    parent_aliases = {}
    for change in changes:
        for side in ("before", "after"):
            attributes = (change.get(side) or {}).get("attributes") or {}
            if "alias-of" in attributes and change.get("key", "").startswith(MODULE + "."):
                parent_aliases[(side, change["key"][len(MODULE) + 1:])] = attributes["alias-of"]
    result = []
    for change in changes:
        key = change.get("key", "")
        if key == MODULE or not key.startswith(MODULE + "."):
            continue
        name = key[len(MODULE) + 1:]
        via, aliased = set(), set()
        for side in ("before", "after"):
            attributes = (change.get(side) or {}).get("attributes") or {}
            if "via" in attributes:
                via.update(attributes["via"].split("."))
        parent = name.rsplit(".", 1)[0] if "." in name else None
        if parent:
            aliased = {parent_aliases.get((side, parent)) for side in ("before", "after")} - {None}
        old_attributes = (change.get("before") or {}).get("attributes") or {}
        old_alias = old_attributes.get("alias-of")
        old_words = set(re.findall(r"\w+", " ".join(old_attributes.get(a, "") for a in ("type", "signature", "alias-of"))))
        result.append({"old_alias": old_alias, "old_words": old_words, "name": name, "bump": change.get("bump"), "kind": change.get("kind"), "via": via | aliased,
                       "attributes": change.get("changed_attributes") or []})
    return result


def find_changes(node):
    """Every object with `key` and `bump` in the report, wherever the schema nests them."""
    found = []
    if isinstance(node, dict):
        if "key" in node and "bump" in node:
            found.append(node)
        else:
            for value in node.values():
                found += find_changes(value)
    elif isinstance(node, list):
        for value in node:
            found += find_changes(value)
    return found


def candidates(name, changes):
    parts = name.split(".")
    exact = [c for c in changes if c["name"] == name]
    if exact and (parts[0][:1].isupper() or any(c["bump"] == "major" for c in exact)):
        return exact
    # An unexported type's member seen through an exported type that embeds it (`embedm.EV1` as `SM.EV1`).
    if len(parts) == 2 and parts[0][:1].islower():
        promoted = [c for c in changes if c["name"].split(".")[-1] == parts[1] and parts[0] in c["via"]]
        if promoted:
            return promoted
        # A method lost because an exported item now refers to another type than the unexported one that had it.
        return [c for c in changes if parts[0] in c["old_words"] and c["bump"] == "major"]
    # A type split from its alias (`type J = K` becoming `type J K`): semgate reports the alias that left.
    split_aliases = [c for c in changes if "alias-of" in c["attributes"] and c.get("old_alias") == name]
    if split_aliases:
        return split_aliases
    # An unexported method added to an interface: semgate reports the interface becoming sealed.
    if len(parts) == 2 and parts[1][:1].islower():
        return [c for c in changes if c["name"] == parts[0] and "sealed" in c["attributes"]]
    return []


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--semgate", default=None)
    parser.add_argument("--tests", default=DEFAULT_TESTS)
    parser.add_argument("-v", "--verbose", action="store_true")
    options = parser.parse_args()
    semgate = options.semgate
    if semgate is None:
        bin_path = subprocess.run(["swift", "build", "--show-bin-path"], capture_output=True, text=True,
                                  cwd=os.path.join(os.path.dirname(__file__), "..")).stdout.strip()
        semgate = os.path.join(bin_path, "semgate")
    if not os.path.exists(options.tests):
        sys.exit(f"{options.tests} not found: apt-get install -y golang-golang-x-exp-dev")
    old, new, expected = split(options.tests)
    with tempfile.TemporaryDirectory() as folder:
        build_repository(folder, old, new)
        changes = semgate_changes(semgate, folder)
    majors = {c["name"] for c in changes if c["bump"] == "major"}
    matched_majors = set()
    agreed, rows = 0, []
    for verdict, message in expected:
        name = message_name(message)
        found = candidates(name, changes)
        is_major = any(c["bump"] == "major" for c in found)
        if verdict == "i":
            matched_majors.update(c["name"] for c in found)
            ok = is_major
        else:
            ok = not is_major
        agreed += ok
        rows.append((ok, verdict, message, ", ".join(f"{c['name']} {c['kind']} {c['bump']}" for c in found) or "-"))
    # Names apidiff calls incompatible count as matched even when semgate reports them under another member.
    incompatible_names = {message_name(m) for v, m in expected if v == "i"}
    # A break of an embedded type is also reported on every type that promotes the member: the same break.
    promoted = {c["name"] for c in changes if c["bump"] == "major" and any(
        f"{v}.{c['name'].split('.')[-1]}" in incompatible_names for v in c["via"])}
    false_alarms = sorted(n for n in majors - matched_majors - promoted if n not in incompatible_names)
    total = len(expected) + len(false_alarms)
    for ok, verdict, message, found in rows:
        if options.verbose or not ok:
            print(f"{'agree   ' if ok else 'DISAGREE'} {verdict} {message}   [semgate: {found}]")
    for name in false_alarms:
        details = [c for c in changes if c["name"] == name and c["bump"] == "major"]
        print(f"DISAGREE semgate major, apidiff silent: {name} "
              f"[{', '.join(c['kind'] + ' ' + ','.join(c['attributes']) for c in details)}]")
    print(f"apidiff messages: {len(expected)} ({sum(v == 'i' for v, _ in expected)} incompatible, "
          f"{sum(v == 'c' for v, _ in expected)} compatible); semgate majors apidiff does not expect: "
          f"{len(false_alarms)}")
    print(f"agreement: {agreed}/{total} = {100.0 * agreed / total:.1f}%")


if __name__ == "__main__":
    main()
