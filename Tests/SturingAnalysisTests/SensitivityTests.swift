import SturingCore
import Testing
@testable import SturingAnalysis

/// Known answers for Kendall's tau and leave-one-term-out (issue 12).
@Suite struct SensitivityTests {
    @Test func kendallTauOfIdenticalAndReversedRankings() {
        let x = [10.0, 20, 30, 40, 50]
        #expect(KendallTau.tauB(x, x) == 1)
        #expect(KendallTau.tauB(x, x.reversed()) == -1)
        #expect(KendallTau.tauB([1], [1]) == nil)
        #expect(KendallTau.tauB([1, 1, 1], [1, 2, 3]) == nil)
    }

    @Test func kendallTauBWithTiesMatchesScipy() {
        // scipy.stats.kendalltau([1,2,2,3,4], [1,3,2,2,4]) = 0.6666667: 7 concordant, 1 discordant, one tie on each side
        let tau = KendallTau.tauB([1, 2, 2, 3, 4], [1, 3, 2, 2, 4])!
        #expect(abs(tau - 2.0 / 3.0) < 1e-12)
    }

    @Test func leavingOutTheOnlyMatchingTermDropsThatPerspectiveToZero() {
        let terms = [Sensitivity.TermCounts(municipality: "A", counts: [5, 0, 3, 2],
                                            terms: [("regelen", .pa, 5), ("samenwerken", .npg, 3), ("meedoen", .sr, 2)])]
        let rows = [ShareRow(municipality: "A", profile: ShareProfile([50, 0, 30, 20]), signalWords: 10)]
        let s = Sensitivity(variants: [.init(name: "lexicon", rows: rows, minSignalWords: 0)], baseTerms: terms)
        let regelen = s.termEffects.first { $0.term == "regelen" }!
        // PA goes from 50 % to 0 %: the largest change is the whole share.
        #expect(regelen.largestChange == 50)
        #expect(s.termEffects.first?.term == "regelen")
    }

    @Test func variantsAreComparedOnSharesRanksAndCases() {
        let base = [ShareRow(municipality: "A", province: "P1", profile: ShareProfile([40, 20, 20, 20]), signalWords: 100),
                    ShareRow(municipality: "B", province: "P2", profile: ShareProfile([30, 30, 20, 20]), signalWords: 100),
                    ShareRow(municipality: "C", province: "P3", profile: ShareProfile([20, 20, 40, 20]), signalWords: 100)]
        var other = base
        other[0].profile = ShareProfile([25, 25, 25, 25])  // A loses its PA lead to B
        let s = Sensitivity(variants: [.init(name: "lexicon", rows: base, minSignalWords: 20), .init(name: "exact", rows: other, minSignalWords: 20)],
                            baseTerms: [], distinct: .none, top: 1)
        #expect(s.plans[0].largestChange[0] == 15)
        #expect(s.flips.contains(Sensitivity.Flip(role: "PA", variant: "exact", base: "A", other: "B")))
        #expect(s.agreements[0].n == 3)
    }
}
