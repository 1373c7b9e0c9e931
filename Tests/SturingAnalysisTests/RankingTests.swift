import Foundation
import SturingCore
import Testing
@testable import SturingAnalysis

@Suite struct RankingTests {
    static func appendixG() throws -> Ranking {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../data/nijdam-2019-bijlage-g.csv").standardized
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        return Ranking(rows: lines.map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return ShareRow(municipality: f[0], category: f[1], region: f[2], province: f[3], profile: ShareProfile(f[4...7].map { Double($0)! }))
        })
    }

    @Test func publishedPATopFive() throws {
        let top = try Self.appendixG().top(.pa, k: 5)
        #expect(top.map(\.municipality) == ["Haarlemmermeer", "Amsterdam", "Nijmegen", "Nissewaard", "Bergen op Zoom"])
        #expect(top.map(\.share) == [34.4, 33.6, 32.4, 31.4, 30.1])
        #expect(top.map(\.rank) == [1, 2, 3, 4, 5])
    }

    @Test func npgTieAtTheCutSharesRankFive() throws {
        let top = try Self.appendixG().top(.npg, k: 5)
        #expect(top.count == 6)
        #expect(top.suffix(2).map(\.rank) == [5, 5])
        #expect(Set(top.suffix(2).map(\.municipality)) == ["Amersfoort", "Vlaardingen"])
        #expect(top.suffix(2).allSatisfy { $0.share == 42.7 })
    }

    @Test func paBottomFiveIncludesHaarlem() throws {
        let bottom = try Self.appendixG().bottom(.pa, k: 5)
        #expect(bottom.contains { $0.municipality == "Haarlem" && $0.share == 10.9 })
        #expect(bottom.first?.rank == 1)
    }

    @Test func groupMeansCoverAllRows() throws {
        let r = try Self.appendixG()
        let byCategory = r.means { $0.category }
        #expect(byCategory.map(\.group) == ["100.000+", "100.000-", "G4"])
        #expect(byCategory.reduce(0) { $0 + $1.mean.n } == 49)
        #expect(byCategory.first { $0.group == "G4" }?.mean.n == 4)
        #expect(r.means { $0.region }.reduce(0) { $0 + $1.mean.n } == 49)
    }

    @Test func ranksTieAndSkip() {
        let r = Ranking(rows: [10, 30, 30, 20].enumerated().map { ShareRow(municipality: "m\($0.offset)", profile: ShareProfile([$0.element, 0, 0, 0])) })
        #expect(r.ranks(.pa) == [4, 1, 1, 3])
        #expect(r.top(.pa, k: 1).map(\.municipality) == ["m1", "m2"])
        #expect(r.top(.pa, k: 3).map(\.rank) == [1, 1, 3])
    }
}
