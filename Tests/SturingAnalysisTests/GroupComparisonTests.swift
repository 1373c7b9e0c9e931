import SturingCore
import Testing
@testable import SturingAnalysis

/// Known answers for group comparisons (issue 16).
@Suite struct GroupComparisonTests {
    static func rows(_ values: [(String, Double)]) -> [ShareRow] {
        values.map { ShareRow(municipality: "\($0.0)-\($0.1)", region: $0.0, profile: ShareProfile([$0.1, 100 - $0.1, 0, 0])) }
    }

    @Test func aClearDifferenceAndNone() {
        // noord: PA 40, 42, 44, 46; zuid: PA 20, 22, 24, 26 → difference 20 points.
        let r = Self.rows([("noord", 40), ("noord", 42), ("noord", 44), ("noord", 46), ("zuid", 20), ("zuid", 22), ("zuid", 24), ("zuid", 26)])
        let d = GroupComparison.compare(r, by: { $0.region }, replicates: 2000, seed: 3)
        let noordPA = d.first { $0.group == "noord" && $0.perspective == .pa }!
        #expect(noordPA.mean == 43 && noordPA.difference == 20)
        #expect(noordPA.differenceLow > 10 && noordPA.differenceHigh < 30)
        #expect(noordPA.meanLow >= 40 && noordPA.meanHigh <= 46)
        // Only the two extreme splits of 8 plans into 4 and 4 (of 70) are as large: p ≈ 2/70.
        #expect(noordPA.p < 0.06)
        // Identical groups: difference 0, p = 1.
        let same = GroupComparison.compare(Self.rows([("a", 30), ("a", 30), ("b", 30), ("b", 30)]), by: { $0.region }, replicates: 500)
        #expect(same.first { $0.perspective == .pa }!.difference == 0 && same.first { $0.perspective == .pa }!.p == 1)
        // The same seed gives the same result.
        #expect(GroupComparison.compare(r, by: { $0.region }, replicates: 500, seed: 9) == GroupComparison.compare(r, by: { $0.region }, replicates: 500, seed: 9))
    }
}
