import SturingCore

/// Honest group comparisons: a group's mean share with a bootstrap interval over its plans, and the
/// difference between a group and the other plans as an effect size (percentage points) with a
/// bootstrap interval and a permutation test (Good 2005), not only a p-value. Seeded and pure.
public enum GroupComparison {
    /// One group against the rest, for one perspective.
    public struct Difference: Sendable, Equatable {
        /// The group ("G4", "noord").
        public var group: String
        /// The perspective.
        public var perspective: Perspective
        /// Plans in the group and in the rest.
        public var n: Int
        public var nRest: Int
        /// The group's mean share and its 95 % bootstrap interval (plans resampled).
        public var mean: Double
        public var meanLow: Double
        public var meanHigh: Double
        /// Group mean minus the rest's mean (percentage points), with its 95 % interval.
        public var difference: Double
        public var differenceLow: Double
        public var differenceHigh: Double
        /// Two-sided permutation p-value of the difference (group labels shuffled).
        public var p: Double
    }

    /// Every group of `key` (with at least `minimum` plans, and at least one plan outside it)
    /// against the other plans, per perspective.
    public static func compare(_ rows: [ShareRow], by key: (ShareRow) -> String?, replicates: Int = 2000, seed: UInt64 = 1,
                               minimum: Int = 2) -> [Difference] {
        var groups = [String: [Int]]()
        for (i, r) in rows.enumerated() { if let k = key(r), !k.isEmpty { groups[k, default: []].append(i) } }
        var out = [Difference]()
        for name in groups.keys.sorted() {
            let members = groups[name]!
            let inside = Set(members)
            let rest = rows.indices.filter { !inside.contains($0) }
            guard members.count >= minimum, rest.count >= 1 else { continue }
            for p in Perspective.allCases {
                let a = members.map { rows[$0].profile[p] }, b = rest.map { rows[$0].profile[p] }
                var rng = SplitMix64(seed: seed &+ UInt64(p.index) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: name.hashValueStable))
                var means = [Double](), diffs = [Double]()
                means.reserveCapacity(replicates); diffs.reserveCapacity(replicates)
                for _ in 0..<replicates {
                    let ra = resampleMean(a, &rng), rb = resampleMean(b, &rng)
                    means.append(ra); diffs.append(ra - rb)
                }
                let observed = mean(a) - mean(b)
                // Permutation: shuffle the labels of all plans, count differences at least as large.
                var pooled = a + b
                var extreme = 0
                for _ in 0..<replicates {
                    pooled.shuffle(using: &rng)
                    let d = mean(Array(pooled[..<a.count])) - mean(Array(pooled[a.count...]))
                    if abs(d) >= abs(observed) - 1e-12 { extreme += 1 }
                }
                let m = Bootstrap.percentiles(means, [0.025, 0.975]), d = Bootstrap.percentiles(diffs, [0.025, 0.975])
                out.append(Difference(group: name, perspective: p, n: a.count, nRest: b.count, mean: mean(a), meanLow: m[0], meanHigh: m[1],
                                      difference: observed, differenceLow: d[0], differenceHigh: d[1],
                                      p: Double(extreme + 1) / Double(replicates + 1)))
            }
        }
        return out
    }

    static func mean(_ v: [Double]) -> Double { v.isEmpty ? 0 : v.reduce(0, +) / Double(v.count) }

    static func resampleMean(_ v: [Double], _ rng: inout SplitMix64) -> Double {
        var sum = 0.0
        for _ in v.indices { sum += v[Int(rng.next() % UInt64(v.count))] }
        return sum / Double(v.count)
    }
}

extension String {
    /// A hash that is the same on every run (Swift's `hashValue` is seeded per process).
    var hashValueStable: UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
