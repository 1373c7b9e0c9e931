import Foundation
import SturingCore
import Testing
@testable import SturingAnalysis

@Suite struct ShareProfileTests {
    /// Appendix G of Nijdam (2019): the shares of 49 plans.
    static func appendixG() throws -> [(name: String, profile: ShareProfile)] {
        try RankingTests.appendixG().rows.map { ($0.municipality, $0.profile) }
    }

    @Test func appendixGMeansMatchThePublishedMeans() throws {
        let rows = try Self.appendixG()
        #expect(rows.count == 49)
        let mean = try #require(ShareProfile.mean(rows.map(\.profile)))
        let rounded = mean.shares.map { ($0 * 10).rounded() / 10 }
        #expect(rounded == [20.7, 21.2, 27.0, 31.1])
    }

    @Test func hoornDoesNotAddUpTo100() throws {
        let hoorn = try #require(try Self.appendixG().first { $0.name == "Hoorn" })
        #expect(abs(hoorn.profile.total - 101.3) < 0.001)
    }

    @Test func distance() {
        #expect(ShareProfile([10, 20, 30, 40]).distance(to: ShareProfile([13, 24, 30, 40])) == 5)
        #expect(ShareProfile.mean([]) == nil)
    }
}
