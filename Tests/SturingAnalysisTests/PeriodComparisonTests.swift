import SturingCore
import Testing
@testable import SturingAnalysis

/// Known answers for comparing two periods (issues 16 and 21).
@Suite struct PeriodComparisonTests {
    typealias Plan = PeriodComparison.Run.Plan

    /// A profile of sentences with one signal word each: `keys[p]` are the keys of perspective p's sentences.
    static func profile(_ keys: [[UInt64]], keyed: Bool = true) -> SentenceProfile {
        let vectors = (0..<4).compactMap { p -> SentenceProfile.Vector? in
            guard !keys[p].isEmpty else { return nil }
            var counts = [0, 0, 0, 0]
            counts[p] = 1
            return .init(counts: counts, times: keys[p].count, keys: keyed ? keys[p].sorted() : [])
        }
        return SentenceProfile(sentences: 200, vectors: vectors.sorted { $0.counts.lexicographicallyPrecedes($1.counts) })
    }

    static func plan(_ name: String, _ keys: [[UInt64]], keyed: Bool = true, terms: [String: (perspective: Perspective, count: Int)] = [:], tokens: Int = 10_000) -> Plan {
        let total = Double(keys.map(\.count).reduce(0, +))
        return Plan(municipality: name, shares: keys.map { Double($0.count) * 100 / total }, tokens: tokens, signalWords: Int(total), terms: terms,
                    sentences: profile(keys, keyed: keyed))
    }

    static func range(_ r: ClosedRange<UInt64>) -> [UInt64] { Array(r) }

    @Test func changesIntervalsAndUnmatchedNames() {
        // Alfa: 40 PA, 20 NPM, 20 NPG, 20 SR sentences in 2015. In 2019 half of its PA sentences
        // are gone and 20 new SR sentences came in; the rest is the same text.
        let before = [Self.range(1...40), Self.range(201...220), Self.range(301...320), Self.range(101...120)]
        let after = [Self.range(1...20), Self.range(201...220), Self.range(301...320), Self.range(101...120) + Self.range(501...520)]
        let a = PeriodComparison.Run(label: "2015", plans: [
            Self.plan("Alfa", before, terms: ["regels": (.pa, 40), "meedoen": (.sr, 20)]),
            Self.plan("Beta", before),
            Plan(municipality: "Gamma", shares: nil, tokens: 100, signalWords: 0, terms: [:]),
        ])
        let b = PeriodComparison.Run(label: "2019", plans: [
            Self.plan("alfa", after, terms: ["regels": (.pa, 40), "meedoen": (.sr, 80)], tokens: 20_000),
            Self.plan("Beta", before),
            Self.plan("Delta", before),
        ])
        let c = PeriodComparison(a, b, replicates: 1000, seed: 4)
        #expect(c.changes.map(\.municipality) == ["Alfa", "Beta"])
        let alfa = c.changes[0]
        #expect(alfa.change == [-20, 0, 0, 20] && alfa.paired)
        #expect(alfa.distance! == (800.0).squareRoot())
        #expect(alfa.isClear(.sr) && alfa.isClear(.pa) && !alfa.isClear(.npm))
        // Per 10,000 tokens: regels 40 → 20 (fell), meedoen 20 → 40 (rose).
        #expect(alfa.rose == [.init(term: "meedoen", perspective: .sr, before: 20, after: 40)])
        #expect(alfa.fell == [.init(term: "regels", perspective: .pa, before: 40, after: 20)])
        #expect(c.onlyBefore == ["Gamma"] && c.onlyAfter == ["Delta"])
        // Beta's text did not change: a change of exactly 0 with an interval of zero width, and
        // it is not listed as moved.
        let beta = c.changes[1]
        #expect(beta.change == [0, 0, 0, 0])
        #expect(beta.interval!.allSatisfy { $0.low == 0 && $0.high == 0 })
        #expect(c.movedMost(10).map(\.municipality) == ["Alfa"])
    }

    @Test func withoutSentenceKeysAnUnchangedPlanStillGetsAnInterval() {
        // Runs of an older version: the two versions are drawn independently.
        let keys = [Self.range(1...30), Self.range(31...50), Self.range(51...70), Self.range(71...100)]
        let a = PeriodComparison.Run(label: "a", plans: [Self.plan("Alfa", keys, keyed: false)])
        let b = PeriodComparison.Run(label: "b", plans: [Self.plan("Alfa", keys, keyed: false)])
        let c = PeriodComparison(a, b, replicates: 500, seed: 1)
        #expect(!c.changes[0].paired && c.changes[0].interval![0].high - c.changes[0].interval![0].low > 5)
        #expect(c.movedMost(5).isEmpty && c.hasIntervals)
    }
}
