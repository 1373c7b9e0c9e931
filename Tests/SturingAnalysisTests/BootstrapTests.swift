import Foundation
import SturingCore
import Testing
@testable import SturingAnalysis

/// Known answers for the bootstrap (issue 12).
@Suite struct BootstrapTests {
    /// A plan of `n` sentences that all have the same counts.
    static func uniform(_ counts: [Int], sentences n: Int) -> SentenceProfile {
        SentenceProfile(sentences: n, vectors: [.init(counts: counts, times: n)])
    }

    static let plans = [
        SentenceProfile(sentences: 40, vectors: [.init(counts: [1, 0, 0, 0], times: 10), .init(counts: [0, 1, 0, 0], times: 6),
                                                 .init(counts: [0, 0, 2, 0], times: 4), .init(counts: [0, 0, 0, 1], times: 5)]),
        SentenceProfile(sentences: 30, vectors: [.init(counts: [2, 1, 0, 0], times: 8), .init(counts: [0, 0, 1, 1], times: 9)]),
        SentenceProfile(sentences: 50, vectors: [.init(counts: [0, 3, 0, 0], times: 5), .init(counts: [1, 0, 1, 1], times: 12)]),
        uniform([1, 1, 1, 1], sentences: 20),
    ]

    @Test func aPlanWhoseSentencesAllHaveOneProfileHasAZeroWidthInterval() {
        let b = Bootstrap(profiles: [Self.uniform([2, 1, 1, 0], sentences: 25)], ranked: [true], replicates: 200, seed: 7)
        #expect(b.plans[0].shareLow == [50, 25, 25, 0])
        #expect(b.plans[0].shareHigh == [50, 25, 25, 0])
    }

    @Test func theSameSeedGivesTheSameTable() {
        let a = Bootstrap(profiles: Self.plans, ranked: [true, true, true, true], replicates: 300, seed: 42)
        let b = Bootstrap(profiles: Self.plans, ranked: [true, true, true, true], replicates: 300, seed: 42)
        let c = Bootstrap(profiles: Self.plans, ranked: [true, true, true, true], replicates: 300, seed: 43)
        #expect(a.plans == b.plans)
        #expect(a.plans != c.plans)
    }

    @Test func chancesOfRankingFirstSumToOne() {
        let b = Bootstrap(profiles: Self.plans, ranked: [true, true, true, true], replicates: 500, seed: 1)
        for p in 0..<4 {
            let sum = b.plans.compactMap { $0.pTop1?[p] }.reduce(0, +)
            #expect(abs(sum - 1) < 1e-9)
        }
        for plan in b.plans {
            for p in 0..<4 {
                #expect(plan.shareLow[p] <= plan.shareHigh[p])
                #expect(plan.rankLow![p] <= plan.rankHigh![p] && plan.rankLow![p] >= 1 && plan.rankHigh![p] <= 4)
            }
        }
    }

    @Test func unrankedPlansGetShareIntervalsOnly() {
        let b = Bootstrap(profiles: Self.plans, ranked: [true, false, true, true], replicates: 100, seed: 1)
        #expect(b.plans[1].rankLow == nil && b.plans[1].pTop1 == nil)
        #expect(b.plans[0].rankHigh!.allSatisfy { $0 <= 3 })
        #expect(b.rankedIndices == [0, 2, 3])
    }

    @Test func poissonDrawsHaveTheRightMeanAndVariance() {
        var rng = SplitMix64(seed: 9)
        for mean in [0.5, 3.0, 11.0, 12.0, 40.0, 500.0] {
            let sampler = PoissonSampler(mean: mean)
            let draws = (0..<40_000).map { _ in Double(sampler.draw(&rng)) }
            let m = draws.reduce(0, +) / Double(draws.count)
            let v = draws.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(draws.count - 1)
            #expect(abs(m - mean) < 0.03 * mean + 0.02, "mean \(mean): \(m)")
            #expect(abs(v - mean) < 0.06 * mean + 0.03, "variance \(mean): \(v)")
        }
    }

    @Test func percentileInterpolatesLikeRsTypeSix() {
        // R: quantile(c(1, 2, 3, 4, 5), 0.5, type = 6) = 3; quantile(1:4, 0.4, type = 6) = 2;
        // quantile(1:9, 0.25, type = 6) = 2.5; the ends are clamped.
        #expect(Bootstrap.percentile([1, 2, 3, 4, 5], 0.5) == 3)
        #expect(Bootstrap.percentile([1, 2, 3, 4], 0.4) == 2)
        #expect(Bootstrap.percentile(Array(1...9).map(Double.init), 0.25) == 2.5)
        #expect(Bootstrap.percentile([1, 2, 3, 4], 0.025) == 1 && Bootstrap.percentile([1, 2, 3, 4], 0.975) == 4)
        #expect(Bootstrap.percentile([10], 0.975) == 10)
    }

    @Test func resamplingKeepsTheExpectedShare() {
        // 100 sentences: 30 with one PA word, 10 with one SR word. The mean PA share over many
        // replicates stays near 75 %.
        let p = SentenceProfile(sentences: 100, vectors: [.init(counts: [1, 0, 0, 0], times: 30), .init(counts: [0, 0, 0, 1], times: 10)])
        let b = Bootstrap(profiles: [p], ranked: [true], replicates: 2000, seed: 3)
        #expect(b.plans[0].shareLow[0] < 75 && b.plans[0].shareHigh[0] > 75)
        let mean = b.replicateShares(plan: 0).map { $0[0] }.reduce(0, +) / 2000
        #expect(abs(mean - 75) < 1.5)
    }

    // MARK: - Known answers at any number of replicates (issue 21)

    /// A plan of `n` independent sentences that each hold one signal word, `k` of PA and the rest
    /// of SR. Under the Poisson bootstrap the PA share is 100·X/(X+Y) with X ~ Poisson(k) and
    /// Y ~ Poisson(n − k) independent: given the total T, X ~ Binomial(T, k/n). The exact 2.5 and
    /// 97.5 % quantiles of that distribution are computed here (replicates without any signal word
    /// are drawn again, so T ≥ 1).
    static func exactShareQuantiles(k: Int, n: Int) -> (low: Double, high: Double) {
        let p = Double(k) / Double(n), mean = Double(n)
        var mass = [Double: Double]()
        var logPT = -mean  // log P(T = 0)
        for t in 1...(3 * n) {
            logPT += Foundation.log(mean) - Foundation.log(Double(t))
            let pt = Foundation.exp(logPT)
            if pt < 1e-15 { if t > n { break } else { continue } }
            var logB = Double(t) * Foundation.log(1 - p)  // log P(X = 0 | T = t)
            for x in 0...t {
                if x > 0 { logB += Foundation.log(Double(t - x + 1)) - Foundation.log(Double(x)) + Foundation.log(p) - Foundation.log(1 - p) }
                mass[100 * Double(x) / Double(t), default: 0] += pt * Foundation.exp(logB)
            }
        }
        let total = mass.values.reduce(0, +)
        var cumulative = 0.0, low = Double.nan, high = Double.nan
        for (share, m) in mass.sorted(by: { $0.key < $1.key }) {
            cumulative += m / total
            if low.isNaN && cumulative >= 0.025 { low = share }
            if high.isNaN && cumulative >= 0.975 { high = share; break }
        }
        return (low, high)
    }

    static let independent = SentenceProfile(sentences: 100, vectors: [.init(counts: [1, 0, 0, 0], times: 30), .init(counts: [0, 0, 0, 1], times: 70)])

    @Test func theIntervalOfIndependentSentencesHasTheExactWidthAtEveryNumberOfReplicates() {
        let exact = Self.exactShareQuantiles(k: 30, n: 100)
        let exactWidth = exact.high - exact.low
        // The binomial approximation: 2 · 1.96 · √(0.3 · 0.7 / 100) · 100 ≈ 18 points.
        #expect(abs(exactWidth - 17.96) < 1.5, "exact width \(exactWidth)")
        // The Monte Carlo standard deviation of a 95 % percentile width is about 1.7 points at
        // N = 100 and 1 point at N = 300; averaged over 10 seeds, a third of that.
        for (replicates, tolerance) in [(50, 2.8), (100, 2.0), (300, 1.2), (2000, 0.6)] {
            var widths = [Double]()
            for seed in 1...10 {
                let b = Bootstrap(profiles: [Self.independent], ranked: [true], replicates: replicates, seed: UInt64(seed))
                let i = b.plans[0]
                #expect(i.shareLow[0] <= 30 && i.shareHigh[0] >= 30, "N = \(replicates), seed \(seed): \(i.shareLow[0])–\(i.shareHigh[0]) misses 30")
                widths.append(i.shareHigh[0] - i.shareLow[0])
            }
            let mean = widths.reduce(0, +) / Double(widths.count)
            #expect(abs(mean - exactWidth) < tolerance, "N = \(replicates): mean width \(mean), exact \(exactWidth)")
        }
    }

    @Test func replicatesAreIndependentDraws() {
        // Neighbouring replicates must not be near-copies: the correlation of the PA share between
        // replicate r and r + 1 is near 0 (a stream started at seed + r·γ gave nearly 1).
        let b = Bootstrap(profiles: [Self.independent], ranked: [true], replicates: 2000, seed: 1)
        let x = b.replicateShares(plan: 0).map { $0[0] }
        let a = Array(x.dropLast()), c = Array(x.dropFirst())
        let ma = a.reduce(0, +) / Double(a.count), mc = c.reduce(0, +) / Double(c.count)
        let cov = zip(a, c).map { ($0 - ma) * ($1 - mc) }.reduce(0, +)
        let r = cov / (a.map { ($0 - ma) * ($0 - ma) }.reduce(0, +) * c.map { ($0 - mc) * ($0 - mc) }.reduce(0, +)).squareRoot()
        #expect(abs(r) < 0.1, "lag-1 correlation \(r)")
    }

    @Test func everyShareIntervalHoldsItsShareAtFiftyReplicatesAndMore() {
        var rng = SplitMix64(seed: 77)
        var plans = Self.plans
        for _ in 0..<40 {
            var vectors = [[Int]: Int]()
            for _ in 0..<(3 + Int(rng.next() % 40)) {
                let v = (0..<4).map { _ in Int(rng.next() % 3) }
                if v.reduce(0, +) > 0 { vectors[v, default: 0] += 1 + Int(rng.next() % 4) }
            }
            plans.append(SentenceProfile(sentences: 200, vectors: SentenceProfile.sorted(vectors)))
        }
        for replicates in [50, 100, 300] {
            let b = Bootstrap(profiles: plans, ranked: plans.map { _ in true }, replicates: replicates, seed: 11)
            for (i, plan) in plans.enumerated() {
                let t = plan.totals, total = Double(t.reduce(0, +))
                for p in 0..<4 {
                    let share = Double(t[p]) * 100 / total
                    #expect(b.plans[i].shareLow[p] <= share + 1e-9 && b.plans[i].shareHigh[p] >= share - 1e-9,
                            "N = \(replicates), plan \(i), perspective \(p): \(b.plans[i].shareLow[p])–\(b.plans[i].shareHigh[p]) misses \(share)")
                }
            }
        }
    }

    @Test func twoPlansAlikeEachRankFirstHalfTheTime() {
        // Two plans with the same profile: each comes first in about half of the replicates, at
        // any N; their rank intervals span both places.
        for replicates in [100, 300, 2000] {
            let b = Bootstrap(profiles: [Self.independent, Self.independent], ranked: [true, true], replicates: replicates, seed: 5)
            let p0 = b.plans[0].pTop1![0]
            let tolerance = 4 * (0.25 / Double(replicates)).squareRoot() + 0.01
            #expect(abs(p0 - 0.5) < tolerance, "N = \(replicates): p_top1 \(p0)")
            #expect(b.plans[0].rankLow![0] == 1 && b.plans[0].rankHigh![0] == 2)
        }
    }

    /// The tight loop for plans whose means are all tabled (two vectors from each 64-bit draw)
    /// gives, replicate by replicate, exactly the shares the general draw one variate at a time
    /// gives: for an odd and an even number of vectors, for a plan with a mean drawn by PTRS, and
    /// for a plan of one sentence whose replicates often draw nothing and are drawn again.
    @Test func theTightLoopDrawsWhatTheOneAtATimeDrawGives() {
        let profiles = [
            SentenceProfile(sentences: 9, vectors: [.init(counts: [137, 0, 0, 0], times: 1), .init(counts: [0, 88, 12, 0], times: 1),
                                                    .init(counts: [0, 0, 0, 61], times: 2)]),
            SentenceProfile(sentences: 30, vectors: [.init(counts: [5, 0, 0, 0], times: 1), .init(counts: [0, 3, 0, 0], times: 1),
                                                     .init(counts: [0, 0, 7, 0], times: 3), .init(counts: [1, 1, 1, 1], times: 2)]),
            SentenceProfile(sentences: 400, vectors: [.init(counts: [1, 0, 0, 0], times: 150), .init(counts: [0, 2, 0, 1], times: 1)]),
            SentenceProfile(sentences: 3, vectors: [.init(counts: [0, 0, 45, 0], times: 1)]),
        ]
        let replicates = 300, seed: UInt64 = 11
        let b = Bootstrap(profiles: profiles, ranked: [true, true, true, true], replicates: replicates, seed: seed)
        let sampler = PoissonSampler(means: profiles.flatMap { $0.vectors.map { Double($0.times) } })
        var first = 0
        for (plan, profile) in profiles.enumerated() {
            let shares = b.replicateShares(plan: plan)
            for r in 0..<replicates {
                var halves = HalfUniforms(SplitMix64(seed: seed, stream: UInt64(plan) << 32 | UInt64(r)))
                var expected = [0.0, 0, 0, 0]
                for _ in 0..<100 {
                    var c = [0, 0, 0, 0]
                    for (j, v) in profile.vectors.enumerated() {
                        let k = sampler.withTables { $0.draw(first + j, &halves) }
                        for p in 0..<4 { c[p] += v.counts[p] * k }
                    }
                    let total = c.reduce(0, +)
                    guard total > 0 else { continue }
                    expected = c.map { Double($0) * 100 / Double(total) }
                    break
                }
                #expect(shares[r] == expected, "plan \(plan), replicate \(r)")
            }
            first += profile.vectors.count
        }
    }
}
