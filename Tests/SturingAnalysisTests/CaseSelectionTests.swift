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

/// The bootstrap's replay of the case selection chooses what `CaseSelection.select` chooses.
@Suite struct SelectionReplayTests {
    @Test func theReplayEqualsTheSelectionOnRandomTables() {
        var rng = SplitMix64(seed: 8)
        let provinces = ["Utrecht", "utrecht", "Drenthe", "Zeeland", "Limburg", nil, ""]
        var checked = 0
        for trial in 0..<300 {
            let n = 1 + Int(rng.next() % 30)
            let rows = (0..<n).map { i -> ShareRow in
                // Coarse values, so ties are common.
                let v: [Double] = (0..<4).map { _ in Double(rng.next() % 6) * 5 }
                let total: Double = max(v.reduce(0, +), 1)
                let regions: [String?] = ["noord", "zuid", nil]
                let region = regions[Int(rng.next() % 3)]
                let province = provinces[Int(rng.next() % UInt64(provinces.count))]
                return ShareRow(municipality: "G\(i % 25)", region: region, province: province, profile: ShareProfile(v.map { $0 * 100 / total }))
            }
            let exclude = rng.next() % 3 == 0 ? ["g1", "G4"] : []
            let distinct: CaseSelection.Distinct = [.province, .region, .none][trial % 3]
            let k = 1 + Int(rng.next() % 6)
            let expected = CaseSelection.select(Ranking(rows: rows), exclude: exclude, distinct: distinct, top: k).cases.map(\.municipality)
            let replay = SelectionReplay(rows: rows, exclude: exclude, distinct: distinct, top: k)
            var shares = [Double]()
            for r in rows { shares += r.profile.shares }
            var orders = [[Int32]]()
            for p in 0..<4 {
                let values: [Double] = rows.map { $0.profile.shares[p] }
                orders.append((0..<Int32(n)).sorted { (a: Int32, b: Int32) -> Bool in
                    values[Int(a)] != values[Int(b)] ? values[Int(a)] > values[Int(b)] : a < b
                })
            }
            let picks = shares.withUnsafeBufferPointer { replay.choose(shares: $0, orders: orders) }
            #expect(picks.map { $0 < 0 ? nil : rows[$0].municipality } == expected, "trial \(trial)")
            checked += 1
        }
        #expect(checked == 300)
    }
}
