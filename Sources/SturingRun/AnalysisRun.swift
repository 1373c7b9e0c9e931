import Foundation
import SturingAnalysis
import SturingCore
import SturingIngest
import SturingPipeline
import SturingReport
import SturingText
import SturingValidation

/// One `analyze` run from start to finish: plan the corpus, check the names in the options, open
/// the output folder (fresh, overwrite or resume), score every file on the workers while the
/// journal grows, then rank, select, resample and write every output. `sturing analyze` maps its
/// options to a `Request` and prints; the workspace does the same from a form.
public enum AnalysisRun {
    /// What a run is asked to do.
    public struct Request: Sendable {
        /// The folder with the plans.
        public var directory: String
        /// The manifest to use (nil: none; `defaultManifest` finds DIR/manifest.csv).
        public var manifest: String?
        /// The output folder.
        public var out: String
        /// Fresh, overwrite or resume.
        public var mode: RunFolder.Mode = .fresh
        /// The lexicon and model to count with.
        public var lexicon: RunLexicon
        /// Files scored in parallel.
        public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
        /// The text cache folder (nil: none).
        public var cache: String?
        /// Time, memory and OCR limits of each file's reader.
        public var limits = IsolatedReader.Limits()
        /// Score only shard k of n (nil: the whole corpus).
        public var shard: RunSettings.Shard?
        /// Where the shard came from (an option or a scheduler's variable), for the note.
        public var shardSource = "--shard"
        /// Length of the top and bottom lists, and the number of cases.
        public var top = 5
        /// What the case selection keeps distinct.
        public var distinct = CaseSelection.Distinct.province
        /// Municipalities that cannot be cases.
        public var exclude = [String]()
        /// Plans with fewer signal words are not ranked.
        public var minSignalWords = ScoringThresholds.fewSignalWords
        /// Bootstrap replicates (0: no intervals).
        public var bootstrap = 1000
        /// The bootstrap's seed.
        public var seed: UInt64 = 1
        /// Coded sheets for the report's validation section.
        public var validation = [String]()
        /// Municipalities that also get a focus page.
        public var focus = [String]()
        /// The CSV dialect of scores.csv.
        public var csvDialect = CSVDialect.standard
        /// The language of the report and messages.
        public var language = Language.dutch
        /// Follow symbolic links while walking the folder.
        public var followLinks = false
        /// Folders in the corpus that are never read as plans (the output and cache folders;
        /// the output folder by default).
        public var ignoredFolders: [String]

        /// A request to score `directory` into `out` with `lexicon`, the other settings at their defaults.
        public init(directory: String, manifest: String?, out: String, lexicon: RunLexicon) {
            self.directory = directory
            self.manifest = manifest
            self.out = out
            self.lexicon = lexicon
            ignoredFolders = [out]
        }

        /// DIR/manifest.csv when it exists.
        public static func defaultManifest(_ directory: String) -> String? {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent("manifest.csv").path
            return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
        }
    }

    /// Runs `request`, reporting to `events`; the summary says what was scored and what failed.
    /// Throws before anything is scored for a bad manifest, name, folder or sheet.
    public static func run(_ request: Request, events: RunEvents = RunEvents()) throws -> RunSummary {
        let compiled = request.lexicon.compiled
        let provenance = request.lexicon.provenance
        // Coded sheets are read (and checked against their key) before anything is scored.
        let validationScore = request.validation.isEmpty ? nil : try ValidationScore(paths: request.validation, runFolder: request.out)
        let loadedManifest = try request.manifest.map { try Manifest.load(path: $0) }
        let fullCorpus = try CorpusPlan.make(directory: request.directory, manifest: loadedManifest, followLinks: request.followLinks,
                                             excluding: request.ignoredFolders)
        // Names in options are checked before anything is scored or the output folder is touched.
        let municipalities = fullCorpus.plans.map(\.municipality)
        try NameCheck.check(request.exclude, in: municipalities, path: "--exclude", place: "the corpus")
        try NameCheck.check(request.focus, in: municipalities, path: "--focus", place: "the corpus")
        let corpus = request.shard.map { fullCorpus.shard($0.k, of: $0.n) } ?? fullCorpus
        if let shard = request.shard {
            events.note("shard \(shard.k)/\(shard.n) (\(request.shardSource)): \(corpus.files.count) of \(fullCorpus.files.count) files")
        }
        let corpusJSON = RunOutputs.corpusJSON(fullCorpus)
        if fullCorpus.files.isEmpty && fullCorpus.failures.isEmpty {
            throw RunError("\(request.directory): no plan files found (put plan files there: \(ReadFormats.list))")
        }
        let settings = self.settings(request, provenance: provenance, corpusSHA256: SHA256Hex.digest(Array(corpusJSON.utf8)))
        let runFolder = try RunFolder.open(path: request.out, mode: request.mode, fingerprint: fingerprint(provenance), settings: settings)
        try runFolder.write("corpus.json", corpusJSON)
        let jsonl = runFolder.journal
        if let m = request.manifest { events.note("manifest \(m)") }
        events.planned(corpus.files.count)
        let planOf = Dictionary(corpus.plans.flatMap { p in p.files.map { ($0, p) } }, uniquingKeysWith: { a, _ in a })
        var documentCache = request.cache.map { DocumentCache(folder: $0, ocr: request.limits.ocr) }
        if let problem = documentCache?.writeProblem(), let cache = request.cache {
            events.warning("--cache \(cache): cannot be written (\(problem)); the run goes on without a text cache (give another --cache, or --no-cache)")
            documentCache = nil
        }
        documentCache?.removeStrayFiles()
        // The report's evidence sample is gathered as documents finish; their own evidence lines
        // (in documents.jsonl) are then let go, except for --focus plans, whose pages show them.
        let evidence = EvidenceSample()
        let focusNames = Set(request.focus.map { $0.lowercased() })
        // With fewer files than workers, the cores left over clean one large text together.
        let reader = IsolatedReader(limits: request.limits, cache: documentCache,
                                    textThreads: IsolatedReader.textThreads(jobs: request.jobs, files: corpus.files.count), onProgress: events.reading)
        let result = try CorpusRunner.run(corpus, lexicon: compiled, model: request.lexicon.model?.model, jobs: request.jobs, cache: documentCache,
                                          reader: reader, journaled: runFolder.journaled, onSlowFile: events.slowFile, retain: { document in
            let municipality = planOf[document.file]?.municipality ?? ""
            evidence.offer(municipality: municipality, document: document)
            if focusNames.contains(municipality.lowercased()) { return document }
            var lean = document
            lean.evidence = [:]
            return lean
        }) { _, outcome in
            switch outcome {
            case .scored(let s): jsonl.append(CorpusReport.documentLine(s, plan: planOf[s.file]))
            case .failed(let f): jsonl.append(CorpusReport.errorLine(f))
            }
            events.finished(outcome)
        }
        for f in corpus.failures { jsonl.append(CorpusReport.errorLine(f)) }
        if let failure = jsonl.failure {
            throw RunError("\(jsonl.path): cannot write: \(failure) (free disk space or choose another --out; the other outputs were not written)")
        }

        var input = CorpusReportInput(provenance: provenance, plans: result.plans.map { ($0.plan, $0.score, $0.documents) },
                                      failures: result.failures, warnings: result.warnings, k: request.top)
        input.notices = result.notices
        input.evidence = evidence
        input.apply(settings)
        input.validation = validationScore
        try RunOutputs.write(runFolder, input: input, findings: { lexiconFindings(compiled, result) }, failures: result.failures,
                             dialect: request.csvDialect, language: request.language, cache: documentCache?.statistics, threads: request.jobs)
        try RunOutputs.writeFocus(request.focus, input: input, folder: request.out, language: request.language, events: events)
        try runFolder.finish()
        return RunSummary(folder: request.out, plans: result.plans.count, failures: result.failures, warnings: result.warnings, notices: result.notices,
                          lexiconLanguage: LexiconLanguageCheck.warning(compiled, documents: result.plans.flatMap(\.documents)),
                          cache: documentCache.map { ($0.statistics.hits, $0.statistics.misses) }, resumed: result.resumed, shards: nil, language: request.language)
    }

    /// What the lexicon check finds on the run's documents.
    static func lexiconFindings(_ compiled: CompiledLexicon, _ result: CorpusResult) -> [LexiconFinding] {
        LexiconCheck(compiled: compiled, documents: result.plans.flatMap(\.documents)).findings
    }

    /// The settings that decide each document's score: a resumed run must have the same.
    public static func fingerprint(_ p: Provenance) -> String {
        let parts = [SturingVersion.current, p.lexiconSHA256, p.match.rawValue, p.stemmer, p.icu, p.poppler,
                     DocumentCache.formatVersion, TokenCache.version, "sentences-6"] + (p.model.map { ["model-" + $0.fingerprint] } ?? [])
        return SHA256Hex.digest(Array(parts.joined(separator: "\n").utf8))
    }

    /// What run.json records about a run of `request`.
    static func settings(_ r: Request, provenance: Provenance, corpusSHA256: String) -> RunSettings {
        RunSettings(provenance: provenance, corpus: r.directory, manifest: r.manifest, corpusPlanSHA256: corpusSHA256,
                    shard: r.shard, csvDialect: r.csvDialect, lang: r.language, cache: r.cache, ocr: r.limits.ocr.rawValue,
                    ocrEngine: r.limits.ocr == .never ? nil : ExtractionLibraries.ocrEngine,
                    bootstrap: r.bootstrap, seed: r.seed, ingest: DocumentCache.formatVersion, tokens: TokenCache.version,
                    minSignalWords: r.minSignalWords, top: r.top, distinct: r.distinct, exclude: r.exclude,
                    fileTimeout: r.limits.fileTimeout, fileMemoryMB: r.limits.memoryLimitMB)
    }
}
