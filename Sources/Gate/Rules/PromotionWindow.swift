import Lifecycle
import Policy
import SemVer
import Surface

extension Rule {
    /// A promoted experimental item whose old key was not deprecated, or not removed in time.
    public static let promotionWindow = Rule(
        id: .promotionWindow, defaultSeverity: .warning, guards: .minor,
        summary: "a promoted experimental item was not deprecated, or not removed within the policy's minors",
        explanation: """
            An item listed under `promotions` became stable under its new key, but its old experimental key was not \
            deprecated by that release, or is still there more than `remove-within` minors later.
            """,
        remedy: "Deprecate the old key in the release that promotes it, and remove it within the policy's minors.",
        informationalInInitialDevelopment: true,
        examples: [
            RuleExample(
                "k6/fs promoted while k6/experimental/fs is not deprecated", triggers: true,
                policy: """
                    promotions:
                      items:
                        - {from: "modules:k6/experimental/fs", to: "modules:k6/fs"}

                    """,
                history: [ExampleRelease("1.0.0", ["modules:k6/experimental/fs stability=experimental"])],
                head: ExampleRelease("1.1.0", ["modules:k6/experimental/fs stability=experimental", "modules:k6/fs"])),
            RuleExample(
                "the old key deprecated in the same release", triggers: false,
                policy: """
                    promotions:
                      items:
                        - {from: "modules:k6/experimental/fs", to: "modules:k6/fs"}

                    """,
                history: [ExampleRelease("1.0.0", ["modules:k6/experimental/fs stability=experimental"])],
                head: ExampleRelease("1.1.0", ["modules:k6/experimental/fs stability=deprecated", "modules:k6/fs"])),
        ],
        check: .release { (context: ReleaseContext) throws(GateError) -> [Violation] in
            guard let target = context.version else { return [] }
            var violations: [Violation] = []
            for promotion in context.policy.promotions.items {
                if let violation = try promotionViolation(promotion, target: target, in: context) {
                    violations.append(violation)
                }
            }
            return violations
        })

    private static func promotionViolation(_ promotion: Promotion, target: Version, in context: ReleaseContext)
        throws(GateError) -> Violation?
    {
        func violation(_ message: String, _ item: SurfaceItem?) -> Violation {
            Violation(message, item: promotion.from, location: item?.location)
        }
        let old = context.after.items[promotion.from]
        let wasOld = context.before.items[promotion.from]
        let newIsStable = context.after.items[promotion.to]?.stability == .stable
        let newWasStable = context.before.items[promotion.to]?.stability == .stable
        if let wasOld, old == nil, !context.isDeprecated(wasOld, at: context.base) {
            return violation(
                "\(promotion.from) (promoted to \(promotion.to)) was removed in \(target) without being deprecated "
                    + "first", wasOld)
        }
        guard let old, newIsStable else { return nil }
        if !newWasStable {
            guard !context.isDeprecated(old, at: target) else { return nil }
            return violation(
                "\(promotion.to) became stable in \(target) but \(promotion.from), the experimental key it replaces, "
                    + "is not deprecated; deprecate it in the same release", old)
        }
        let within = promotion.removeWithin ?? context.policy.promotions.removeWithin
        let promoted = try context.firstRelease(where: promotion.to, is: .stable)?.version ?? target
        let minors = Deprecations.minorsAfter(promoted, upTo: target, in: context.releases)
        guard minors > within else { return nil }
        return violation(
            "\(promotion.from) is still there in \(target), \(minors) minor releases after \(promotion.to) was "
                + "promoted in \(promoted); the policy removes it within \(within)", old)
    }
}
