import SemVer
import Yams

/// The keys of the lifecycle sections (`support`, `cadence`, `deprecation-period`, `promotions`).
enum LifecycleKeys {
    static let support = ["preset", "line", "phases", "development-phase", "end-phase", "dates"]
    static let phase = ["name", "newest", "duration", "from", "lines", "takes", "fixes", "lts"]
    static let dates = ["line", "end", "phases"]
    static let cadence = ["major", "minor", "patch"]
    static let deprecationPeriod = ["releases", "days", "rest-of-major"]
    static let promotions = ["remove-within", "items"]
    static let promotion = ["from", "to", "remove-within"]
}

extension PolicyReader {
    /// Reads `support`, `cadence`, `deprecation-period` and `promotions`.
    mutating func readLifecycle(
        _ top: [String: (key: Node, value: Node)], into policy: inout Policy, surfaces: [String]
    ) {
        if let entry = top["support"] { policy.support = readSupport(entry.value) }
        if let entry = top["cadence"] { policy.cadence = readCadence(entry.value) }
        if let entry = top["deprecation-period"] { policy.deprecationPeriod = readDeprecationPeriod(entry.value) }
        if let entry = top["promotions"] { policy.promotions = readPromotions(entry.value, surfaces: surfaces) }
    }

    // MARK: Scalars

    private mutating func positiveInt(
        _ node: Node, for field: String, allowZero: Bool = false, maximum: Int = Int.max
    ) -> Int? {
        guard let text = string(node, for: field, example: "3") else { return nil }
        guard let value = Int(text), value > 0 || (allowZero && value == 0), value <= maximum else {
            let limit = maximum == Int.max ? "" : " of at most \(maximum)"
            report(
                "expected a \(allowZero ? "non-negative" : "positive") whole number\(limit) for \(field), "
                    + "found '\(text)'",
                at: node)
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, for field: String) -> Bool? {
        guard let text = string(node, for: field, example: "true") else { return nil }
        switch text {
        case "true", "True", "TRUE", "yes": return true
        case "false", "False", "FALSE", "no": return false
        default:
            report("expected true or false for \(field), found '\(text)'", at: node)
            return nil
        }
    }

    private mutating func duration(_ node: Node, for field: String) -> PolicyDuration? {
        guard let text = string(node, for: field, example: "6 weeks") else { return nil }
        guard let duration = PolicyDuration(text: text) else {
            report(
                "invalid duration '\(text)' for \(field); write a number and a unit (days, weeks, months, years), "
                    + "e.g. '6 weeks' or '1 year', of at most 10000 years", at: node)
            return nil
        }
        return duration
    }

    private mutating func day(_ node: Node, for field: String) -> CalendarDay? {
        guard let text = string(node, for: field, example: "2027-05-11") else { return nil }
        guard let day = CalendarDay(iso: text) else {
            report("invalid date '\(text)' for \(field); write an ISO date YYYY-MM-DD, e.g. 2027-05-11", at: node)
            return nil
        }
        return day
    }

    private mutating func choice<T: RawRepresentable & CaseIterable>(
        _ node: Node, for field: String, as type: T.Type
    ) -> T? where T.RawValue == String {
        let names = T.allCases.map(\.rawValue)
        guard let text = string(node, for: field, example: names.first) else { return nil }
        if let value = T(rawValue: text) { return value }
        report("invalid value '\(text)' for \(field)" + Suggestions.hint(for: text, among: names), at: node)
        return nil
    }

    // MARK: remove-when

    /// `line LINE PHASE` checked against the policy's `support` (nil when that section is invalid: its own
    /// diagnostics say why, so nothing more is reported here; `.some(nil)` when there is none).
    mutating func removalCondition(_ node: Node, for field: String, support: SupportPolicy??) -> RemovalCondition? {
        let example = "line 1 deprecated"
        guard let text = string(node, for: field, example: example) else { return nil }
        guard let condition = RemovalCondition(text: text) else {
            report(
                "invalid value '\(text)' for \(field); write 'line LINE PHASE' with a release line and a phase of "
                    + "'support', e.g. '\(example)'", at: node)
            return nil
        }
        guard case .some(let declared) = support else { return nil }
        guard let support = declared else {
            report(
                "\(field) names a support phase but the policy has no 'support' section; add one, e.g. "
                    + "'support: {preset: k6}'", at: node)
            return nil
        }
        let parts = condition.line.split(separator: ".", omittingEmptySubsequences: false)
        let expected = support.line == .major ? 1 : 2
        guard parts.count == expected,
            parts.allSatisfy({
                !$0.isEmpty && $0.count <= 18 && $0.allSatisfy(\.isASCII)
                    && $0.allSatisfy(\.isNumber)
            })
        else {
            report(
                "invalid line '\(condition.line)' in \(field); lines are \(support.line.rawValue)s here, write it like "
                    + (support.line == .major ? "'line 1 \(condition.phase)'" : "'line 1.21 \(condition.phase)'"),
                at: node)
            return nil
        }
        let phases = support.phaseNames
        guard phases.contains(condition.phase) else {
            report(
                "unknown phase '\(condition.phase)' in \(field)"
                    + Suggestions.hint(for: condition.phase, among: phases),
                at: node)
            return nil
        }
        return condition
    }

    // MARK: support

    private mutating func readSupport(_ node: Node) -> SupportPolicy? {
        guard
            let fields = entries(
                of: node, for: "'support'", allowed: LifecycleKeys.support, context: "in 'support'")
        else { return nil }
        var support = SupportPolicy(phases: [])
        var valid = true
        if let value = fields["preset"]?.value, let name = string(value, for: "'preset' in 'support'", example: "k6") {
            if let preset = SupportPolicy.presets[name] {
                support = preset
            } else {
                report(
                    "unknown support preset '\(name)'" + Suggestions.hint(for: name, among: SupportPolicy.presetNames),
                    at: value)
                valid = false
            }
        }
        if let value = fields["line"]?.value {
            if let line = choice(value, for: "'line' in 'support'", as: LineGranularity.self) {
                support.line = line
            } else {
                valid = false
            }
        }
        if let value = fields["phases"]?.value {
            let phases = readList(value, for: "'phases' in 'support'", example: "[{name: supported, newest: 2}]") {
                reader, node, number in reader.readPhase(node, number: number)
            }
            if case .sequence(let sequence) = value, phases.count != sequence.count { valid = false }
            if phases.isEmpty, valid {
                report(
                    "empty 'phases' in 'support'; list at least one phase, e.g. {name: supported, newest: 2}",
                    at: value)
                valid = false
            }
            support.phases = phases
        } else if fields["preset"] == nil {
            report(
                "'support' needs a 'preset' (\(SupportPolicy.presetNames.joined(separator: ", "))) or 'phases'",
                at: node)
            valid = false
        }
        for key in ["development-phase", "end-phase"] {
            guard let value = fields[key]?.value, let name = string(value, for: "'\(key)' in 'support'") else {
                continue
            }
            if name.trimmingCharacters(in: .whitespaces).isEmpty {
                report("empty '\(key)' in 'support'; name the phase, e.g. \(key): end-of-life", at: value)
                valid = false
            } else if key == "end-phase" {
                support.endPhase = name
            } else {
                support.developmentPhase = name
            }
        }
        var seen: [String] = []
        for phase in support.phases {
            if seen.contains(phase.name) || phase.name == support.developmentPhase || phase.name == support.endPhase {
                report(
                    "phase name '\(phase.name)' is used twice in 'support'; give every phase its own name",
                    at: fields["phases"]?.value ?? node)
                valid = false
            }
            seen.append(phase.name)
        }
        if let value = fields["dates"]?.value {
            support.dates = readList(value, for: "'dates' in 'support'", example: "[{line: \"1\", end: 2027-05-11}]") {
                reader, node, number in
                reader.readLineDates(node, number: number, phases: support.phaseNames, granularity: support.line)
            }
            var lines: Set<String> = []
            for entry in support.dates where !lines.insert(entry.line).inserted {
                report("line \"\(entry.line)\" has two entries in 'dates' in 'support'; merge them into one", at: value)
                valid = false
            }
        }
        return valid ? support : nil
    }

    private mutating func readPhase(_ node: Node, number: Int) -> PhaseRule? {
        let name = "phase \(number) in 'support'"
        guard let fields = entries(of: node, for: name, allowed: LifecycleKeys.phase, context: "in \(name)") else {
            return nil
        }
        var valid = true
        var phase = PhaseRule(name: "")
        if let value = fields["name"]?.value, let text = string(value, for: "'name' in \(name)") {
            phase.name = text
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                report("empty 'name' in \(name); name the phase, e.g. name: supported", at: value)
                valid = false
            }
        } else {
            if fields["name"] == nil { report("\(name) has no 'name'; add e.g. name: supported", at: node) }
            valid = false
        }
        if let value = fields["newest"]?.value {
            phase.newest = positiveInt(value, for: "'newest' in \(name)")
            if phase.newest == nil { valid = false }
        }
        if let value = fields["duration"]?.value {
            phase.duration = duration(value, for: "'duration' in \(name)")
            if phase.duration == nil { valid = false }
        }
        if phase.newest == nil, phase.duration == nil, valid {
            report(
                "\(name) has no end; give it 'newest: N' (the N newest lines) and/or 'duration' (e.g. '12 months')",
                at: node)
            valid = false
        }
        if let value = fields["from"]?.value {
            if let anchor = choice(value, for: "'from' in \(name)", as: DurationAnchor.self) {
                phase.from = anchor
                if phase.duration == nil {
                    report("'from' in \(name) needs a 'duration' to count from", at: value)
                    valid = false
                }
            } else {
                valid = false
            }
        }
        if let value = fields["lines"]?.value {
            if let filter = choice(value, for: "'lines' in \(name)", as: LineFilter.self) {
                phase.lines = filter
            } else {
                valid = false
            }
        }
        if let value = fields["takes"]?.value {
            if let text = string(value, for: "'takes' in \(name)", example: "patch"), let bump = Bump(name: text),
                bump != .major
            {
                phase.takes = bump
            } else {
                report(
                    "invalid value for 'takes' in \(name); use minor (features and fixes), patch (fixes only) or none",
                    at: value)
                valid = false
            }
        }
        if let value = fields["fixes"]?.value {
            if let flag = bool(value, for: "'fixes' in \(name)") { phase.fixes = flag } else { valid = false }
        }
        if let value = fields["lts"]?.value {
            if let flag = bool(value, for: "'lts' in \(name)") { phase.lts = flag } else { valid = false }
        }
        return valid ? phase : nil
    }

    private mutating func readLineDates(
        _ node: Node, number: Int, phases: [String], granularity: LineGranularity
    ) -> LineDates? {
        let name = "dates entry \(number) in 'support'"
        guard let fields = entries(of: node, for: name, allowed: LifecycleKeys.dates, context: "in \(name)") else {
            return nil
        }
        var valid = true
        var dates = LineDates(line: "", sourceLine: node.mark?.line ?? 0)
        if let value = fields["line"]?.value, let text = string(value, for: "'line' in \(name)", example: "\"1\"") {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            let expected = granularity == .major ? 1 : 2
            if parts.count == expected, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) {
                dates.line = text
            } else {
                report(
                    "invalid line '\(text)' in \(name); lines are \(granularity.rawValue)s here, write it like "
                        + (granularity == .major ? "\"2\"" : "\"1.21\""), at: value)
                valid = false
            }
        } else {
            if fields["line"] == nil { report("\(name) has no 'line'; add e.g. line: \"1\"", at: node) }
            valid = false
        }
        if let value = fields["end"]?.value {
            dates.end = day(value, for: "'end' in \(name)")
            if dates.end == nil { valid = false }
        }
        if let value = fields["phases"]?.value {
            if case .mapping(let mapping) = value {
                for (key, dayNode) in mapping {
                    guard let phase = key.scalar?.string else { continue }
                    guard phases.contains(phase) else {
                        report(
                            "unknown phase '\(phase)' in \(name)" + Suggestions.hint(for: phase, among: phases),
                            at: key)
                        valid = false
                        continue
                    }
                    if let end = day(dayNode, for: "phase '\(phase)' in \(name)") {
                        dates.phaseEnds[phase] = end
                    } else {
                        valid = false
                    }
                }
            } else {
                typeMismatch(
                    expected: "a mapping of phase to end date", for: "'phases' in \(name)", found: value,
                    example: "{supported: 2027-05-11}")
                valid = false
            }
        }
        if dates.end == nil, dates.phaseEnds.isEmpty, valid {
            report("\(name) sets no date; add end: YYYY-MM-DD or phases: {NAME: YYYY-MM-DD}", at: node)
            valid = false
        }
        return valid ? dates : nil
    }

    // MARK: cadence, deprecation period, promotions

    private mutating func readCadence(_ node: Node) -> CadencePolicy? {
        guard let fields = entries(of: node, for: "'cadence'", allowed: LifecycleKeys.cadence, context: "in 'cadence'")
        else { return nil }
        var cadence = CadencePolicy()
        if let value = fields["major"]?.value { cadence.major = duration(value, for: "'major' in 'cadence'") }
        if let value = fields["minor"]?.value { cadence.minor = duration(value, for: "'minor' in 'cadence'") }
        if let value = fields["patch"]?.value { cadence.patch = duration(value, for: "'patch' in 'cadence'") }
        if fields.isEmpty {
            report("empty 'cadence'; add e.g. major: 1 year, minor: 6 weeks", at: node)
        }
        return cadence
    }

    private mutating func readDeprecationPeriod(_ node: Node) -> DeprecationPeriod? {
        let field = "'deprecation-period'"
        guard
            let fields = entries(of: node, for: field, allowed: LifecycleKeys.deprecationPeriod, context: "in \(field)")
        else { return nil }
        var period = DeprecationPeriod()
        if let value = fields["releases"]?.value { period.releases = positiveInt(value, for: "'releases' in \(field)") }
        if let value = fields["days"]?.value {
            period.days = positiveInt(value, for: "'days' in \(field)", maximum: PolicyDuration.maximumDays)
        }
        if let value = fields["rest-of-major"]?.value {
            period.restOfMajor = bool(value, for: "'rest-of-major' in \(field)") ?? false
        }
        if fields.isEmpty {
            report("empty \(field); add releases: N, days: N and/or rest-of-major: true", at: node)
        }
        return period
    }

    private mutating func readPromotions(_ node: Node, surfaces: [String]) -> PromotionPolicy {
        var promotions = PromotionPolicy()
        guard
            let fields = entries(
                of: node, for: "'promotions'", allowed: LifecycleKeys.promotions, context: "in 'promotions'")
        else { return promotions }
        if let value = fields["remove-within"]?.value,
            let within = positiveInt(value, for: "'remove-within' in 'promotions'")
        {
            promotions.removeWithin = within
        }
        if let value = fields["items"]?.value {
            promotions.items = readList(
                value, for: "'items' in 'promotions'", example: "[{from: \"a:x\", to: \"a:y\"}]"
            ) { reader, node, number in reader.readPromotion(node, number: number, surfaces: surfaces) }
        }
        return promotions
    }

    private mutating func readPromotion(_ node: Node, number: Int, surfaces: [String]) -> Promotion? {
        let name = "promotion \(number)"
        guard let fields = entries(of: node, for: name, allowed: LifecycleKeys.promotion, context: "in \(name)") else {
            return nil
        }
        func item(_ key: String, _ reader: inout PolicyReader) -> String? {
            guard let value = fields[key]?.value else {
                reader.report("\(name) has no '\(key)'; add \(key): \"surface:key\"", at: node)
                return nil
            }
            guard let text = reader.string(value, for: "'\(key)' in \(name)", example: "\"surface:key\"") else {
                return nil
            }
            guard let colon = text.firstIndex(of: ":"), colon != text.startIndex,
                text.index(after: colon) != text.endIndex
            else {
                reader.report("'\(key)' '\(text)' in \(name) is not 'surface:key'", at: value)
                return nil
            }
            reader.checkSurfaceName(String(text[..<colon]), in: text, at: value, for: name, surfaces: surfaces)
            return text
        }
        let from = item("from", &self)
        let to = item("to", &self)
        var within: Int?
        if let value = fields["remove-within"]?.value {
            within = positiveInt(value, for: "'remove-within' in \(name)")
            if within == nil { return nil }
        }
        guard let from, let to else { return nil }
        if from == to, let value = fields["to"]?.value {
            report(
                "'from' and 'to' in \(name) are the same item '\(to)'; 'to' is the new key it was promoted to",
                at: value)
            return nil
        }
        return Promotion(from: from, to: to, removeWithin: within, line: node.mark?.line ?? 0)
    }
}
