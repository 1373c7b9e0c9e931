import SturingAnalysis
import SturingCore

/// Where each plan of a run stands: its rank per perspective among the ranked plans (as the
/// report's rankings give it) and the case role it was selected for, in `plans` order, so that
/// scores.csv and scores.xlsx let a reader rebuild the report's selection.
public struct PlanPlacement: Sendable, Equatable {
    /// Per plan: the competition rank per perspective (1 = highest share, ties share a rank), in
    /// `Perspective.allCases` order; nil for a plan that is not ranked.
    public var ranks: [[Int]?]
    /// Per plan: the case role it was chosen for ("PA", "NPM", "NPG", "SR" or "average"), or nil.
    public var selectedFor: [String?]

    /// The placement of `input`'s plans under the input's case selection (the report's).
    public init(_ input: CorpusReportInput) {
        let ranking = input.analysis.ranking
        let perspectiveRanks = Perspective.allCases.map { ranking.ranks($0) }
        // The ranking keeps the plans that have shares and enough signal words, in plan order
        // (the same test as `Ranking.init`), so the n-th such plan is the ranking's n-th row.
        var rowOfPlan = [Int?](repeating: nil, count: input.plans.count)
        var next = 0
        for (i, entry) in input.plans.enumerated() {
            guard let row = ShareRow.of(entry.plan, entry.score) else { continue }
            if let n = row.signalWords, n < ranking.minSignalWords { continue }
            rowOfPlan[i] = next
            next += 1
        }
        let ranks = rowOfPlan.map { row in row.map { r in perspectiveRanks.map { $0[r] } } }
        // A case names its municipality; a municipality is chosen once at most. When two ranked
        // plans carry the same name, the one with the case's rank on its perspective is marked
        // (for the average case, the first).
        var chosen = [String?](repeating: nil, count: input.plans.count)
        for c in input.analysis.selection?.cases ?? [] {
            guard let name = c.municipality else { continue }
            let perspective = Perspective.allCases.first { $0.code == c.role }
            let candidates = input.plans.indices.filter { rowOfPlan[$0] != nil && chosen[$0] == nil && input.plans[$0].plan.municipality == name }
            let pick = candidates.first { i in
                guard let p = perspective, let rank = c.rank, let r = ranks[i] else { return true }
                return r[p.index] == rank
            } ?? candidates.first
            if let pick { chosen[pick] = c.role }
        }
        self.ranks = ranks
        selectedFor = chosen
    }
}
