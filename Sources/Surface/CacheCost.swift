import Limits

/// Approximate heap bytes of values the caches hold, for their byte bounds: string bytes plus a fixed overhead per
/// object. Estimates, not measurements: they keep the bound proportionate, which is what it is for.
enum CacheCost {
    static let overhead = 48

    static func of(_ text: String) -> Int { text.utf8.count + 16 }

    static func of(_ items: [RawItem]) -> Int {
        items.reduce(overhead) { total, item in
            total + overhead + of(item.key) + (item.location.map { of($0.path) } ?? 0)
                + item.attributes.reduce(0) { $0 + of($1.key) + of($1.value) }
        }
    }

    static func of(_ strings: [String]) -> Int { strings.reduce(overhead) { $0 + of($1) } }
}
