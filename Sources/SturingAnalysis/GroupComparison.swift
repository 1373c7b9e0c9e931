import SturingCore

/// Honest group comparisons: a group's mean share and the difference between the group and the
/// other plans (percentage points), each with a 95 % bootstrap interval, and one verdict. The plans
/// of the group and of the rest are resampled with replacement, each within its own set
/// (a stratified bootstrap), `replicates` times; the interval is the 2.5 and 97.5 % percentile of
/// the replicates' differences, and the p-value is the two-sided bootstrap p of the same
/// replicates (twice the smaller share of them on either side of 0). So the interval excludes 0
/// exactly when p < 0.05: the two cannot disagree. Seeded and pure.
public enum GroupComparison {
    /// Groups (and rests) with fewer plans than this are too small to judge: their difference is
    /// shown, but gets no verdict.
    public static let minimumToJudge = 5

    /// One group against the rest, for one perspective.
    public struct Difference: Sendable, Equatable {
        /// The group ("G4", "noord").
        public var group: String
        /// The perspective.
        public var perspective: Perspective
        /// Plans in the group.
        public var n: Int
        /// Plans in the rest.
        public var nRest: Int
        /// The group's mean share.
        public var mean: Double
        /// Lower bound of the 95 % interval of the group's mean.
        public var meanLow: Double
        /// Upper bound of that interval.
        public var meanHigh: Double
        /// Group mean minus the rest's mean (percentage points).
        public var difference: Double
        /// Lower bound of the 95 % interval of the difference.
        public var differenceLow: Double
        /// Upper bound of that interval.
        public var differenceHigh: Double
        /// Two-sided bootstrap p-value of the difference (from the same replicates as the interval).
        public var p: Double
        /// Replicates drawn (p is at least 1 / replicates when it is not 0).
        public var replicates: Int

        /// True when the group or the rest has fewer than `minimumToJudge` plans.
        public var tooSmall: Bool { n < GroupComparison.minimumToJudge || nRest < GroupComparison.minimumToJudge }

        /// The verdict: large enough to judge, and the interval excludes 0 (equivalently p < 0.05).
        public var isClear: Bool { !tooSmall && (differenceLow > 0 || differenceHigh < 0) }
    }

    /// Every group of `key` (with at least `minimum` plans, and at least one plan outside it)
    /// against the other plans, per perspective.
    public static func compare(_ rows: [ShareRow], by key: (ShareRow) -> String?, replicates: Int = 2000, seed: UInt64 = 1,
                               minimum: Int = 2) -> [Difference] {
        precondition(replicates > 0)
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
                var rng = SplitMix64(seed: seed, stream: name.hashValueStable &+ UInt64(p.index))
                var means = [Double](), diffs = [Double]()
                means.reserveCapacity(replicates); diffs.reserveCapacity(replicates)
                for _ in 0..<replicates {
                    let ra = resampleMean(a, &rng), rb = resampleMean(b, &rng)
                    means.append(ra); diffs.append(ra - rb)
                }
                diffs.sort()
                let m = Bootstrap.percentiles(means, [0.025, 0.975]), d = Bootstrap.percentiles(diffs, [0.025, 0.975])
                out.append(Difference(group: name, perspective: p, n: a.count, nRest: b.count, mean: mean(a), meanLow: m[0], meanHigh: m[1],
                                      difference: mean(a) - mean(b), differenceLow: d[0], differenceHigh: d[1],
                                      p: twoSidedP(sorted: diffs), replicates: replicates))
            }
        }
        return out
    }

    /// The two-sided bootstrap p-value of 0 among `sorted` replicate values: twice the smaller of
    /// the shares of the distribution at or below 0 and at or above 0, read from the same
    /// interpolated quantile function (`Bootstrap.quantile`, R's type 6) that gives the percentile
    /// interval. Hence p < 0.05 exactly when the 95 % interval excludes 0, and p < α exactly when
    /// the (1 − α) interval does.
    public static func twoSidedP(sorted d: [Double]) -> Double {
        guard let first = d.first, let last = d.last else { return 1 }
        let slots = Double(d.count + 1)  // the k-th value (1-based) stands at quantile k / (N + 1)
        // a: the largest q with Q(q) ≤ 0; b: the smallest q with Q(q) ≥ 0.
        var a = 0.0
        if last <= 0 {
            a = 1
        } else if let j = d.lastIndex(where: { $0 <= 0 }) {
            a = (d[j] == 0 ? Double(j + 1) : Double(j + 1) + (0 - d[j]) / (d[j + 1] - d[j])) / slots
        }
        var b = 1.0
        if first >= 0 {
            b = 0
        } else if let k = d.firstIndex(where: { $0 >= 0 }) {
            b = (d[k] == 0 ? Double(k + 1) : Double(k) + (0 - d[k - 1]) / (d[k] - d[k - 1])) / slots
        }
        return min(1, 2 * min(a, 1 - b))
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
