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
            let draws = (0..<40_000).map { _ in Double(Bootstrap.poisson(mean, &rng)) }
            let m = draws.reduce(0, +) / Double(draws.count)
            let v = draws.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(draws.count - 1)
            #expect(abs(m - mean) < 0.03 * mean + 0.02, "mean \(mean): \(m)")
            #expect(abs(v - mean) < 0.06 * mean + 0.03, "variance \(mean): \(v)")
        }
    }

    @Test func percentileInterpolatesLikeR() {
        #expect(Bootstrap.percentile([1, 2, 3, 4, 5], 0.5) == 3)
        #expect(Bootstrap.percentile([1, 2, 3, 4], 0.025) == 1.075)
        #expect(Bootstrap.percentile([10], 0.975) == 10)
    }

    @Test func resamplingKeepsTheExpectedShare() {
        // 100 sentences: 30 with one PA word, 10 with one SR word. The mean PA share over many
        // replicates stays near 75 %.
        let p = SentenceProfile(sentences: 100, vectors: [.init(counts: [1, 0, 0, 0], times: 30), .init(counts: [0, 0, 0, 1], times: 10)])
        let b = Bootstrap(profiles: [p], ranked: [true], replicates: 2000, seed: 3)
        #expect(b.plans[0].shareLow[0] < 75 && b.plans[0].shareHigh[0] > 75)
        let mean = b.replicateShares.map { $0[0][.pa] }.reduce(0, +) / 2000
        #expect(abs(mean - 75) < 1.5)
    }
}
