import SturingCore
import Testing
@testable import SturingAnalysis

/// Known answers for group comparisons (issues 16 and 21).
@Suite struct GroupComparisonTests {
    static func rows(_ values: [(String, Double)]) -> [ShareRow] {
        values.map { ShareRow(municipality: "\($0.0)-\($0.1)", region: $0.0, profile: ShareProfile([$0.1, 100 - $0.1, 0, 0])) }
    }

    @Test func aClearDifferenceAndNone() {
        // noord: PA 40, 42, 44, 46, 48; zuid: PA 20, 22, 24, 26, 28 → difference 20 points.
        let r = Self.rows([("noord", 40), ("noord", 42), ("noord", 44), ("noord", 46), ("noord", 48),
                           ("zuid", 20), ("zuid", 22), ("zuid", 24), ("zuid", 26), ("zuid", 28)])
        let d = GroupComparison.compare(r, by: { $0.region }, replicates: 2000, seed: 3)
        let noordPA = d.first { $0.group == "noord" && $0.perspective == .pa }!
        #expect(noordPA.mean == 44 && noordPA.difference == 20)
        #expect(noordPA.differenceLow > 10 && noordPA.differenceHigh < 30)
        #expect(noordPA.meanLow >= 40 && noordPA.meanHigh <= 48)
        // No replicate comes near 0: p is below 1 / N, and the verdict is clear.
        #expect(noordPA.p < 1.0 / 2000 && noordPA.isClear && !noordPA.tooSmall)
        // Identical groups: difference 0, every replicate 0, p = 1.
        let same = GroupComparison.compare(Self.rows([("a", 30), ("a", 30), ("b", 30), ("b", 30)]), by: { $0.region }, replicates: 500)
        #expect(same.first { $0.perspective == .pa }!.difference == 0 && same.first { $0.perspective == .pa }!.p == 1)
        // The same seed gives the same result.
        #expect(GroupComparison.compare(r, by: { $0.region }, replicates: 500, seed: 9) == GroupComparison.compare(r, by: { $0.region }, replicates: 500, seed: 9))
    }

    @Test func groupsOfFewerThanFivePlansGetNoVerdict() {
        // Three plans against three, 20 points apart: too small to judge, however clear it looks.
        let r = Self.rows([("noord", 40), ("noord", 42), ("noord", 44), ("zuid", 20), ("zuid", 22), ("zuid", 24)])
        let d = GroupComparison.compare(r, by: { $0.region }, replicates: 1000, seed: 3)
        #expect(d.allSatisfy { $0.tooSmall && !$0.isClear })
    }

    @Test func theIntervalAndThePValueNeverDisagree() {
        // Random groups of 5 to 12 plans with overlapping values: in every comparison the interval
        // excludes 0 exactly when p < 0.05.
        var rng = SplitMix64(seed: 21)
        var checked = 0, clear = 0
        for trial in 0..<150 {
            let shift = Double(rng.next() % 12)
            var values = [(String, Double)]()
            for _ in 0..<(5 + Int(rng.next() % 8)) { values.append(("a", 20 + shift + Double(rng.next() % 200) / 10)) }
            for _ in 0..<(5 + Int(rng.next() % 8)) { values.append(("b", 20 + Double(rng.next() % 200) / 10)) }
            for x in GroupComparison.compare(Self.rows(values), by: { $0.region }, replicates: 200 + trial, seed: UInt64(trial)) {
                let excludes = x.differenceLow > 0 || x.differenceHigh < 0
                #expect(excludes == (x.p < 0.05), "trial \(trial): \(x.differenceLow)–\(x.differenceHigh), p \(x.p)")
                checked += 1
                if excludes { clear += 1 }
            }
        }
        // Both verdicts occur, so the check means something.
        #expect(checked > 500 && clear > 50 && clear < checked - 50)
    }

    @Test func theBootstrapPOfKnownSortedReplicates() {
        // 101 replicates −10, −9, …, 90: 0 is the 11th, at quantile 11 / 102 (type 6), so p = 22 / 102.
        let d = (0...100).map { Double($0 - 10) }
        #expect(abs(GroupComparison.twoSidedP(sorted: d) - 22.0 / 102) < 1e-12)
        #expect(GroupComparison.twoSidedP(sorted: [1, 2, 3]) == 0)
        #expect(GroupComparison.twoSidedP(sorted: [0, 0, 0]) == 1)
    }
}
