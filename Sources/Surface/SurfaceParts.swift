import Limits
import Policy

extension SurfaceSnapshot {
    /// The snapshot one reader of every surface gives at a revision, from the snapshots of that revision by readers
    /// of disjoint sets of surfaces covering the policy (`SurfaceReader(… surfaces: …)`), each read on a thread of
    /// its own: the items united, and notes and problems in the policy's order of surfaces, as one reader adds them.
    ///
    /// Nil when the whole would be over a per-snapshot limit (`Limit.itemsPerSnapshot`, the items handed over), which
    /// no part alone reaches: one reader of every surface then names the surface at which it is reached.
    public static func combining(_ parts: [SurfaceSnapshot], policy: Policy) -> SurfaceSnapshot? {
        guard parts.count > 1 else { return parts.first }
        guard let outline = SurfaceOutline.combining(parts.map(\.outline), policy: policy) else { return nil }
        let largest = parts.indices.max { parts[$0].items.count < parts[$1].items.count } ?? 0
        var combined = SurfaceSnapshot(
            items: parts[largest].items, notes: outline.notes, problems: outline.problems,
            incomplete: outline.incomplete)
        combined.items.reserveCapacity(outline.itemCount)
        var inputs = SurfaceInputs()
        for (index, part) in parts.enumerated() {
            if index != largest {
                combined.items.merge(part.items) { first, _ in first }
            }
            combined.uncertain.merge(part.uncertain) { $0.union($1) }
            combined.unplaced.merge(part.unplaced) { $0.union($1) }
            combined.unplacedParents.merge(part.unplacedParents) { $0.union($1) }
            combined.unnamedFlags.merge(part.unnamedFlags) { $0.union($1) }
            combined.takenAway.merge(part.takenAway) { $0.union($1) }
            combined.runTimeChoice.merge(part.runTimeChoice) { $0.union($1) }
            combined.programs.merge(part.programs) { first, _ in first }
            combined.vendoredLibraries.merge(part.vendoredLibraries) { first, _ in first }
            if let partInputs = part.inputs {
                inputs.groups.merge(partInputs.groups) { first, _ in first }
                inputs.adjusted.formUnion(partInputs.adjusted)
            }
        }
        combined.inputs = parts.allSatisfy { $0.inputs != nil } ? inputs : nil
        return combined
    }

    /// What the snapshot holds besides its items, for putting parts together without them.
    public var outline: SurfaceOutline {
        SurfaceOutline(
            notes: notes, problems: problems, incomplete: incomplete, itemCount: items.count, sections: sections)
    }
}

/// What a snapshot (or one reader's part of it) holds besides its items: notes, problems, the surfaces read in part,
/// and how many items it has. Passes between threads where the items need not (`deprecations` scans them where they
/// are read).
public struct SurfaceOutline: Sendable {
    public let notes: [String]
    public let problems: [SourceProblem]
    public let incomplete: Set<String>
    /// The items of the snapshot (the parts of one revision have disjoint ids: their sum is the whole's).
    public let itemCount: Int
    let sections: [String: SurfaceSnapshot.Section]?

    /// The outline of the snapshot one reader of every surface gives, from the outlines of the parts of one revision
    /// (as `SurfaceSnapshot.combining`); nil when the whole would be over a per-snapshot limit.
    public static func combining(_ parts: [SurfaceOutline], policy: Policy) -> SurfaceOutline? {
        guard parts.count > 1 else { return parts.first }
        let itemCount = parts.reduce(0) { $0 + $1.itemCount }
        let handedOver = parts.reduce(0) { $0 + ($1.sections?.values.reduce(0) { $0 + $1.handedOver } ?? 0) }
        guard itemCount <= Limit.itemsPerSnapshot, handedOver <= Limit.itemsHandedOverPerSnapshot else { return nil }
        var notes: [String] = []
        var problems: [SourceProblem] = []
        for surface in policy.surfaces {
            guard let section = parts.lazy.compactMap({ $0.sections?[surface.name] }).first else { continue }
            notes += section.notes
            problems += section.problems
        }
        return SurfaceOutline(
            notes: notes, problems: problems, incomplete: parts.reduce(into: Set()) { $0.formUnion($1.incomplete) },
            itemCount: itemCount, sections: nil)
    }
}

/// How the surfaces of a policy are split between readers that read a history side by side, each on a thread of its
/// own (`SurfaceReader(… surfaces: …)`).
public enum SurfacePartition {
    /// At most `count` disjoint sets of surface names covering the policy, balanced by what their extractors cost
    /// to read (`Extractor.readingWeight`): each surface, heaviest first, joins the lightest set so far. The same
    /// policy always gives the same sets; fewer when the policy has fewer surfaces.
    public static func groups(of policy: Policy, count: Int) -> [Set<String>] {
        let weighted = policy.surfaces.enumerated().map { index, surface in
            (
                index, surface.name,
                surface.extractors.compactMap(Extractors.kind(of:)).reduce(0) { $0 + $1.readingWeight }
            )
        }
        .sorted { ($1.2, $0.0) < ($0.2, $1.0) }
        var groups: [(weight: Int, names: Set<String>)] = Array(repeating: (0, []), count: max(1, count))
        for (_, name, weight) in weighted {
            let lightest = groups.indices.min { (groups[$0].weight, $0) < (groups[$1].weight, $1) } ?? 0
            groups[lightest].weight += max(1, weight)
            groups[lightest].names.insert(name)
        }
        return groups.map(\.names).filter { !$0.isEmpty }
    }
}

// How much reading a surface of each kind costs, relative to the others, for `SurfacePartition` only (a wrong figure
// costs balance, never output): go-api parses and type-checks every package; the cobra interpreter runs the command
// files; the other kinds match patterns or read a file. On k6, go-api costs about what its other eight surfaces (16
// extractors) cost together; at 8 it shared its thread with two more surfaces and that thread had 48% of the samples
// against 20% on the other.
extension GoAPIExtractorSpec {
    public static var readingWeight: Int { 16 }
}

extension CobraExtractorSpec {
    public static var readingWeight: Int { 2 }
}
