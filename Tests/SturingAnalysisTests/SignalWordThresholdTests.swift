import SturingCore
import Testing
@testable import SturingAnalysis

/// Issue 8: no ranking, mean or case rests on a handful of words.
@Suite struct SignalWordThresholdTests {
    /// Three ranked plans and one of eleven words, two of them signal words (100 % SR).
    static let rows = [
        ShareRow(municipality: "Alfa", province: "P1", profile: ShareProfile([40, 20, 20, 20]), signalWords: 400),
        ShareRow(municipality: "Beta", province: "P2", profile: ShareProfile([20, 40, 20, 20]), signalWords: 300),
        ShareRow(municipality: "Gamma", province: "P3", profile: ShareProfile([20, 20, 40, 20]), signalWords: 200),
        ShareRow(municipality: "Elfwoord", province: "P4", profile: ShareProfile([0, 0, 0, 100]), signalWords: 2),
    ]

    @Test func fewSignalWordsAreSetApart() {
        let r = Ranking(rows: Self.rows, minSignalWords: 20)
        #expect(r.rows.map(\.municipality) == ["Alfa", "Beta", "Gamma"])
        #expect(r.unranked.map(\.municipality) == ["Elfwoord"])
        #expect(r.overall?.n == 3)
        #expect(r.overall?.profile[.sr] == 20)  // the 100 % SR plan does not pull the mean
        for p in Perspective.allCases {
            #expect(!r.top(p, k: 5).contains { $0.municipality == "Elfwoord" })
            #expect(!r.bottom(p, k: 5).contains { $0.municipality == "Elfwoord" })
        }
        #expect(r.means(by: { $0.province }).map(\.group) == ["P1", "P2", "P3"])
    }

    @Test func zeroRestoresRankingEveryPlan() {
        let r = Ranking(rows: Self.rows, minSignalWords: 0)
        #expect(r.unranked.isEmpty)
        #expect(r.top(.sr, k: 1).first?.municipality == "Elfwoord")
    }

    @Test func rowsWithoutACountAreRanked() throws {
        // Appendix G gives shares only: every row is ranked whatever the threshold.
        let r = Ranking(rows: try RankingTests.appendixG().rows, minSignalWords: 20)
        #expect(r.rows.count == 49 && r.unranked.isEmpty)
    }

    @Test func selectionNeverPicksAnUnrankedPlan() {
        let s = CaseSelection.select(Ranking(rows: Self.rows, minSignalWords: 20), top: 1)
        #expect(s.cases[3].municipality != "Elfwoord")
        #expect(!s.cases.flatMap(\.skipped).contains { $0.municipality == "Elfwoord" })
        #expect(!s.averageCandidates.contains { $0.municipality == "Elfwoord" })
        let forced = CaseSelection.select(Ranking(rows: Self.rows, minSignalWords: 20), top: 1, average: "elfwoord")
        #expect(forced.cases[4].municipality == nil)
        #expect(forced.cases[4].note == .notRanked("Elfwoord", signalWords: 2, minimum: 20))
        // Without the threshold the eleven-word plan is the SR case, as before.
        #expect(CaseSelection.select(Ranking(rows: Self.rows), top: 1).cases[3].municipality == "Elfwoord")
    }

    @Test func ranksBySortingWithTies() {
        let rows = [ShareRow(municipality: "A", profile: ShareProfile([10, 30, 30, 30])),
                    ShareRow(municipality: "B", profile: ShareProfile([30, 20, 25, 25])),
                    ShareRow(municipality: "C", profile: ShareProfile([30, 20, 25, 25])),
                    ShareRow(municipality: "D", profile: ShareProfile([20, 40, 20, 20]))]
        #expect(Ranking(rows: rows).ranks(.pa) == [4, 1, 1, 3])
        #expect(Ranking(rows: rows).ranks(.npm) == [2, 3, 3, 1])
    }
}
