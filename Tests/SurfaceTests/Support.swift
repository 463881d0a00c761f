import Foundation
import Git
import Policy
import Surface
import TestSupport

/// A policy parsed from YAML text, as a policy file would give it.
func loadPolicy(_ yaml: String) throws -> Policy {
    try PolicyLoader.load(yaml: yaml, file: ".semgate.yml", origin: .file(path: ".semgate.yml"))
}

/// The surface of `repo` at `rev` under the policy in `yaml`.
func surface(of repo: FixtureRepository, at rev: String = "HEAD", policy yaml: String) throws -> SurfaceSnapshot {
    let repository = try Repository(discovering: repo.url.path)
    let reader = SurfaceReader(repository: repository, policy: try loadPolicy(yaml))
    return try reader.snapshot(at: try repository.resolve(rev))
}
