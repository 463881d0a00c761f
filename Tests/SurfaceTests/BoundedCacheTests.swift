import Testing

import Limits

@Suite("BoundedCache: least recently used first, bounded by bytes")
struct BoundedCacheTests {
    @Test("values beyond the capacity push out the least recently used; a lookup counts as a use")
    func leastRecentlyUsedGoes() {
        let cache = BoundedCache<String, Int>(capacity: 30)
        cache.insert(1, for: "a", cost: 10)
        cache.insert(2, for: "b", cost: 10)
        cache.insert(3, for: "c", cost: 10)
        #expect(cache["a"] == 1)
        cache.insert(4, for: "d", cost: 10)
        #expect(cache["b"] == nil)
        #expect(cache["a"] == 1 && cache["c"] == 3 && cache["d"] == 4)
        #expect(cache.cost == 30 && cache.count == 3)
        cache.insert(5, for: "e", cost: 25)
        #expect(cache.count == 1 && cache["e"] == 5 && cache.cost == 25)
    }

    @Test("a value larger than the whole capacity is not kept; replacing a key replaces its cost")
    func oversizedAndReplaced() {
        let cache = BoundedCache<Int, String>(capacity: 100)
        cache.insert("big", for: 1, cost: 101)
        #expect(cache[1] == nil && cache.cost == 0)
        cache.insert("x", for: 2, cost: 40)
        cache.insert("y", for: 2, cost: 60)
        #expect(cache[2] == "y" && cache.cost == 60 && cache.count == 1)
        for key in 10..<1000 { cache.insert("\(key)", for: key, cost: 7) }
        #expect(cache.cost <= 100 && cache[999] == "999" && cache[10] == nil)
    }
}
