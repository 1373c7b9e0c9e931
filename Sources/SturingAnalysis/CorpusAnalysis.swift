import SturingCore

/// What a corpus's plans say together, computed once from their scores and the table settings:
/// which plans are ranked, the ranking, the case selection and (with replicates) the bootstrap's
/// intervals. The report writers only read it.
public struct CorpusAnalysis: Sendable {
    /// The settings the ranking, the selection and the bootstrap depend on.
    public struct Settings: Sendable, Equatable {
        /// Length of the top and bottom lists, and how many rows the selection looks at.
        public var top: Int
        /// Case-selection rule: no two cases from the same province, region, or none.
        public var distinct: CaseSelection.Distinct
        /// Municipalities excluded from the case selection.
        public var exclude: [String]
        /// Plans with fewer signal words are scored and listed but not ranked, averaged or selected.
        public var minSignalWords: Int
        /// Bootstrap replicates (0: no intervals).
        public var replicates: Int
        /// The bootstrap's seed.
        public var seed: UInt64

        /// Creates the settings; the defaults are those of `sturing analyze`.
        public init(top: Int = 5, distinct: CaseSelection.Distinct = .province, exclude: [String] = [],
                    minSignalWords: Int = ScoringThresholds.fewSignalWords, replicates: Int = 0, seed: UInt64 = 1) {
            self.top = top
            self.distinct = distinct
            self.exclude = exclude
            self.minSignalWords = minSignalWords
            self.replicates = replicates
            self.seed = seed
        }
    }

    /// The settings this analysis was computed with.
    public let settings: Settings
    /// The ranking of the plans with shares; plans below `settings.minSignalWords` are set apart as unranked.
    public let ranking: Ranking
    /// The case selection; nil when no plan can be ranked.
    public let selection: CaseSelection?
    /// Intervals from resampling each plan's sentences, per plan in input order; nil with no
    /// replicates, or when a plan has no sentence profile (runs before 0.2).
    public let bootstrap: Bootstrap?

    /// Per case role, the share of replicates that choose the same municipality again.
    public var selectionStability: [String: Double]? { bootstrap?.selectionStability }

    /// True when the plan's shares rest on enough signal words to be ranked.
    public func isRanked(_ score: DocumentScore) -> Bool { Self.isRanked(score, minSignalWords: settings.minSignalWords) }

    /// The ranked rule: a plan is ranked when it has signal words, at least `minSignalWords` of them.
    static func isRanked(_ score: DocumentScore, minSignalWords: Int) -> Bool {
        score.totalSignalWords > 0 && score.totalSignalWords >= minSignalWords
    }

    /// Ranks the plans, selects the cases and, with replicates, resamples every plan's sentences
    /// (and the context model's calibration, with `modelSpread`).
    public init(plans: [(plan: Plan, score: DocumentScore)], settings: Settings, modelSpread: SIMD4<Double>? = nil) {
        self.settings = settings
        let ranking = Ranking(rows: plans.compactMap { ShareRow.of($0.plan, $0.score) }, minSignalWords: settings.minSignalWords)
        self.ranking = ranking
        let selection = ranking.rows.isEmpty ? nil
            : CaseSelection.select(ranking, exclude: settings.exclude, distinct: settings.distinct, top: settings.top)
        self.selection = selection
        let profiles = plans.compactMap(\.score.sentences)
        guard settings.replicates > 0, profiles.count == plans.count, !plans.isEmpty else { bootstrap = nil; return }
        let rules = selection.map {
            ($0, SelectionReplay(rows: ranking.rows, exclude: settings.exclude, distinct: settings.distinct, top: settings.top))
        }
        bootstrap = Bootstrap(profiles: profiles, ranked: plans.map { Self.isRanked($0.score, minSignalWords: settings.minSignalWords) },
                              replicates: settings.replicates, seed: settings.seed, selection: rules, modelSpread: modelSpread)
    }
}
