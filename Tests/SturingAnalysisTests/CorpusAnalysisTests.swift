import SturingCore
import Testing
@testable import SturingAnalysis

/// The corpus analysis on four plans whose numbers are counted by hand: every sentence of a plan
/// has the same signal words, so resampling sentences can never move a share or a place.
@Suite struct CorpusAnalysisTests {
    /// A plan of `sentences` sentences, each with the signal words `each` (PA, NPM, NPG, SR).
    static func plan(_ name: String, province: String, sentences: Int, each: [Int]) -> (plan: Plan, score: DocumentScore) {
        let counts = each.map { $0 * sentences }
        let total = counts.reduce(0, +)
        var perspectives = [Perspective: PerspectiveScore]()
        for p in Perspective.allCases {
            perspectives[p] = PerspectiveScore(count: counts[p.index], share: total == 0 ? nil : 100 * Double(counts[p.index]) / Double(total),
                                               per10kTokens: 0)
        }
        var score = DocumentScore(file: name + ".txt", sha256: "", tokens: 1000, pages: nil, encoding: "utf-8",
                                  perspectives: perspectives, terms: [:])
        score.sentences = SentenceProfile(sentences: sentences, vectors: total == 0 ? [] : [.init(counts: each, times: sentences)])
        return (Plan(municipality: name, province: province, files: [name + ".txt"]), score)
    }

    /// Alfa 120 signal words (PA 50 %), Beta 100 (SR 50 %), Gamma 5 (below 20), Delta none.
    static let plans = [
        plan("Alfa", province: "P1", sentences: 30, each: [2, 1, 1, 0]),
        plan("Beta", province: "P2", sentences: 25, each: [0, 1, 1, 2]),
        plan("Gamma", province: "P3", sentences: 5, each: [1, 0, 0, 0]),
        plan("Delta", province: "P4", sentences: 10, each: [0, 0, 0, 0]),
    ]

    @Test func theRankedRuleSetsApartFewAndNoSignalWords() {
        let a = CorpusAnalysis(plans: Self.plans, settings: .init(minSignalWords: 20))
        #expect(a.ranking.rows.map(\.municipality) == ["Alfa", "Beta"])
        #expect(a.ranking.unranked.map(\.municipality) == ["Gamma"])  // Delta has no shares at all
        #expect(Self.plans.map { a.isRanked($0.score) } == [true, true, false, false])
        #expect(a.ranking.overall?.profile[.pa] == 25)  // (50 + 0) / 2
        #expect(a.bootstrap == nil && a.selectionStability == nil)
        let all = CorpusAnalysis(plans: Self.plans, settings: .init(minSignalWords: 0))
        #expect(all.ranking.rows.map(\.municipality) == ["Alfa", "Beta", "Gamma"])
        #expect(!all.isRanked(Self.plans[3].score))
    }

    @Test func theSelectionFollowsTheSettings() {
        let a = CorpusAnalysis(plans: Self.plans, settings: .init(minSignalWords: 20))
        let chosen = Dictionary(uniqueKeysWithValues: (a.selection?.cases ?? []).map { ($0.role, $0.municipality) })
        // PA: Alfa (50 %); NPM: a tie at 25 %, Alfa is taken, so Beta; NPG and SR: both are taken.
        #expect(chosen["PA"] == "Alfa" && chosen["NPM"] == "Beta")
        #expect(chosen["NPG"] == .some(nil) && chosen["SR"] == .some(nil))
        let excluded = CorpusAnalysis(plans: Self.plans, settings: .init(exclude: ["alfa"], minSignalWords: 20))
        #expect(!(excluded.selection?.cases ?? []).contains { $0.municipality == "Alfa" })
        #expect(CorpusAnalysis(plans: [Self.plans[3]], settings: .init()).selection == nil)
    }

    @Test func identicalSentencesGiveIntervalsOfOnePoint() throws {
        let a = CorpusAnalysis(plans: Self.plans, settings: .init(minSignalWords: 20, replicates: 200, seed: 7))
        let b = try #require(a.bootstrap)
        #expect(b.replicates == 200 && b.seed == 7 && b.rankedIndices == [0, 1])
        let alfa = b.plans[0]
        #expect(alfa.shareLow == [50, 25, 25, 0] && alfa.shareHigh == [50, 25, 25, 0])
        #expect(alfa.rankLow?[Perspective.pa.index] == 1 && alfa.rankHigh?[Perspective.pa.index] == 1)
        #expect(alfa.pTop1?[Perspective.pa.index] == 1)
        #expect(b.plans[2].rankLow == nil)  // Gamma is not ranked, so it has no place
        #expect(a.selectionStability?["PA"] == 1 && a.selectionStability?["NPM"] == 1)
    }
}
