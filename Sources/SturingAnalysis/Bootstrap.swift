import SturingCore

/// How sure a share, a rank and a case selection are: each plan's sentences are resampled with
/// replacement (their per-sentence count vectors, not the text), N times with a seed, and each
/// replicate's shares are ranked again (Benoit, Laver & Mikhaylov 2009; Goldstein & Spiegelhalter
/// 1996). Pure and deterministic: the same plans, N and seed give the same result.
public struct Bootstrap: Sendable {
    /// One plan's intervals, per perspective in the order PA, NPM, NPG, SR.
    public struct PlanIntervals: Sendable, Equatable {
        /// 95 % percentile interval of the share (percent).
        public var shareLow: [Double]
        /// Upper bound of that interval.
        public var shareHigh: [Double]
        /// 95 % interval of the plan's rank among ranked plans (nil for unranked plans).
        public var rankLow: [Int]?
        /// Upper bound of the rank interval.
        public var rankHigh: [Int]?
        /// Share of replicates in which the plan ranks first, 0...1 (ties split); nil when unranked.
        public var pTop1: [Double]?
    }

    /// Replicates drawn.
    public let replicates: Int
    /// The seed.
    public let seed: UInt64
    /// Per plan, in input order.
    public let plans: [PlanIntervals]
    /// Each replicate's shares of the ranked plans: replicateShares[r][i] = the i-th ranked plan's profile.
    public let replicateShares: [[ShareProfile]]
    /// Indices (into the input) of the ranked plans, in input order.
    public let rankedIndices: [Int]

    /// Resamples `profiles` (one per plan) `replicates` times; `ranked` says which plans take
    /// part in ranks (the others get share intervals only).
    public init(profiles: [SentenceProfile], ranked: [Bool], replicates: Int, seed: UInt64) {
        precondition(profiles.count == ranked.count && replicates > 0)
        self.replicates = replicates
        self.seed = seed
        let rankedIndices = ranked.indices.filter { ranked[$0] }
        self.rankedIndices = rankedIndices
        let rankedPosition = Dictionary(uniqueKeysWithValues: rankedIndices.enumerated().map { ($1, $0) })
        // Each plan's non-zero sentences expanded once, so a draw is one index.
        let expanded: [[Int]] = profiles.map { p in p.vectors.indices.flatMap { Array(repeating: $0, count: p.vectors[$0].times) } }
        var rng = SplitMix64(seed: seed)
        var shares = [[[Double]]](repeating: [], count: profiles.count)  // plan → replicate → 4 shares
        for i in profiles.indices { shares[i].reserveCapacity(replicates) }
        var replicateShares = [[ShareProfile]]()
        replicateShares.reserveCapacity(replicates)
        for _ in 0..<replicates {
            var row = [ShareProfile](repeating: ShareProfile([0, 0, 0, 0]), count: rankedIndices.count)
            for (i, profile) in profiles.enumerated() {
                let s = Self.resample(profile, expanded: expanded[i], rng: &rng)
                shares[i].append(s)
                if let k = rankedPosition[i] { row[k] = ShareProfile(s) }
            }
            replicateShares.append(row)
        }
        self.replicateShares = replicateShares
        // Ranks of the ranked plans in every replicate, per perspective.
        var ranks = [[[Int]]](repeating: [[Int]](repeating: [], count: 4), count: rankedIndices.count)
        var top1 = [[Double]](repeating: [0, 0, 0, 0], count: rankedIndices.count)
        for row in replicateShares {
            let ranking = Ranking(rows: row.map { ShareRow(municipality: "", profile: $0) })
            for p in Perspective.allCases {
                let r = ranking.ranks(p)
                let firsts = r.indices.filter { r[$0] == 1 }
                for k in r.indices { ranks[k][p.index].append(r[k]) }
                for k in firsts { top1[k][p.index] += 1 / Double(firsts.count) }
            }
        }
        plans = profiles.indices.map { i in
            let low = (0..<4).map { p in Self.percentile(shares[i].map { $0[p] }, 0.025) }
            let high = (0..<4).map { p in Self.percentile(shares[i].map { $0[p] }, 0.975) }
            guard let k = rankedPosition[i] else { return PlanIntervals(shareLow: low, shareHigh: high) }
            return PlanIntervals(shareLow: low, shareHigh: high,
                                 rankLow: (0..<4).map { Int(Self.percentile(ranks[k][$0].map(Double.init), 0.025).rounded(.down)) },
                                 rankHigh: (0..<4).map { Int(Self.percentile(ranks[k][$0].map(Double.init), 0.975).rounded(.up)) },
                                 pTop1: top1[k].map { $0 / Double(replicates) })
        }
    }

    /// One replicate's shares of a plan: its sentences drawn with replacement. A replicate without
    /// signal words gives shares of 0.
    static func resample(_ profile: SentenceProfile, expanded: [Int], rng: inout SplitMix64) -> [Double] {
        var counts = [0, 0, 0, 0]
        let n = UInt64(profile.sentences)
        guard n > 0 else { return [0, 0, 0, 0] }
        let m = UInt64(expanded.count)
        for _ in 0..<profile.sentences {
            let u = rng.next() % n
            if u < m {
                let v = profile.vectors[expanded[Int(u)]].counts
                counts[0] += v[0]; counts[1] += v[1]; counts[2] += v[2]; counts[3] += v[3]
            }
        }
        let total = Double(counts.reduce(0, +))
        return total > 0 ? counts.map { Double($0) * 100 / total } : [0, 0, 0, 0]
    }

    /// The q-quantile with linear interpolation between order statistics (R's type 7).
    public static func percentile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let h = Double(sorted.count - 1) * q
        let lo = Int(h.rounded(.down)), hi = Int(h.rounded(.up))
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// How often each case of `selection` is chosen again in the replicates: per role, the share of
    /// replicates (0...1) in which the same municipality gets that role, with the same rules.
    public func selectionStability(_ selection: CaseSelection, rows: [ShareRow], exclude: [String],
                                   distinct: CaseSelection.Distinct, top k: Int) -> [String: Double] {
        var same = [String: Int]()
        for replicate in replicateShares {
            var replicateRows = rows
            for i in replicateRows.indices { replicateRows[i].profile = replicate[i] }
            let again = CaseSelection.select(Ranking(rows: replicateRows), exclude: exclude, distinct: distinct, top: k)
            for (chosen, redo) in zip(selection.cases, again.cases) where chosen.municipality != nil && chosen.municipality == redo.municipality {
                same[chosen.role, default: 0] += 1
            }
        }
        return Dictionary(uniqueKeysWithValues: selection.cases.map { ($0.role, Double(same[$0.role] ?? 0) / Double(replicates)) })
    }
}
