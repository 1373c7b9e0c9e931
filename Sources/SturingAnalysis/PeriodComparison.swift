import SturingCore

/// Two runs compared municipality by municipality (say the 2015 and the 2019 plans): per
/// perspective the share in each, the change in percentage points, and the 95 % interval of the
/// change from resampling both versions' sentences paired (`PairedBootstrap`: a sentence that
/// stands in both is drawn alike in both), so a change larger than the uncertainty can be told from
/// one that is not, and an unchanged plan has a change of exactly 0.
public struct PeriodComparison: Sendable {
    /// One run as the comparison needs it.
    public struct Run: Sendable {
        /// Its label ("2015", or the folder name).
        public var label: String
        /// Per plan: municipality, shares (nil without signal words), tokens, term counts and sentences.
        public var plans: [Plan]

        /// One plan.
        public struct Plan: Sendable {
            public var municipality: String
            public var shares: [Double]?
            public var tokens: Int
            public var signalWords: Int
            /// term → (perspective, count)
            public var terms: [String: (perspective: Perspective, count: Int)]
            /// The signal words per sentence (nil for runs that did not record them).
            public var sentences: SentenceProfile?

            /// Creates a plan.
            public init(municipality: String, shares: [Double]?, tokens: Int, signalWords: Int,
                        terms: [String: (perspective: Perspective, count: Int)], sentences: SentenceProfile? = nil) {
                self.municipality = municipality; self.shares = shares; self.tokens = tokens; self.signalWords = signalWords; self.terms = terms
                self.sentences = sentences
            }
        }

        /// Creates a run.
        public init(label: String, plans: [Plan]) {
            self.label = label; self.plans = plans
        }
    }

    /// A term whose frequency moved (per 10,000 tokens).
    public struct TermMove: Sendable, Equatable {
        public var term: String
        public var perspective: Perspective
        /// Per 10,000 tokens in A and in B.
        public var before: Double
        public var after: Double
    }

    /// One municipality in both runs.
    public struct Change: Sendable {
        public var municipality: String
        /// Shares in A and B per perspective (nil without signal words).
        public var before: [Double]?
        public var after: [Double]?
        /// B − A per perspective (percentage points), when both have shares.
        public var change: [Double]?
        /// 95 % interval of the change per perspective (nil when a version has no sentence profile or no signal word).
        public var interval: [(low: Double, high: Double)]?
        /// True when the interval comes from sentences paired across the versions.
        public var paired: Bool
        /// How far the profile moved (Euclidean distance, percentage points).
        public var distance: Double?
        /// The terms that rose and fell most, per 10,000 tokens.
        public var rose: [TermMove]
        public var fell: [TermMove]

        /// True when the interval of perspective `p` excludes 0.
        public func isClear(_ p: Perspective) -> Bool {
            guard let i = interval?[p.index] else { return false }
            return i.low > 0 || i.high < 0
        }
    }

    /// The runs' labels.
    public let before: String
    public let after: String
    /// Municipalities in both, in A's order.
    public let changes: [Change]
    /// Municipalities in only one run.
    public let onlyBefore: [String]
    public let onlyAfter: [String]
    /// Replicates drawn for each change's interval.
    public let replicates: Int
    /// The seed of the resampling.
    public let seed: UInt64

    /// Compares `a` (before) with `b` (after); municipalities are matched by name, ignoring case.
    /// Each change's interval comes from `replicates` paired replicates with `seed`.
    public init(_ a: Run, _ b: Run, replicates: Int = 1000, seed: UInt64 = 1) {
        self.replicates = replicates
        self.seed = seed
        before = a.label
        after = b.label
        var indexB = [String: Int]()
        for (i, p) in b.plans.enumerated() { indexB[p.municipality.lowercased()] = indexB[p.municipality.lowercased()] ?? i }
        var changes = [Change]()
        var matched = Set<String>()
        for pa in a.plans {
            guard let j = indexB[pa.municipality.lowercased()] else { continue }
            matched.insert(pa.municipality.lowercased())
            let pb = b.plans[j]
            let change = pa.shares.flatMap { sa in pb.shares.map { sb in zip(sb, sa).map { $0 - $1 } } }
            var interval: [(low: Double, high: Double)]?
            var paired = false
            if change != nil, let sa = pa.sentences, let sb = pb.sentences,
               let r = PairedBootstrap.changeIntervals(sa, sb, replicates: replicates, seed: seed, stream: pa.municipality.lowercased().hashValueStable) {
                interval = r.intervals
                paired = r.paired
            }
            let distance = change.map { c in c.map { $0 * $0 }.reduce(0, +).squareRoot() }
            var moves = [TermMove]()
            for term in Set(pa.terms.keys).union(pb.terms.keys) {
                let p = pa.terms[term]?.perspective ?? pb.terms[term]!.perspective
                let x = pa.tokens > 0 ? Double(pa.terms[term]?.count ?? 0) * 10_000 / Double(pa.tokens) : 0
                let y = pb.tokens > 0 ? Double(pb.terms[term]?.count ?? 0) * 10_000 / Double(pb.tokens) : 0
                if x != y { moves.append(TermMove(term: term, perspective: p, before: x, after: y)) }
            }
            let rose = moves.filter { $0.after > $0.before }.sorted { ($0.after - $0.before, $1.term) > ($1.after - $1.before, $0.term) }
            let fell = moves.filter { $0.after < $0.before }.sorted { ($0.before - $0.after, $1.term) > ($1.before - $1.after, $0.term) }
            changes.append(Change(municipality: pa.municipality, before: pa.shares, after: pb.shares, change: change, interval: interval, paired: paired,
                                  distance: distance, rose: Array(rose.prefix(5)), fell: Array(fell.prefix(5))))
        }
        self.changes = changes
        onlyBefore = a.plans.map(\.municipality).filter { indexB[$0.lowercased()] == nil }
        onlyAfter = b.plans.map(\.municipality).filter { !matched.contains($0.lowercased()) }
    }

    /// The municipalities whose profile moved more than the uncertainty (the change interval of at
    /// least one perspective excludes 0), largest move first; empty when none did.
    public func movedMost(_ k: Int) -> [Change] {
        Array(changes.filter { c in c.distance != nil && Perspective.allCases.contains { c.isClear($0) } }
            .sorted { ($0.distance!, $1.municipality) > ($1.distance!, $0.municipality) }.prefix(k))
    }

    /// True when some change has an interval (so `movedMost` can say that none moved clearly).
    public var hasIntervals: Bool { changes.contains { $0.interval != nil } }
}
