import SturingAnalysis
import SturingCore
import Testing
@testable import SturingReport

/// The input's analysis is computed once, and again whenever the plans, the table settings or
/// the provenance change, so no writer ever reads a ranking of other plans or settings.
@Suite struct CorpusReportInputTests {
    @Test func theAnalysisFollowsEveryChange() throws {
        var input = HTMLReportTests.manyPlans(10)
        // One sentence holding all of a plan's signal words, so the bootstrap can resample it.
        input.plans = input.plans.map { e in
            var e = e
            let counts = Perspective.allCases.map { e.score.perspectives[$0]?.count ?? 0 }
            e.score.sentences = SentenceProfile(sentences: 1, vectors: [.init(counts: counts, times: 1)])
            return e
        }
        #expect(input.analysis.ranking.rows.count == 10 && input.analysis.bootstrap == nil)
        input.table.replicates = 40
        #expect(input.analysis.bootstrap?.replicates == 40 && input.analysis.bootstrap?.plans.count == 10)
        input.plans = Array(input.plans.prefix(3))
        #expect(input.analysis.ranking.rows.count == 3 && input.analysis.bootstrap?.plans.count == 3)
        let signalWords = try #require(input.plans.first?.score.totalSignalWords)
        input.table.minSignalWords = signalWords + 1
        #expect(input.analysis.ranking.rows.isEmpty && input.analysis.selection == nil)
        #expect(!input.analysis.isRanked(input.plans[0].score))
    }

    /// A copy keeps the analysis of its own plans when the original is changed, and the other way
    /// round; and editing plans one at a time in a loop (20,000 of them in `LongRankingTests`)
    /// leaves one analysis to work out, on first use.
    @Test func aCopyKeepsItsOwnAnalysis() {
        var input = HTMLReportTests.manyPlans(6)
        var copy = input
        #expect(copy.analysis.ranking.rows.count == 6)
        input.plans.removeLast(2)
        #expect(input.analysis.ranking.rows.count == 4 && copy.analysis.ranking.rows.count == 6)
        copy.table.minSignalWords = Int.max
        #expect(copy.analysis.ranking.rows.isEmpty && input.analysis.ranking.rows.count == 4)
        for i in input.plans.indices { input.plans[i].plan.municipality = "Plan \(i)" }
        #expect(input.analysis.ranking.rows.map(\.municipality).sorted() == ["Plan 0", "Plan 1", "Plan 2", "Plan 3"])
    }
}
