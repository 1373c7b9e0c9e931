import SturingCore
import Testing
@testable import SturingAnalysis

/// Known answers for comparing two periods (issue 16).
@Suite struct PeriodComparisonTests {
    typealias Plan = PeriodComparison.Run.Plan

    @Test func changesIntervalsAndUnmatchedNames() {
        let a = PeriodComparison.Run(label: "2015", plans: [
            Plan(municipality: "Alfa", shares: [40, 20, 20, 20], tokens: 10_000, signalWords: 100, terms: ["regels": (.pa, 40), "meedoen": (.sr, 20)]),
            Plan(municipality: "Beta", shares: [25, 25, 25, 25], tokens: 10_000, signalWords: 100, terms: [:]),
            Plan(municipality: "Gamma", shares: nil, tokens: 100, signalWords: 0, terms: [:]),
        ], replicates: [0: [[39, 20, 21, 20], [41, 20, 19, 20], [40, 21, 20, 19]]])
        let b = PeriodComparison.Run(label: "2019", plans: [
            Plan(municipality: "alfa", shares: [20, 20, 20, 40], tokens: 20_000, signalWords: 100, terms: ["regels": (.pa, 40), "meedoen": (.sr, 80)]),
            Plan(municipality: "Delta", shares: [25, 25, 25, 25], tokens: 10_000, signalWords: 100, terms: [:]),
        ], replicates: [0: [[19, 21, 20, 40], [21, 20, 20, 39], [20, 19, 20, 41]]])
        let c = PeriodComparison(a, b)
        #expect(c.changes.map(\.municipality) == ["Alfa"])
        #expect(c.changes[0].change == [-20, 0, 0, 20])
        #expect(c.changes[0].distance! == (800.0).squareRoot())
        #expect(c.changes[0].isClear(.sr) && c.changes[0].isClear(.pa) && !c.changes[0].isClear(.npm))
        // Per 10,000 tokens: regels 40 → 20 (fell), meedoen 20 → 40 (rose).
        #expect(c.changes[0].rose == [.init(term: "meedoen", perspective: .sr, before: 20, after: 40)])
        #expect(c.changes[0].fell == [.init(term: "regels", perspective: .pa, before: 40, after: 20)])
        #expect(c.onlyBefore == ["Beta", "Gamma"] && c.onlyAfter == ["Delta"])
    }
}
