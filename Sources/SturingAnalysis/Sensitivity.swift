import SturingCore

/// How much the results depend on matching choices (Denny & Spirling 2018): the same plans
/// scored under several variants (match modes, another lexicon), compared on shares, rankings
/// (Kendall's tau) and case selections; and leave-one-term-out on the base variant.
public struct Sensitivity: Sendable {
    /// One variant's result: every plan's shares and counts.
    public struct Variant: Sendable {
        /// Its name ("lexicon", "exact", "stem", "lexicon other.yaml").
        public var name: String
        /// One row per plan with shares (the ranking's rows and unranked rows alike), by municipality.
        public var rows: [ShareRow]
        /// The threshold the ranking uses.
        public var minSignalWords: Int

        /// Creates a variant.
        public init(name: String, rows: [ShareRow], minSignalWords: Int) {
            self.name = name
            self.rows = rows
            self.minSignalWords = minSignalWords
        }
    }

    /// A plan's counts per term under the base variant, for leave-one-term-out.
    public struct TermCounts: Sendable {
        /// The municipality.
        public var municipality: String
        /// Signal words per perspective.
        public var counts: [Int]
        /// (term, perspective, count) for every term that counted.
        public var terms: [(term: String, perspective: Perspective, count: Int)]

        /// Creates the counts.
        public init(municipality: String, counts: [Int], terms: [(term: String, perspective: Perspective, count: Int)]) {
            self.municipality = municipality
            self.counts = counts
            self.terms = terms
        }
    }

    /// A municipality's shares under every variant.
    public struct PlanShares: Sendable {
        /// The municipality.
        public var municipality: String
        /// shares[v][p]: the share of perspective p under variant v (nil when no signal words).
        public var shares: [[Double?]]
        /// The largest difference between variants, per perspective (percentage points).
        public var largestChange: [Double]

        /// Creates it.
        public init(municipality: String, shares: [[Double?]], largestChange: [Double]) {
            self.municipality = municipality
            self.shares = shares
            self.largestChange = largestChange
        }
    }

    /// Kendall's tau between the base ranking and a variant's, per perspective.
    public struct Agreement: Sendable {
        /// The variant compared with the base.
        public var variant: String
        /// tau-b per perspective (nil when it cannot be computed).
        public var tau: [Double?]
        /// Plans ranked under both.
        public var n: Int

        /// Creates it.
        public init(variant: String, tau: [Double?], n: Int) {
            self.variant = variant
            self.tau = tau
            self.n = n
        }
    }

    /// A case role whose municipality differs from the base's under a variant.
    public struct Flip: Sendable, Equatable {
        /// The role ("PA", ..., "average").
        public var role: String
        /// The variant.
        public var variant: String
        /// The base's choice.
        public var base: String?
        /// The variant's choice.
        public var other: String?

        /// Creates it.
        public init(role: String, variant: String, base: String?, other: String?) {
            self.role = role
            self.variant = variant
            self.base = base
            self.other = other
        }
    }

    /// The effect of leaving one term out.
    public struct TermEffect: Sendable {
        /// The term.
        public var term: String
        /// Its perspective.
        public var perspective: Perspective
        /// Its signal words over all plans.
        public var count: Int
        /// The largest change of any plan's share of any perspective when the term is left out.
        public var largestChange: Double
        /// The plan where that happens.
        public var municipality: String

        /// Creates it.
        public init(term: String, perspective: Perspective, count: Int, largestChange: Double, municipality: String) {
            self.term = term
            self.perspective = perspective
            self.count = count
            self.largestChange = largestChange
            self.municipality = municipality
        }
    }

    /// The variants' names, base first.
    public let variants: [String]
    /// Per municipality (base order).
    public let plans: [PlanShares]
    /// Tau of each other variant against the base.
    public let agreements: [Agreement]
    /// Each variant's case selection (role → municipality).
    public let selections: [[String: String]]
    /// Roles whose case changes.
    public let flips: [Flip]
    /// Terms by how much leaving them out moves a share, largest first.
    public let termEffects: [TermEffect]

    /// A result as it was computed and stored (for redrawing a report).
    public init(variants: [String], plans: [PlanShares], agreements: [Agreement], selections: [[String: String]],
                flips: [Flip], termEffects: [TermEffect]) {
        self.variants = variants
        self.plans = plans
        self.agreements = agreements
        self.selections = selections
        self.flips = flips
        self.termEffects = termEffects
    }

    /// Compares `variants` (the first is the base) and runs leave-one-term-out on `baseTerms`.
    public init(variants: [Variant], baseTerms: [TermCounts], exclude: [String] = [], distinct: CaseSelection.Distinct = .province, top k: Int = 5) {
        precondition(!variants.isEmpty)
        self.variants = variants.map(\.name)
        let base = variants[0]
        let lookups = variants.map { v in Dictionary(v.rows.map { ($0.municipality, $0) }, uniquingKeysWith: { a, _ in a }) }
        plans = base.rows.map { row in
            let shares: [[Double?]] = lookups.indices.map { v in
                lookups[v][row.municipality].map { r in Perspective.allCases.map { r.profile[$0] } } ?? [nil, nil, nil, nil]
            }
            let largest = (0..<4).map { p -> Double in
                let values = shares.compactMap { $0[p] }
                guard let lo = values.min(), let hi = values.max() else { return 0 }
                return hi - lo
            }
            return PlanShares(municipality: row.municipality, shares: shares, largestChange: largest)
        }
        let rankings = variants.map { Ranking(rows: $0.rows, minSignalWords: $0.minSignalWords) }
        var agreements = [Agreement]()
        for v in variants.indices.dropFirst() {
            let other = Dictionary(rankings[v].rows.map { ($0.municipality, $0) }, uniquingKeysWith: { a, _ in a })
            let pairs = rankings[0].rows.compactMap { r in other[r.municipality].map { (r, $0) } }
            agreements.append(Agreement(variant: variants[v].name, tau: Perspective.allCases.map { p in
                KendallTau.tauB(pairs.map { $0.0.profile[p] }, pairs.map { $0.1.profile[p] })
            }, n: pairs.count))
        }
        self.agreements = agreements
        let selections = rankings.map { ranking -> [String: String] in
            guard !ranking.rows.isEmpty else { return [:] }
            let s = CaseSelection.select(ranking, exclude: exclude, distinct: distinct, top: k)
            return Dictionary(uniqueKeysWithValues: s.cases.compactMap { c in c.municipality.map { (c.role, $0) } })
        }
        self.selections = selections
        var flips = [Flip]()
        for v in variants.indices.dropFirst() {
            for role in Perspective.allCases.map(\.code) + ["average"] where selections[0][role] != selections[v][role] {
                flips.append(Flip(role: role, variant: variants[v].name, base: selections[0][role], other: selections[v][role]))
            }
        }
        self.flips = flips
        // Leave one term out: its counts taken from every plan, shares computed again.
        var totals = [String: (perspective: Perspective, count: Int)]()
        for plan in baseTerms { for t in plan.terms { totals[t.term, default: (t.perspective, 0)].count += t.count } }
        termEffects = totals.map { term, info in
            var largest = 0.0, where_ = ""
            for plan in baseTerms {
                guard let c = plan.terms.first(where: { $0.term == term })?.count, c > 0 else { continue }
                let before = plan.counts, total = Double(before.reduce(0, +))
                var after = before
                after[info.perspective.index] -= c
                let afterTotal = Double(after.reduce(0, +))
                for p in 0..<4 {
                    let old = total > 0 ? Double(before[p]) * 100 / total : 0
                    let new = afterTotal > 0 ? Double(after[p]) * 100 / afterTotal : 0
                    if abs(new - old) > largest { largest = abs(new - old); where_ = plan.municipality }
                }
            }
            return TermEffect(term: term, perspective: info.perspective, count: info.count, largestChange: largest, municipality: where_)
        }.sorted { $0.largestChange != $1.largestChange ? $0.largestChange > $1.largestChange : $0.term < $1.term }
    }
}
