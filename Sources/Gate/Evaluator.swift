import Policy
import SemVer
import Surface

/// The outcome of judging one set of changes against the version that ships them.
public struct Evaluation: Sendable {
    public let required: Bump
    public let actual: Bump?
    public let findings: [Finding]
}

/// Applies the rules to changes between a base version and a target version. Pure: no repository needed.
public enum Evaluator {
    /// Judges `changes` shipped as `target` after `base`.
    ///
    /// - Parameters:
    ///   - minimum: the least bump any release needs (`.patch` when there are commits, `.none` when head is base).
    ///   - target: the version being released; nil when unknown (a pull-request check without `--version`).
    ///   - release: the release the findings name, if any.
    public static func evaluate(
        changes: [Change], base: Version?, target: Version?, minimum: Bump, policy: Policy,
        allow: Bump? = nil, release: String?
    ) -> Evaluation {
        let required = changes.map(\.bump).reduce(minimum, max)
        let actual = base.flatMap { base in target.map { actualBump(from: base, to: $0, policy: policy) } }
        var findings: [Finding] = []
        func add(_ rule: Rule, _ message: String, _ change: Change? = nil) {
            findings.append(
                Finding(
                    rule: rule, severity: rule.defaultSeverity, message: message, release: release, item: change?.id,
                    location: change?.location))
        }
        let shipped = target.map { "\($0)" } ?? "this change"
        if let base, let target, !(base < target) || base.hasSamePrecedence(as: target) {
            add(.versionNotIncreasing, "version \(target) is not greater than the base release \(base)")
        } else if let actual, actual > .none {
            for change in changes where !change.experimental {
                if change.bump == .major && actual < .major {
                    add(
                        .breakingWithoutMajor, "\(describe(change)) needs a major release; \(shipped) is a \(actual)",
                        change)
                } else if change.bump == .minor && actual < .minor {
                    let rule: Rule = change.kind == .deprecated ? .deprecationInPatch : .featureInPatch
                    add(rule, "\(describe(change)) needs a minor release; \(shipped) is a \(actual)", change)
                }
            }
        }
        if let allow, required > allow {
            add(.bumpNotAllowed, "the changes need a \(required) release but only \(allow) changes are allowed here")
        }
        // A removal the extractor cannot claim (a member of a Go type moved behind an alias) needs no major: no finding.
        for change in changes where change.kind == .removed && !change.experimental && change.bump == .major {
            guard let before = change.before else { continue }
            if before.stability != .deprecated {
                add(
                    .removedWithoutDeprecation,
                    "\(change.id) was removed but no earlier release marked it deprecated", change)
            } else if let removeIn = policy.deprecations.first(where: { $0.item == change.id })?.removeIn,
                let target, target.core < removeIn
            {
                add(
                    .deprecationWindow,
                    "\(change.id) was removed in \(target) but its deprecation says remove-in \(removeIn)", change)
            }
        }
        return Evaluation(
            required: required, actual: actual,
            findings: applyPolicy(findings, policy: policy, base: base, target: target))
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

    private static func describe(_ change: Change) -> String {
        switch change.kind {
        case .added: return "added \(change.id)"
        case .removed: return "removed \(change.id)"
        case .changed: return "changed \(change.changedAttributes.joined(separator: ", ")) of \(change.id)"
        case .deprecated: return "deprecated \(change.id)"
        case .promoted: return "promoted \(change.id) to stable"
        case .demoted: return "demoted \(change.id) to experimental"
        }
    }

    /// Severities from the policy, initial development and exceptions.
    static func applyPolicy(_ findings: [Finding], policy: Policy, base: Version?, target: Version?) -> [Finding] {
        let initialDevelopment =
            policy.releases.initialDevelopment == .semver && ((target?.major ?? 1) == 0 || (base?.major ?? 1) == 0)
        return findings.compactMap { finding in
            var finding = finding
            finding.severity = policy.severity(of: finding.rule)
            if finding.severity == .off { return nil }
            if initialDevelopment && finding.severity > .note && finding.rule.isInformationalInInitialDevelopment {
                finding.severity = .note
            }
            if finding.severity == .error, let target, let item = finding.item,
                let exception = policy.exceptions.first(where: {
                    $0.release.hasSamePrecedence(as: target) && $0.items.contains { $0.matches(item) }
                })
            {
                finding.severity = .note
                finding.exception = exception.reason
            }
            return finding
        }
    }
}
