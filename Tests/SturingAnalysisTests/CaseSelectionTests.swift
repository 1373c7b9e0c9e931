import SturingCore
import Testing
@testable import SturingAnalysis

@Suite struct CaseSelectionTests {
    @Test func appendixGWithoutExclusions() throws {
        let s = CaseSelection.select(try RankingTests.appendixG())
        #expect(s.cases.map(\.role) == ["PA", "NPM", "NPG", "SR", "average"])
        #expect(s.cases[0].municipality == "Haarlemmermeer")
        #expect(s.cases[1].municipality == "Zwolle")
        #expect(s.cases[2].municipality == "Helmond")
        #expect(s.cases[0].rank == 1)
        let average = try #require(s.cases[4].municipality)
        #expect(s.averageCandidates.first?.municipality == average)
        #expect(s.averageCandidates.map(\.distance) == s.averageCandidates.map(\.distance).sorted())
    }

    @Test func exclusionsAndProvinceRuleAreExplained() throws {
        let s = CaseSelection.select(try RankingTests.appendixG(), exclude: ["haarlemmermeer"])
        #expect(s.cases[0].skipped.first == CaseSelection.Skip(municipality: "Haarlemmermeer", reasons: [.excluded]))
        // Amsterdam is next in PA, in Noord-Holland like Haarlemmermeer; with Haarlemmermeer excluded it is chosen.
        #expect(s.cases[0].municipality == "Amsterdam")
        #expect(s.cases[0].rank == 2)
    }

    @Test func provinceClashSkipsToTheNext() {
        let rows = [
            ShareRow(municipality: "A", province: "P1", profile: ShareProfile([40, 20, 20, 20])),
            ShareRow(municipality: "B", province: "P1", profile: ShareProfile([20, 40, 20, 20])),
            ShareRow(municipality: "C", province: "P2", profile: ShareProfile([20, 35, 25, 20])),
            ShareRow(municipality: "D", province: "P3", profile: ShareProfile([25, 25, 25, 25])),
        ]
        let s = CaseSelection.select(Ranking(rows: rows), top: 1)
        #expect(s.cases[1].municipality == "C")
        #expect(s.cases[1].rank == 2)
        #expect(s.cases[1].skipped == [CaseSelection.Skip(municipality: "B", reasons: [.clash(rule: .province, group: "P1", with: "A", role: "PA")])])
        #expect(s.cases[1].skipped[0].reason == "same province (P1) as A, chosen for PA")
        let none = CaseSelection.select(Ranking(rows: rows), distinct: .none, top: 1)
        #expect(none.cases[1].municipality == "B")
    }

    @Test func forcedAverageSaysWhetherItQualifies() throws {
        let g = try RankingTests.appendixG()
        let forced = CaseSelection.select(g, average: "Haarlemmermeer")
        #expect(forced.cases[4].municipality == "Haarlemmermeer")
        #expect(forced.cases[4].note?.description.contains("does not qualify") == true)
        let unknown = CaseSelection.select(g, average: "Atlantis")
        #expect(unknown.cases[4].municipality == nil)
    }
}
