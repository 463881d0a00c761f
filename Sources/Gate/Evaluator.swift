import Lifecycle
import Policy
import SemVer
import Surface

/// The outcome of judging one set of changes against the version that ships them.
public struct Evaluation: Sendable {
    public let required: Bump
    public let actual: Bump?
    public let findings: [Finding]
}

/// Bumps and versions: what a release makes and what the changes need. Pure: no repository needed.
public enum Evaluator {
    /// Judges `changes` shipped as `target` after `base` with the rule pass, with nothing else known (no release
    /// history, commits or version file).
    ///
    /// - Parameters:
    ///   - minimum: the least bump any release needs (`.patch` when there are commits, `.none` when head is base).
    ///   - target: the version being released; nil when unknown (a pull-request check without `--version`).
    ///   - release: the release the findings name, if any.
    public static func evaluate(
        changes: [Change], base: Version?, target: Version?, minimum: Bump, policy: Policy,
        allow: Bump? = nil, release: String?
    ) throws(GateError) -> Evaluation {
        let context = ReleaseContext(
            policy: policy, release: release, base: base, version: target, allow: allow, minimum: minimum,
            changes: changes, before: SurfaceSnapshot(), after: SurfaceSnapshot(),
            day: CalendarDay(secondsSinceEpoch: 0))
        return Evaluation(
            required: context.required, actual: context.actual, findings: try RulePass.findings(for: context))
    }

    /// The actual bump from `base` to `target`, honouring `initial-development: shifted` for 0.y.z.
    public static func actualBump(from base: Version, to target: Version, policy: Policy) -> Bump {
        let bump = Bump.between(base, target)
        guard policy.releases.initialDevelopment == .shifted, base.major == 0, target.major == 0 else { return bump }
        switch bump {
        case .minor: return .major
        case .patch: return .minor
        default: return bump
        }
    }

    /// The version the changes require after `base` (`--pre LABEL` gives the next pre-release of it).
    public static func nextVersion(after base: Version?, required: Bump, policy: Policy, preLabel: String?) -> Version?
    {
        guard required > .none else { return nil }
        let start = base ?? Version(major: 0, minor: 0, patch: 0)
        var bump = required
        if start.major == 0 {
            // Initial development stays in 0.y.z: 1.0.0 is a decision, not a consequence.
            bump =
                required == .major
                ? .minor
                : (required == .minor && policy.releases.initialDevelopment == .shifted
                    ? .patch : required)
        }
        // A base at the 64-bit limit (v1.18446744073709551615.0) has no next version: none is named.
        if let preLabel { return start.bumpedIfPossible(bump, preLabel: preLabel) }
        return start.bumpedIfPossible(bump)
    }
}
