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
}
