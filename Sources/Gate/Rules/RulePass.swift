import Policy
import Releases
import SemVer

/// The one rule pass of `check`, `next` and `audit`: runs every rule the policy does not switch off, then applies
/// severities, initial development and exceptions, here and nowhere else.
public enum RulePass {
    /// The findings of every release rule over `context`, in table order.
    public static func findings(for context: ReleaseContext) throws(GateError) -> [Finding] {
        var violations: [(rule: Rule, violation: Violation)] = []
        for rule in Rule.all where rule.severity(in: context.policy) != .off {
            guard case .release(let check) = rule.check else { continue }
            for violation in try check(context) { violations.append((rule, violation)) }
        }
        let hidden = try RunTimeHidden(
            context,
            about: Set(
                violations.filter { $0.rule.severity(in: context.policy) > .warning }.compactMap(\.violation.item)))
        let findings = violations.map { rule, violation in
            var message = violation.message
            if let item = violation.item { message += hidden.note(for: item) }
            return Finding(
                rule: rule.id, severity: rule.defaultSeverity, message: message,
                release: violation.release ?? context.release, item: violation.item, location: violation.location,
                remedy: violation.remedy ?? rule.remedy)
        }
        var judged = judge(findings, policy: context.policy, base: context.base, target: context.target)
        for index in judged.indices where judged[index].severity > .warning {
            if let item = judged[index].item, hidden.softens(item) { judged[index].severity = .warning }
        }
        return judged
    }

    /// The findings of the tag rules over the tags the release history could not use, in the history's order.
    public static func findings(forTags tags: [TagFinding], policy: Policy) -> [Finding] {
        let findings: [Finding] = tags.compactMap { tag in
            let rule = Rule.named(tag.rule)
            guard case .tag(let check) = rule.check,
                let violation = check(TagContext(tag: tag, policy: policy))
            else { return nil }
            return Finding(
                rule: rule.id, severity: rule.defaultSeverity, message: violation.message, release: violation.release,
                remedy: violation.remedy ?? rule.remedy)
        }
        return judge(findings, policy: policy, base: nil, target: nil)
    }

    /// Severities from the policy, initial development (0.y.z under `semver`) and exceptions.
    static func judge(_ findings: [Finding], policy: Policy, base: Version?, target: Version?) -> [Finding] {
        let initialDevelopment =
            policy.releases.initialDevelopment == .semver && ((target?.major ?? 1) == 0 || (base?.major ?? 1) == 0)
        return findings.compactMap { finding in
            var finding = finding
            let rule = finding.definition
            finding.severity = rule.severity(in: policy)
            if finding.severity == .off { return nil }
            if initialDevelopment && finding.severity > .note && rule.informationalInInitialDevelopment {
                finding.severity = .note
            }
            if finding.severity >= .warning, let target, let item = finding.item,
                let exception = policy.exceptions.first(where: { $0.applies(to: target) && $0.covers(item: item) })
            {
                finding.severity = .note
                finding.exception = exception.reason
            }
            // A note asks nothing of anyone.
            if finding.severity == .note { finding.remedy = nil }
            return finding
        }
    }
}

extension Rule {
    /// The severity `policy` gives the rule: its `rules:` override, else the default.
    public func severity(in policy: Policy) -> Severity {
        policy.severityOverrides[id] ?? defaultSeverity
    }
}
