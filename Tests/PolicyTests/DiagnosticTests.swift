import Policy
import Pattern
import SemVer
import Surface
import Testing

/// The diagnostics of loading `yaml` as `p.yml`, one `line:column: message` each; empty when it loads.
func diagnostics(_ yaml: String) -> [String] {
    do {
        _ = try PolicyLoader.load(yaml: yaml, file: "p.yml", origin: .file(path: "p.yml"))
        return []
    } catch {
        #expect(error.description == error.diagnostics.map(\.description).joined(separator: "\n"))
        return error.diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
    }
}

@Suite("Policy diagnostics")
struct DiagnosticTests {
    static let single: [(yaml: String, diagnostic: String)] = [
        // YAML syntax.
        (
            "semgate: 1\nreleases:\n  tag: \"v{version}\n",
            "4:1: invalid YAML: found unexpected end of stream (while scanning a quoted scalar at 3:8); "
                + "check the indentation and quoting here"
        ),
        (
            "semgate: 1\nproject: [a\n",
            "3:1: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at 2:10); "
                + "check the indentation and quoting here"
        ),
        // The document itself.
        ("", "1:1: the policy file is empty; start it with 'semgate: 1'"),
        (
            "- semgate: 1\n",
            "1:1: expected a mapping of policy keys for the policy file, found a list; write it like 'semgate: 1'"
        ),
        ("project: x\n", "1:1: missing 'semgate: 1' (the policy format version); add it as the first line"),
        ("semgate: 2\n", "1:10: unsupported policy format version '2'; this semgate reads 'semgate: 1'"),
        ("semgate: one\n", "1:10: invalid policy format version 'one'; write 'semgate: 1'"),
        // Unknown keys, everywhere, with did-you-mean.
        ("semgate: 1\nsurfacs: {}\n", "2:1: unknown key 'surfacs' at the top level; did you mean 'surfaces'?"),
        (
            "semgate: 1\nreleases:\n  tags: \"v{version}\"\n",
            "3:3: unknown key 'tags' in 'releases'; did you mean 'tag'?"
        ),
        (
            "semgate: 1\nsurfaces:\n  metrics:\n    extract: {list: m.txt}\n    breakng: [type]\n",
            "5:5: unknown key 'breakng' in surface 'metrics'; did you mean 'breaking'?"
        ),
        (
            "semgate: 1\nsurfaces:\n  m:\n    extract: {list: m.txt}\n    colour: red\n",
            "5:5: unknown key 'colour' in surface 'm'; expected one of: extract, breaking, include, exclude"
        ),
        (
            "semgate: 1\nsurfaces:\n  m:\n    extract:\n      regx: {}\n",
            "5:7: unknown extractor 'regx' in surface 'm'; did you mean 'regex'?"
        ),
        (
            "semgate: 1\nsurfaces:\n  m:\n    extract:\n      go-packages: {rot: x}\n",
            "5:21: unknown key 'rot' in the go-packages extractor of surface 'm'; did you mean 'root'?"
        ),
        (
            "semgate: 1\nsurfaces:\n  m:\n    extract:\n      go-api: {ignore-value: [Version]}\n",
            "5:16: unknown key 'ignore-value' in the go-api extractor of surface 'm'; did you mean 'ignore-values'?"
        ),
        (
            "semgate: 1\nsurfaces:\n  m:\n    extract:\n      go-apl: {}\n",
            "5:7: unknown extractor 'go-apl' in surface 'm'; did you mean 'go-api'?"
        ),
        (
            "semgate: 1\nsurfaces:\n  m:\n    extract:\n      go-api: [x]\n",
            "5:15: expected a mapping for 'go-api' in surface 'm', found a list; write it like 'go-api: {}' or "
                + "'{ignore-values: [Version]}'"
        ),
        (
            "semgate: 1\ndeprecations:\n  - item: \"m:x\"\n    remove_in: 2.0.0\nsurfaces: {m: {extract: {list: l}}}\n",
            "4:5: unknown key 'remove_in' in deprecation 1; did you mean 'remove-in'?"
        ),
        (
            "semgate: 1\nrules:\n  removed-without-deprecaton: warning\n",
            "3:3: unknown rule 'removed-without-deprecaton' in 'rules'; did you mean 'removed-without-deprecation'?"
        ),
        // Wrong types.
        (
            "semgate: 1\nreleases:\n  ignore: v1*\n",
            "3:11: expected a list of strings for 'ignore' in 'releases', found 'v1*'; write it like [\"v1*\"]"
        ),
        ("semgate: 1\nreleases: [tag]\n", "2:11: expected a mapping for 'releases', found a list"),
        ("semgate: 1\nproject: {a: 1}\n", "2:10: expected a string for 'project', found a mapping"),
        (
            "semgate: 1\nexperimental: [[\"m:x\"]]\nsurfaces: {m: {extract: {list: l}}}\n",
            "2:16: expected a list of strings for 'experimental', found a list"
        ),
        // Values.
        (
            "semgate: 1\nrules:\n  feature-in-patch: warn\n",
            "3:21: invalid severity 'warn' for rule 'feature-in-patch'; use error, warning or off; "
                + "did you mean 'warning'?"
        ),
        (
            "semgate: 1\nrules:\n  feature-in-patch: note\n",
            "3:21: invalid severity 'note' for rule 'feature-in-patch'; use error, warning or off "
                + "(notes come only from exceptions)"
        ),
        (
            "semgate: 1\nhidden: experimentl\n",
            "2:9: invalid hidden 'experimentl'; use promised (hidden commands and flags are promised like the others) "
                + "or experimental (they promise nothing); did you mean 'experimental'?"
        ),
        (
            "semgate: 1\nhidden: [experimental]\n",
            "2:9: expected a string for 'hidden', found a list; write it like 'hidden: experimental'"
        ),
        (
            "semgate: 1\nreleases:\n  initial-development: shift\n",
            "3:24: invalid initial-development 'shift'; use semver or shifted; did you mean 'shifted'?"
        ),
        (
            "semgate: 1\nreleases:\n  tag: \"v{ver}\"\n",
            "3:8: tag template 'v{ver}' has no '{version}'; write it like 'v{version}' or 'cli/v{version}'"
        ),
        (
            "semgate: 1\nreleases:\n  ignore: [\"ok*\", \"bad[\"]\n",
            "3:19: invalid glob 'bad[': unclosed '['; close it with ']' or write [[] for a literal bracket "
                + "(in 'ignore' in 'releases')"
        ),
        (
            "semgate: 1\nsurfaces:\n  Metrics:\n    extract: {list: m.txt}\n",
            "3:3: invalid surface name 'Metrics'; use lowercase letters, digits, '-' and '_', "
                + "starting with a letter or digit"
        ),
        (
            "semgate: 1\nsurfaces:\n  m:\n    breaking: []\n",
            "3:3: surface 'm' has no 'extract'; add one of: regex, list, go-packages, go-api, cobra, go-literals"
        ),
        (
            "semgate: 1\nsurfaces:\n  m:\n    extract: {list: ../outside.txt}\n",
            "4:21: path '../outside.txt' for 'list' in surface 'm' must stay inside the repository; "
                + "write it relative to its root"
        ),
        // Versions in deprecations and exceptions.
        (
            "semgate: 1\nsurfaces: {m: {extract: {list: l}}}\ndeprecations:\n  - item: m:x\n    since: v1.3.0\n",
            "5:12: invalid version 'v1.3.0' for 'since' in deprecation 1: write '1.3.0' without the 'v'"
        ),
        (
            "semgate: 1\nsurfaces: {m: {extract: {list: l}}}\ndeprecations:\n  - item: m:x\n    remove-in: 2.0\n",
            "5:16: invalid version '2.0' for 'remove-in' in deprecation 1: \(versionError("2.0"))"
        ),
        (
            "semgate: 1\nsurfaces: {m: {extract: {list: l}}}\ndeprecations:\n  - item: m:x\n    since: 1.3.0\n"
                + "    remove-in: 1.3.0\n",
            "6:16: 'remove-in' 1.3.0 in deprecation 1 must be greater than 'since' 1.3.0"
        ),
        (
            "semgate: 1\nsurfaces: {m: {extract: {list: l}}}\nexceptions:\n  - release: 1.2\n    items: [\"m:x\"]\n"
                + "    reason: ok\n",
            "4:14: invalid version '1.2' for 'release' in exception 1: \(versionError("1.2"))"
        ),
        (
            "semgate: 1\nsurfaces: {m: {extract: {list: l}}}\nexceptions:\n  - release: 1.2.0\n    exact: maybe\n"
                + "    items: [\"m:x\"]\n    reason: ok\n",
            "5:12: expected true or false for 'exact' in exception 1, found 'maybe'"
        ),
        (
            "semgate: 1\nsurfaces: {m: {extract: {list: l}}}\nexceptions:\n  - release: 1.2.0\n    exactly: true\n"
                + "    items: [\"m:x\"]\n    reason: ok\n",
            "5:5: unknown key 'exactly' in exception 1; did you mean 'exact'?"
        ),
        // Items must name a surface.
        (
            "semgate: 1\nsurfaces: {options: {extract: {list: l}}}\ndeprecations:\n  - item: no-summary\n",
            "4:11: item 'no-summary' in deprecation 1 is not 'surface:key'; write it like 'options:no-summary'"
        ),
        (
            "semgate: 1\nsurfaces: {options: {extract: {list: l}}}\ndeprecations:\n  - item: option:no-summary\n",
            "4:11: 'option:no-summary' in deprecation 1 names unknown surface 'option'; did you mean 'options'?"
        ),
        (
            "semgate: 1\nsurfaces: {packages: {extract: {list: l}}}\nexperimental: [\"pakages:**/experimental/**\"]\n",
            "3:16: 'pakages:**/experimental/**' in 'experimental' names unknown surface 'pakages'; "
                + "did you mean 'packages'?"
        ),
        (
            "semgate: 1\nsurfaces: {packages: {extract: {list: l}}}\nexperimental: [\"experimental/**\"]\n",
            "3:16: item glob 'experimental/**' in 'experimental' has no surface; write it as 'surface:key', "
                + "e.g. 'packages:experimental/**'"
        ),
        (
            "semgate: 1\nsurfaces: {m: {extract: {list: l}}}\nexceptions:\n  - release: 1.2.0\n    items: [\"m:x\"]\n",
            "4:5: exception 1 has no 'reason'; say why the break is accepted"
        ),
        // Regex extractors.
        (
            "semgate: 1\nsurfaces:\n  metrics:\n    extract:\n      regex:\n        files: [\"*.go\"]\n"
                + "        pattern: 'NewMetric\\(\"(?<name>[a-z_]+'\n",
            "7:18: surface 'metrics': " + patternError(#"NewMetric\("(?<name>[a-z_]+"#)
        ),
        (
            "semgate: 1\nsurfaces:\n  metrics:\n    extract:\n      regex:\n        files: [\"*.go\"]\n"
                + "        pattern: 'NewMetric\\(\"(?<metric>[a-z_]+)'\n",
            "7:18: surface 'metrics': pattern 'NewMetric\\(\"(?<metric>[a-z_]+)' has no group named 'name'; "
                + "wrap the item key in (?<name>...) or build it with a 'key' template"
        ),
        (
            "semgate: 1\nsurfaces:\n  flags:\n    extract:\n      regex:\n        files: [\"*.go\"]\n"
                + "        pattern: '(?<name>[a-z]+)'\n        key: \"{stm} --{name}\"\n",
            "8:14: surface 'flags': unknown placeholder '{stm}' in key template '{stm} --{name}'; "
                + "use {path}, {dir}, {stem}, {file} or a group of the pattern (name); did you mean '{stem}'?"
        ),
        (
            "semgate: 1\nsurfaces:\n  flags:\n    extract:\n      regex:\n        files: [\"*.go\"]\n"
                + "        pattern: '(?<name>[a-z]+)'\n        key: \"{name:kebap}\"\n",
            "8:14: surface 'flags': unknown name style 'kebap' in '{name:kebap}' of key template '{name:kebap}'; "
                + "did you mean 'kebab'?"
        ),
        (
            "semgate: 1\nsurfaces:\n  flags:\n    extract:\n      regex:\n        files: [\"*.go\"]\n"
                + "        pattern: '(?<name>[a-z]+)'\n        key: \"{name\"\n",
            "8:14: surface 'flags': unclosed '{' in key template '{name'; close it with '}'"
        ),
        (
            "semgate: 1\nsurfaces:\n  metrics:\n    extract:\n      regex:\n        files: [\"*.go\"]\n"
                + "        pattern: '(?<name>[a-z]+) (?<type>[A-Z]+)'\n    breaking: [tpye]\n",
            "8:16: surface 'metrics': breaking attribute 'tpye' is not a named group of its pattern; "
                + "did you mean 'type'?"
        ),
        (
            "semgate: 1\nsurfaces:\n  m:\n    extract:\n      regex:\n        pattern: '(?<name>[a-z]+)'\n",
            "5:7: the regex extractor of surface 'm' has no 'files'; add e.g. files: [\"src/**/*.go\"]"
        ),
        (
            "semgate: 1\nsurfaces:\n  flags:\n    extract:\n      regex:\n        files: [\"*.go\"]\n"
                + "        pattern: '(?<name>[a-z]+)'\n        key: \"\"\n",
            "8:14: surface 'flags': empty key template; write it like \"{name}\" or drop 'key'"
        ),
        // Duplicates.
        (
            "semgate: 1\nsurfaces:\n  metrics:\n    extract: {list: a}\n  metrics:\n    extract: {list: b}\n",
            "5:3: duplicate key 'metrics' (first at 3:3); each key may appear once in a mapping, so rename or merge one"
        ),
    ]

    @Test(arguments: single)
    func reportsOneProblem(yaml: String, diagnostic: String) {
        #expect(diagnostics(yaml) == [diagnostic])
    }

    @Test func reportsEveryProblemInOneRun() {
        let yaml = """
            semgate: 1
            projct: example
            releases:
              tag: "v"
              initial-development: cargo
            surfaces:
              metrics:
                extract:
                  regex:
                    files: ["metrics/*.go"]
                    pattern: '(?<nam>[a-z]+'
                breakng: [type]
              metrics:
                extract: {list: again.txt}
              options:
                extract:
                  lst: policy/options.txt
            deprecations:
              - item: "option:no-summary"
                since: 1.3
                remove-in: 1.0.0
            rules:
              feature-in-path: off
              tag-not-semver: loud
            """
        #expect(
            diagnostics(yaml) == [
                "2:1: unknown key 'projct' at the top level; did you mean 'project'?",
                "4:8: tag template 'v' has no '{version}'; write it like 'v{version}' or 'cli/v{version}'",
                "5:24: invalid initial-development 'cargo'; use semver or shifted",
                "11:18: surface 'metrics': " + patternError("(?<nam>[a-z]+"),
                "12:5: unknown key 'breakng' in surface 'metrics'; did you mean 'breaking'?",
                "13:3: duplicate key 'metrics' (first at 7:3); each key may appear once in a mapping, "
                    + "so rename or merge one",
                "17:7: unknown extractor 'lst' in surface 'options'; did you mean 'list'?",
                "19:11: 'option:no-summary' in deprecation 1 names unknown surface 'option'; did you mean 'options'?",
                "20:12: invalid version '1.3' for 'since' in deprecation 1: \(versionError("1.3"))",
                "23:3: unknown rule 'feature-in-path' in 'rules'; did you mean 'feature-in-patch'?",
                "24:19: invalid severity 'loud' for rule 'tag-not-semver'; use error, warning or off",
            ])
    }

    @Test func diagnosticsNameTheFile() {
        do {
            _ = try PolicyLoader.load(yaml: "semgate: 3", file: "policy/semgate.yml", origin: .file(path: "x"))
            Issue.record("expected an error")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "policy/semgate.yml:1:10: unsupported policy format version '3'; this semgate reads 'semgate: 1'"
                ])
        }
    }

    @Test func quotedVersionsAndFloatsAreReadAsText() throws {
        let yaml = """
            semgate: "1"
            surfaces: {m: {extract: {list: l}}}
            deprecations:
              - {item: "m:a", since: "1.3.0", remove-in: 2.0.0}
            exceptions:
              - {release: 10.20.30, items: ["m:*"], reason: why}
            """
        let policy = try PolicyLoader.load(yaml: yaml, file: "p.yml", origin: .file(path: "p.yml"))
        #expect(policy.deprecations.first?.since?.description == "1.3.0")
        #expect(policy.deprecations.first?.line == 4)
        #expect(policy.exceptions.first?.release.description == "10.20.30")
    }
}

/// The description of the error SemVer gives for `text`, so these tests do not restate SemVer's wording.
func versionError(_ text: String) -> String {
    do {
        _ = try Version(text)
        return "(valid)"
    } catch {
        return error.description
    }
}

/// The description of the error Pattern gives for `source`.
func patternError(_ source: String) -> String {
    do {
        _ = try Pattern(source)
        return "(valid)"
    } catch {
        return error.description
    }
}
