import Foundation
import SturingAnalysis
import SturingCore
import SturingValidation
import Synchronization

/// What a corpus run produced, as the report writers need it (no dependency on the pipeline).
public struct CorpusReportInput: Sendable {
    /// Provenance of the run (its context model's spread enters the bootstrap).
    public var provenance: Provenance { didSet { cache = AnalysisCache() } }
    /// Plans with their combined score and their documents.
    /// (Edited in place: a change to one plan does not copy the others.)
    public var plans: [(plan: Plan, score: DocumentScore, documents: [DocumentScore])] {
        get { storedPlans }
        set { storedPlans = newValue; cache = AnalysisCache() }
        _modify { cache = AnalysisCache(); yield &storedPlans }
    }
    private var storedPlans: [(plan: Plan, score: DocumentScore, documents: [DocumentScore])]
    /// Failed files and manifest rows.
    public var failures: [FileFailure]
    /// Run-level warnings.
    public var warnings: [String]
    /// The run-level warnings a report can word in its own language (see `Notice`).
    public var notices: [Notice] = []
    /// The table settings: top/bottom list length, case-selection rule and exclusions, the
    /// minimum of signal words and the bootstrap's replicates and seed.
    public var table: CorpusAnalysis.Settings { didSet { cache = AnalysisCache() } }
    /// Ranking, selection and bootstrap of `plans` with `table`, worked out when first asked for
    /// and kept until the plans, the table settings or the provenance change (a loop that edits
    /// 20,000 plans one at a time computes it once, not 20,000 times).
    public var analysis: CorpusAnalysis { cache.value { Self.analysis(plans, table, provenance) } }
    /// The analysis of the current plans, table and provenance, once worked out.
    private var cache = AnalysisCache()
    /// The result of `sturing sensitivity` on this run, when there is one.
    public var sensitivity: Sensitivity?
    /// The scored coding sheets (`--validation`), when given.
    public var validation: ValidationScore?
    /// What `sturing lexicon check` finds on this run's documents ("kind: message").
    public var lexiconFindings: [LexiconFinding] = []
    /// The report's evidence lines, gathered while the documents were scored (their own
    /// evidence is then not kept); nil: drawn from the documents.
    public var evidence: EvidenceSample?
    /// The run's settings, embedded whole in scores.json (nil for an input built in memory,
    /// whose scores.json then records only the table settings above).
    public private(set) var settings: RunSettings?

    /// Takes the table settings (top, distinct, exclude, minimum of signal words, bootstrap) from
    /// a run's settings: the one place a run's settings become a report's (analyze, merge and a
    /// report read back from scores.json).
    public mutating func apply(_ settings: RunSettings) {
        self.settings = settings
        table = CorpusAnalysis.Settings(top: settings.top, distinct: settings.distinct, exclude: settings.exclude,
                                        minSignalWords: settings.minSignalWords, replicates: settings.bootstrap, seed: settings.seedValue)
    }

    /// Creates the input, without intervals until `table` asks for replicates.
    public init(provenance: Provenance, plans: [(plan: Plan, score: DocumentScore, documents: [DocumentScore])],
                failures: [FileFailure], warnings: [String], k: Int = 5) {
        self.provenance = provenance
        storedPlans = plans
        self.failures = failures
        self.warnings = warnings
        table = CorpusAnalysis.Settings(top: k)
    }

    private static func analysis(_ plans: [(plan: Plan, score: DocumentScore, documents: [DocumentScore])], _ table: CorpusAnalysis.Settings,
                                 _ provenance: Provenance) -> CorpusAnalysis {
        CorpusAnalysis(plans: plans.map { ($0.plan, $0.score) }, settings: table, modelSpread: provenance.model?.spread)
    }
}

/// Holds the analysis of one state of a report's input: worked out by the first reader (the
/// outputs of a run are rendered on several threads at once, which then wait for it) and kept.
/// A change to the input replaces the whole holder, so a copy of the input keeps its own.
final class AnalysisCache: Sendable {
    private let slot = Mutex<CorpusAnalysis?>(nil)

    /// The kept analysis, or `make()`'s, kept from now on.
    func value(_ make: () -> CorpusAnalysis) -> CorpusAnalysis {
        slot.withLock { kept in
            if let kept { return kept }
            let made = make()
            kept = made
            return made
        }
    }
}

/// The files `sturing analyze` writes: scores.csv, scores.json, errors.csv, documents.jsonl lines.
public enum CorpusReport {
    /// Header of scores.csv (the default dialect's; `PlanTable` has the Dutch one).
    public static var scoresHeader: [String] { PlanTable.header(.english) }

    /// scores.csv: one row per municipality (`PlanTable`). `dialect` picks separator, decimal mark
    /// and header language (excel-nl: Dutch headers and values "ja"/"nee", "gemiddeld"); `ranked`
    /// says whether the plan takes part in ranks, means and the selection, and when it does not, the
    /// first warning says why in `language`; the rank and selected-for columns follow the selection.
    public static func scoresCSV(_ input: CorpusReportInput, dialect: CSVDialect = .standard,
                                 language: Language = .dutch) -> String {
        let vocabulary = dialect.headerLanguage
        let rows = PlanTable.rows(input, language: language, vocabulary: vocabulary)
        return dialect.write([PlanTable.header(vocabulary)] + rows.map { $0.map { $0.csv(dialect) } })
    }

    /// The smoothed log ratio of perspective `p` against the other three, log((count + 0.5) /
    /// (rest + 0.5)) (Lowe et al. 2011): defined for small counts, 0 when P equals the rest.
    public static func logRatio(_ s: DocumentScore, _ p: Perspective) -> Double {
        let count = Double(s.perspectives[p]?.count ?? 0)
        let rest = Double(s.totalSignalWords) - count
        return Foundation.log((count + 0.5) / (rest + 0.5))
    }

    /// errors.csv: file, error (bestand, fout with `--csv-dialect excel-nl`).
    public static func errorsCSV(_ failures: [FileFailure], dialect: CSVDialect = .standard) -> String {
        let L = Labels(dialect.headerLanguage)
        return dialect.write([ErrorTable.header(dialect.headerLanguage)] + failures.map { [$0.file, L.failure($0)] })
    }

    /// One plan in scores.json: manifest fields, files, whether it is ranked, its table row, log
    /// ratios and (with --bootstrap) its intervals.
    static func planJSON(_ input: CorpusReportInput, _ index: Int) -> JSONValue {
        let entry = input.plans[index]
        let logRatios: [(String, JSONValue)] = Perspective.allCases.map { ($0.code, .double(logRatio(entry.score, $0))) }
        let uncertainty: JSONValue = input.analysis.bootstrap.map { uncertaintyJSON($0.plans[index]) } ?? .null
        var pairs = planFields(entry.plan)
        pairs.append(("files", .array(entry.plan.files.map { .string($0) })))
        pairs.append(("ranked", .bool(input.analysis.isRanked(entry.score))))
        pairs.append(("score", ScoreJSON.summary(entry.score)))
        pairs.append(("log_ratio", .object(logRatios)))
        pairs.append(("uncertainty", uncertainty))
        return .object(pairs)
    }

    /// One plan's intervals: per perspective share_low, share_high (percent), rank_low, rank_high
    /// and p_top1 (a fraction; ranks and p_top1 null for unranked plans).
    static func uncertaintyJSON(_ b: Bootstrap.PlanIntervals) -> JSONValue {
        .object(Perspective.allCases.map { p in
            (p.code, .object([
                ("share_low", .double(b.shareLow[p.index])), ("share_high", .double(b.shareHigh[p.index])),
                ("rank_low", b.rankLow.map { .int($0[p.index]) } ?? .null), ("rank_high", b.rankHigh.map { .int($0[p.index]) } ?? .null),
                ("p_top1", b.pTop1.map { .double($0[p.index]) } ?? .null),
            ]))
        })
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

    /// scores.json: provenance, inputs with hashes, the pages read by OCR, settings, the plans' tables (counts, shares,
    /// densities and term counts per plan), errors and warnings. The per-document detail (word
    /// forms, excluded forms, evidence, cleaning) lives in documents.jsonl beside it, so the file
    /// stays small however many plans there are.
    public static func scoresJSON(_ input: CorpusReportInput, cache: (hits: Int, misses: Int)?) -> JSONValue {
        let p = input.provenance
        let documents = input.plans.flatMap { entry in entry.documents.map { (entry.plan, $0) } }
        var fields: [(String, JSONValue)] = [
            ("tool", .object([("name", .string("sturing")), ("version", .string(p.toolVersion))])),
            ("lexicon", ScoreJSON.lexicon(p)), ("context_model", ScoreJSON.contextModel(p)),
            ("match", .string(p.match.rawValue)),
            ("stemmer", .string(p.stemmer)),
            ("icu", .string(p.icu)),
            ("poppler", .string(p.poppler)),
            ("date", .string(p.date)),
            ("inputs", .array(documents.map { .object([("file", .string($0.1.file)), ("sha256", .string($0.1.sha256))]) })),
            // Which pages were read by OCR, why, how sure Tesseract was, with which engine and language data.
            ("ocr", .array(documents.compactMap { entry in
                entry.1.ocr.map { ocr in
                    .object([("file", .string(entry.1.file)), ("engine", .string(ocr.engine)),
                             ("mean_confidence", .int(ocr.meanConfidence)),
                             ("pages", .array(ocr.pages.map {
                                 .object([("page", .int($0.page)), ("confidence", .int($0.confidence)), ("reason", .string($0.reason.rawValue))])
                             }))])
                }
            })),
            // The run's settings, without how the run was split into shards (run.json says
            // that), so a merged run's scores.json is the one of the same run made whole.
            ("settings", input.settings.map { s -> JSONValue in
                var whole = s
                whole.shard = nil
                whole.mergedFrom = nil
                return whole.json
            } ?? .object([("top", .int(input.table.top)), ("distinct", .string(input.table.distinct.rawValue)),
                                  ("min_signal_words", .int(input.table.minSignalWords)),
                                  ("exclude", .array(input.table.exclude.map { .string($0) })),
                                  ("bootstrap", input.analysis.bootstrap.map { .object([("replicates", .int($0.replicates)), ("seed", .string(String($0.seed)))]) } ?? .null)])),
            ("selection_stability", input.analysis.selectionStability.map { s in .object(s.sorted { $0.key < $1.key }.map { ($0.key, .double($0.value)) }) } ?? .null),
            ("cache", cache.map { .object([("hits", .int($0.hits)), ("misses", .int($0.misses))]) } ?? .null),
            ("documents_file", .string("documents.jsonl")),
            ("plans", .generated(count: input.plans.count, element: { planJSON(input, $0) })),
            ("errors", .array(input.failures.map(ScoreJSON.error))),
            ("warnings", .array(input.warnings.map { .string($0) })),
        ]
        if !input.notices.isEmpty { fields.append(("notices", .array(input.notices.map(ScoreJSON.notice)))) }
        fields.append(("lexicon_check", .array(input.lexiconFindings.map(ScoreJSON.finding))))
        return .object(fields)
    }
}
