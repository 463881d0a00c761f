import Foundation
import Gate
import Git
import Policy
import SemVer
import Surface
import TestSupport

/// A policy parsed from YAML text, as a policy file would give it.
func loadPolicy(_ yaml: String) throws -> Policy {
    try PolicyLoader.load(yaml: yaml, file: ".semgate.yml", origin: .file(path: ".semgate.yml"))
}

/// A version from its text; a bad literal is a mistake in the test.
func version(_ text: String) throws -> Version {
    try Version(text)
}

/// An item `surface:key` with a stability and no attributes.
func item(_ id: String, _ stability: Stability = .stable, attributes: [String: String] = [:]) -> SurfaceItem {
    let parts = id.split(separator: ":", maxSplits: 1).map(String.init)
    return SurfaceItem(
        surface: parts[0], key: parts[1], attributes: attributes, stability: stability,
        location: Location(path: "\(parts[0]).txt", line: 1))
}

/// The changes between two sets of items, classified by `SurfaceDiff` under `policy`.
func changes(from before: [SurfaceItem], to after: [SurfaceItem], policy: Policy) -> [Change] {
    func snapshot(_ items: [SurfaceItem]) -> SurfaceSnapshot {
        SurfaceSnapshot(items: Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) }))
    }
    return SurfaceDiff.changes(from: snapshot(before), to: snapshot(after), policy: policy)
}

/// The SampleProject history in a new fixture repository.
func sampleProject() throws -> FixtureRepository {
    try SampleProject.repository()
}

/// An engine over `path` with the policy the repository there resolves to.
func engine(at path: String, policyRevision: String? = nil) throws -> Engine {
    let repository = try Repository(discovering: path)
    let policy = try PolicyResolver.resolve(explicitPath: nil, revision: policyRevision, repository: repository)
    return try Engine(repository: repository, policy: policy)
}

/// Compact `rule severity item` lines for comparing findings.
func summary(_ findings: [Finding]) -> [String] {
    findings.map { finding in
        [finding.rule.id, finding.severity.rawValue, finding.item].compactMap { $0 }.joined(separator: " ")
    }
}
