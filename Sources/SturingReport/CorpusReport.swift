import Foundation
import SturingAnalysis
import SturingCore

/// What a corpus run produced, as the report writers need it (no dependency on the pipeline).
public struct CorpusReportInput: Sendable {
    /// Provenance of the run.
    public var provenance: Provenance
    /// Plans with their combined score and their documents.
    public var plans: [(plan: Plan, score: DocumentScore, documents: [DocumentScore])]
    /// Failed files and manifest rows.
    public var failures: [FileFailure]
    /// Run-level warnings.
    public var warnings: [String]
    /// Top/bottom list length and the case-selection settings used in the summary.
    public var k: Int
    /// Case-selection rule.
    public var distinct: CaseSelection.Distinct = .province
    /// Municipalities excluded from case selection.
    public var exclude: [String] = []
    /// Plans with fewer signal words are scored and listed but not ranked, averaged or selected.
    public var minSignalWords: Int = ScoringThresholds.fewSignalWords

    /// Creates the input.
    public init(provenance: Provenance, plans: [(plan: Plan, score: DocumentScore, documents: [DocumentScore])],
                failures: [FileFailure], warnings: [String], k: Int = 5) {
        self.provenance = provenance
        self.plans = plans
        self.failures = failures
        self.warnings = warnings
        self.k = k
    }

    /// The case selection with this input's settings; nil when no plan can be ranked.
    public var selection: CaseSelection? {
        let ranking = self.ranking
        return ranking.rows.isEmpty ? nil : CaseSelection.select(ranking, exclude: exclude, distinct: distinct, top: k)
    }

    /// The ranking of the plans with shares; plans below `minSignalWords` are set apart as unranked.
    public var ranking: Ranking { Ranking(rows: shareRows, minSignalWords: minSignalWords) }

    /// True when the plan's shares rest on enough signal words to be ranked.
    public func isRanked(_ score: DocumentScore) -> Bool {
        score.totalSignalWords > 0 && score.totalSignalWords >= minSignalWords
    }

    /// The share rows of plans that have shares (at least one signal word), with their signal-word counts.
    public var shareRows: [ShareRow] {
        plans.compactMap { p in
            let shares = Perspective.allCases.compactMap { p.score.perspectives[$0]?.share }
            guard shares.count == 4 else { return nil }
            return ShareRow(municipality: p.plan.municipality, category: p.plan.category, region: p.plan.region,
                            province: p.plan.province, profile: ShareProfile(shares), signalWords: p.score.totalSignalWords)
        }
    }
}

/// The files `sturing analyze` writes: scores.csv, scores.json, errors.csv, documents.jsonl lines.
public enum CorpusReport {
    /// Header of scores.csv.
    public static var scoresHeader: [String] {
        ["municipality", "file", "category", "region", "province", "title", "year", "plan_type", "tokens", "pages", "signal_words", "ranked"]
            + Perspective.allCases.map { "\($0.code)_count" } + Perspective.allCases.map { "\($0.code)_share" }
            + Perspective.allCases.map { "\($0.code)_per_10k" } + ["warnings"]
    }

    /// scores.csv: one row per municipality. `dialect` picks separator and decimal mark; `ranked`
    /// says whether the plan takes part in ranks, means and the selection, and when it does not, the
    /// first warning says why in `language`.
    public static func scoresCSV(_ input: CorpusReportInput, dialect: CSVDialect = .standard, language: Language = .dutch) -> String {
        var rows = [scoresHeader]
        let L = Labels(language)
        for (plan, s, _) in input.plans {
            let ranked = input.isRanked(s)
            var row = [plan.municipality, plan.files.joined(separator: "; "), plan.category ?? "", plan.region ?? "",
                       plan.province ?? "", plan.title ?? "", plan.year ?? "", plan.planType ?? "",
                       "\(s.tokens)", s.pages.map(String.init) ?? "", "\(s.totalSignalWords)", ranked ? "yes" : "no"]
            row += Perspective.allCases.map { "\(s.perspectives[$0]?.count ?? 0)" }
            row += Perspective.allCases.map { s.perspectives[$0]?.share.map { dialect.number($0) } ?? "" }
            row += Perspective.allCases.map { dialect.number(s.perspectives[$0]?.per10kTokens ?? 0) }
            let why = ranked ? [] : [L.notRanked(signalWords: s.totalSignalWords, minimum: input.minSignalWords)]
            row.append((why + s.warnings).joined(separator: " | "))
            rows.append(row)
        }
        return dialect.write(rows)
    }

    /// errors.csv: file, error.
    public static func errorsCSV(_ failures: [FileFailure], dialect: CSVDialect = .standard) -> String {
        dialect.write([["file", "error"]] + failures.map { [$0.file, $0.error] })
    }

    /// The manifest fields of a plan as JSON pairs.
    public static func planFields(_ plan: Plan) -> [(String, JSONValue)] {
        func opt(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        return [("municipality", .string(plan.municipality)), ("category", opt(plan.category)), ("region", opt(plan.region)),
                ("province", opt(plan.province)), ("title", opt(plan.title)), ("year", opt(plan.year)), ("plan_type", opt(plan.planType))]
    }

    /// One line of documents.jsonl: the document's score JSON plus its plan's manifest fields.
    public static func documentLine(_ score: DocumentScore, plan: Plan?) -> String {
        ScoreJSON.document(score, extra: plan.map(planFields) ?? []).serialized()
    }

    /// One error line of documents.jsonl.
    public static func errorLine(_ failure: FileFailure) -> String {
        ScoreJSON.error(failure).serialized()
    }

    /// scores.json: provenance, inputs with hashes, settings, the plans' tables (counts, shares,
    /// densities and term counts per plan), errors and warnings. The per-document detail (word
    /// forms, excluded forms, evidence, cleaning) lives in documents.jsonl beside it, so the file
    /// stays small however many plans there are.
    public static func scoresJSON(_ input: CorpusReportInput, cache: (hits: Int, misses: Int)?) -> JSONValue {
        let p = input.provenance
        let documents = input.plans.flatMap { entry in entry.documents.map { (entry.plan, $0) } }
        return .object([
            ("tool", .object([("name", .string("sturing")), ("version", .string(p.toolVersion))])),
            ("lexicon", ScoreJSON.lexicon(p)),
            ("match", .string(p.match.rawValue)),
            ("stemmer", .string(p.stemmer)),
            ("icu", .string(p.icu)),
            ("poppler", .string(p.poppler)),
            ("date", .string(p.date)),
            ("inputs", .array(documents.map { .object([("file", .string($0.1.file)), ("sha256", .string($0.1.sha256))]) })),
            ("settings", .object([("top", .int(input.k)), ("distinct", .string(input.distinct.rawValue)),
                                  ("min_signal_words", .int(input.minSignalWords)),
                                  ("exclude", .array(input.exclude.map { .string($0) }))])),
            ("cache", cache.map { .object([("hits", .int($0.hits)), ("misses", .int($0.misses))]) } ?? .null),
            ("documents_file", .string("documents.jsonl")),
            ("plans", .array(input.plans.map { entry in
                .object(planFields(entry.plan) + [("files", .array(entry.plan.files.map { .string($0) })),
                                                  ("ranked", .bool(input.isRanked(entry.score))),
                                                  ("score", ScoreJSON.summary(entry.score))])
            })),
            ("errors", .array(input.failures.map(ScoreJSON.error))),
            ("warnings", .array(input.warnings.map { .string($0) })),
        ])
    }
}
