import SturingCore

/// The bootstrap of a change between two versions of one plan (two periods): the sentences both
/// versions hold (the same words, by `SentenceKey`) are drawn the same number of times in both,
/// the others independently, each Poisson(1) times (as in `Bootstrap`). So an unchanged plan has a
/// change of exactly 0 in every replicate, and the interval of a change rests only on the text that
/// changed. Without keys (runs before 0.3) the two versions are drawn independently.
public enum PairedBootstrap {
    /// The 95 % interval of the change B − A of each perspective's share (percentage points), from
    /// `replicates` replicates with `seed` (`stream` tells plans apart), and whether the sentences
    /// could be paired.
    public static func changeIntervals(_ a: SentenceProfile, _ b: SentenceProfile, replicates: Int, seed: UInt64,
                                       stream: UInt64) -> (intervals: [(low: Double, high: Double)], paired: Bool)? {
        guard replicates > 0, a.totals.reduce(0, +) > 0, b.totals.reduce(0, +) > 0 else { return nil }
        let paired = a.hasKeys && b.hasKeys
        let groups = paired ? pairedGroups(a, b) : independentGroups(a, b)
        let sampler = PoissonSampler(means: groups.map(\.times))
        var changes = [[Double]](repeating: [], count: 4)
        for p in 0..<4 { changes[p].reserveCapacity(replicates) }
        for r in 0..<replicates {
            var rng = SplitMix64(seed: seed, stream: stream &* 0x1_0000_0001 &+ UInt64(r))
            let (sa, sb) = draw(groups, sampler, &rng)
            for p in 0..<4 { changes[p].append(sb[p] - sa[p]) }
        }
        let intervals = changes.map { c -> (low: Double, high: Double) in
            let q = Bootstrap.percentiles(c, [0.025, 0.975])
            return (q[0], q[1])
        }
        return (intervals, paired)
    }

    /// Sentences drawn together: `times` of them, each adding `a` to version A's counts and `b` to B's.
    struct Group {
        var a: SIMD4<Int>
        var b: SIMD4<Int>
        var times: Double
    }

    /// Groups of sentences by their counts in A and in B: a key both versions hold pairs one
    /// sentence of each (as many as the smaller number of times it occurs), the rest stand alone.
    static func pairedGroups(_ a: SentenceProfile, _ b: SentenceProfile) -> [Group] {
        func occurrences(_ p: SentenceProfile) -> [UInt64: [SIMD4<Int>]] {
            var out = [UInt64: [SIMD4<Int>]]()
            for v in p.vectors {
                let c = SIMD4(v.counts[0], v.counts[1], v.counts[2], v.counts[3])
                for k in v.keys { out[k, default: []].append(c) }
            }
            return out
        }
        let oa = occurrences(a), ob = occurrences(b)
        var times = [[Int]: Int]()  // (a lanes, b lanes) → multiplicity
        func add(_ x: SIMD4<Int>, _ y: SIMD4<Int>) { times[[x[0], x[1], x[2], x[3], y[0], y[1], y[2], y[3]], default: 0] += 1 }
        for (key, list) in oa {
            let other = ob[key] ?? []
            for (i, c) in list.enumerated() { add(c, i < other.count ? other[i] : .zero) }
        }
        for (key, list) in ob {
            let shared = oa[key]?.count ?? 0
            for c in list.dropFirst(shared) { add(.zero, c) }
        }
        return times.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map {
            Group(a: SIMD4($0.key[0], $0.key[1], $0.key[2], $0.key[3]), b: SIMD4($0.key[4], $0.key[5], $0.key[6], $0.key[7]), times: Double($0.value))
        }
    }

    /// Each version's vectors on their own (no sentence drawn in both).
    static func independentGroups(_ a: SentenceProfile, _ b: SentenceProfile) -> [Group] {
        a.vectors.map { Group(a: SIMD4($0.counts[0], $0.counts[1], $0.counts[2], $0.counts[3]), b: .zero, times: Double($0.times)) }
            + b.vectors.map { Group(a: .zero, b: SIMD4($0.counts[0], $0.counts[1], $0.counts[2], $0.counts[3]), times: Double($0.times)) }
    }

    /// One replicate's shares of A and B (percent); a replicate in which either version draws no
    /// signal word is drawn again (at most 100 times; then the observed shares).
    static func draw(_ groups: [Group], _ sampler: PoissonSampler, _ rng: inout SplitMix64) -> ([Double], [Double]) {
        for _ in 0..<100 {
            var ca = SIMD4<Int>.zero, cb = SIMD4<Int>.zero
            for (i, g) in groups.enumerated() {
                let k = sampler.draw(i, &rng)
                if k == 0 { continue }
                ca &+= g.a &* k
                cb &+= g.b &* k
            }
            let ta = ca.wrappedSum(), tb = cb.wrappedSum()
            if ta > 0 && tb > 0 { return (shares(ca, ta), shares(cb, tb)) }
        }
        var ca = SIMD4<Int>.zero, cb = SIMD4<Int>.zero
        for g in groups { ca &+= g.a &* Int(g.times); cb &+= g.b &* Int(g.times) }
        return (shares(ca, ca.wrappedSum()), shares(cb, cb.wrappedSum()))
    }

    static func shares(_ c: SIMD4<Int>, _ total: Int) -> [Double] {
        (0..<4).map { Double(c[$0]) * 100 / Double(total) }
    }
}
