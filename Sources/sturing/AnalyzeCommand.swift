import ArgumentParser
import Foundation
import SturingAnalysis
import SturingCore
import SturingIngest
import SturingPipeline
import SturingReport
import SturingText

/// `sturing analyze DIR`: scores a folder of plans, ranks the municipalities and selects cases.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Score every plan in a folder (\(ReadFormats.list)), rank the municipalities and select case studies.",
        discussion: """
        Writes report.html, summary.md, scores.csv, scores.xlsx, scores.json, errors.csv and documents.jsonl \
        (one line per file as it finishes) to --out. Exit 0 when every file was scored, 1 when some failed \
        (listed in errors.csv), 2 for usage or configuration errors.
        """,
        aliases: ["analyse"])

    @Argument(help: "Folder with the plans (\(ReadFormats.list); subfolders too).")
    var directory: String

    @Option(name: .long, help: "Manifest CSV (file,municipality,category,region,province,...). Default: DIR/manifest.csv when it exists.")
    var manifest: String?

    @Flag(name: .long, help: "Ignore DIR/manifest.csv: every file is its own plan.")
    var noManifest = false

    @Option(name: .long, help: "Output folder (default: Output/<date-time>).")
    var out: String?

    @OptionGroup var lexiconOptions: LexiconOptions

    @Option(name: .long, help: "Files scored in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("cache"), help: "Cache folder for extracted text and tokens (default: .cache beside the output folder, e.g. Output/.cache).")
    var cacheFolder: String?

    /// The cache folder: given, or `.cache` in the folder that holds the output folder.
    var cache: String {
        if let cacheFolder { return cacheFolder }
        let parent = ((out ?? "Output/x") as NSString).deletingLastPathComponent
        return ((parent.isEmpty ? "." : parent) as NSString).appendingPathComponent(".cache")
    }

    @Flag(name: .long, help: "Do not use or fill the text cache.")
    var noCache = false

    @Option(name: .long, help: "Length of the top and bottom lists.")
    var top: Int = 5

    @Option(name: .long, help: "Case selection: no two cases from the same province | region | none.")
    var distinct: CaseSelection.Distinct = .province

    @Option(name: .long, help: "Municipalities that cannot be cases, comma-separated.")
    var exclude: String?

    @OptionGroup var threshold: SignalWordThreshold

    @OptionGroup var isolation: IsolationOptions

    @OptionGroup var shardOptions: ShardOptions

    @OptionGroup var uncertainty: BootstrapOptions

    @Option(name: .long, help: "A coded sheet (sturing validate sample): the report gains a validation section. Repeat for more coders.")
    var validation: [String] = []

    @Option(name: .long, help: "Also write the page of this municipality (focus-NAME.html). Repeatable.")
    var focus: [String] = []

    @Option(name: .long, help: "CSV style: standard (comma, decimal point) or excel-nl (semicolon, decimal comma, BOM, Dutch headers).")
    var csvDialect: CSVDialect = .standard

    @Option(name: .long, help: "Language of report.html and summary.md: nl | en.")
    var lang: Language = .dutch

    @Flag(name: .long, help: "Print nothing but errors (no progress, summary or warnings; they are in the outputs).")
    var quiet = false

    @Flag(name: .long, help: "Follow symbolic links met while walking DIR (a link loop is reported, never followed).")
    var followLinks = false

    @Flag(name: .long, help: "Replace the run in --out (the files an earlier run wrote are removed; nothing else).")
    var overwrite = false

    @Flag(name: .long, help: "Continue the interrupted run in --out: documents already in its documents.jsonl with the same content are kept.")
    var resume = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
        if top < 1 { throw ValidationError("--top must be 1 or more") }
        if manifest != nil && noManifest { throw ValidationError("--manifest and --no-manifest exclude each other") }
        if overwrite && resume { throw ValidationError("--overwrite and --resume exclude each other") }
    }

    func run() throws {
        let compiled = try lexiconOptions.compile()
        let contextModel = try lexiconOptions.contextModel(for: compiled)
        var provenance = LexiconOptions.provenance(compiled)
        provenance.model = contextModel?.record
        // Coded sheets are read (and checked against their key) before anything is scored.
        let validationScore = validation.isEmpty ? nil : try ValidateCommand.score(validation, runFolder: out)
        let manifestPath = manifest ?? (noManifest ? nil : defaultManifest())
        var loadedManifest: Manifest?
        if let manifestPath {
            loadedManifest = try Manifest.load(path: manifestPath)
        }
        let fullCorpus: CorpusPlan
        fullCorpus = try CorpusPlan.make(directory: directory, manifest: loadedManifest, followLinks: followLinks,
                                         excluding: [out ?? "Output", cache])
        // Names in options are checked before anything is scored or the output folder is touched.
        let municipalities = fullCorpus.plans.map(\.municipality)
        try checkNames(Self.list(exclude), in: municipalities, path: "--exclude", place: "the corpus")
        try checkNames(focus, in: municipalities, path: "--focus", place: "the corpus")
        let shard = try shardOptions.resolve()
        let corpus = shard.map { fullCorpus.shard($0.k, of: $0.n) } ?? fullCorpus
        if let shard, !quiet { printNote("shard \(shard.k)/\(shard.n) (\(shard.source)): \(corpus.files.count) of \(fullCorpus.files.count) files") }
        let corpusJSON = RunOutputs.corpusJSON(fullCorpus)
        if fullCorpus.files.isEmpty && fullCorpus.failures.isEmpty {
            throw CLIError(description: "\(directory): no plan files found (put plan files there: \(ReadFormats.list))")
        }
        let outDir = out ?? "Output/\(Self.timestamp())"
        let runFolder: RunFolder
        let settings = runSettings(provenance, manifest: manifestPath, shard: shard.map { ($0.k, $0.n) },
                                   corpusSHA256: SHA256Hex.digest(Array(corpusJSON.utf8)))
        runFolder = try RunFolder.open(path: outDir, mode: overwrite ? .overwrite : (resume ? .resume : .fresh),
                                       fingerprint: Self.fingerprint(provenance), settings: settings)
        try runFolder.write("corpus.json", corpusJSON)
        let jsonl = runFolder.journal
        if let m = manifestPath, !quiet { printNote("manifest \(m)") }
        let planOf = Dictionary(corpus.plans.flatMap { p in p.files.map { ($0, p) } }, uniquingKeysWith: { a, _ in a })
        let progress = ProgressReporter(total: corpus.files.count, quiet: quiet, language: lang)
        var documentCache = noCache ? nil : isolation.cache(cache)
        if let problem = documentCache?.writeProblem() {
            printWarning("--cache \(cache): cannot be written (\(problem)); the run goes on without a text cache (give another --cache, or --no-cache)")
            documentCache = nil
        }
        documentCache?.removeStrayFiles()
        // The report's evidence sample is gathered as documents finish; their own evidence lines
        // (in documents.jsonl) are then let go, except for --focus plans, whose pages show them.
        let evidence = EvidenceSample()
        let focusNames = Set(focus.map { $0.lowercased() })
        let result = try CorpusRunner.run(corpus, lexicon: compiled, model: contextModel?.model, jobs: jobs, cache: documentCache,
                                          reader: isolation.reader(cache: documentCache, jobs: jobs, files: corpus.files.count,
                                                                            onProgress: { file, p in progress.reading(file, p) }), journaled: runFolder.journaled,
                                          onSlowFile: { file, seconds in
            printStandardError("\nsturing: " + Escape.terminal("reading \(file) has taken \(Int(seconds)) s (a file is stopped at --file-timeout)"))
        }, retain: { document in
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
            progress.finished(outcome)
        }
        for f in corpus.failures { jsonl.append(CorpusReport.errorLine(f)) }
        if let failure = jsonl.failure {
            throw CLIError(description: "\(jsonl.path): cannot write: \(failure) (free disk space or choose another --out; the other outputs were not written)")
        }

        var input = CorpusReportInput(provenance: provenance, plans: result.plans.map { ($0.plan, $0.score, $0.documents) },
                                      failures: result.failures, warnings: result.warnings, k: top)
        input.evidence = evidence
        input.apply(settings)
        input.validation = validationScore
        try RunOutputs.write(runFolder, input: input, findings: { Self.lexiconFindings(compiled, result) }, failures: result.failures,
                             dialect: csvDialect, language: lang, cache: documentCache?.statistics, threads: jobs)
        try RunOutputs.writeFocus(focus, input: input, folder: outDir, language: lang)
        try runFolder.finish()

        let labels = Labels(lang)
        if !quiet {
            print("sturing: " + labels.scored(plans: result.plans.count, errors: result.failures.count,
                                              cache: documentCache.map { ($0.statistics.hits, $0.statistics.misses) }, resumed: result.resumed))
            print("sturing: " + labels.wrote(Escape.terminal(outDir) + "/" + RunOutputs.names))
            for w in result.warnings { printWarning(w) }
            if let w = LexiconLanguageCheck.warning(compiled, documents: result.plans.flatMap(\.documents)) { printWarning(w) }
        }
        for f in result.failures { printError("\(f.file): \(f.error)") }
        if !result.failures.isEmpty { throw ExitCode(1) }
    }

    /// What the lexicon check finds on the run's documents, as "kind: message" lines.
    static func lexiconFindings(_ compiled: CompiledLexicon, _ result: CorpusResult) -> [LexiconFinding] {
        let documents = result.plans.flatMap(\.documents)
        return LexiconCheck(compiled: compiled, documents: documents).findings
    }

    /// The settings that decide each document's score: a resumed run must have the same.
    static func fingerprint(_ p: Provenance) -> String {
        let parts = [SturingVersion.current, p.lexiconSHA256, p.match.rawValue, p.stemmer, p.icu, p.poppler,
                     DocumentCache.formatVersion, TokenCache.version, "sentences-6"] + (p.model.map { ["model-" + $0.fingerprint] } ?? [])
        return SHA256Hex.digest(Array(parts.joined(separator: "\n").utf8))
    }

    /// What run.json records about this run.
    func runSettings(_ p: Provenance, manifest: String?, shard: (k: Int, n: Int)?, corpusSHA256: String) -> RunSettings {
        RunSettings(provenance: p, corpus: directory, manifest: manifest, corpusPlanSHA256: corpusSHA256,
                    shard: shard.map { RunSettings.Shard(k: $0.k, n: $0.n) }, csvDialect: csvDialect, lang: lang,
                    cache: noCache ? nil : cache, ocr: isolation.ocr.rawValue,
                    ocrEngine: isolation.ocr == .never ? nil : ExtractionLibraries.ocrEngine,
                    bootstrap: uncertainty.bootstrap, seed: uncertainty.seed, ingest: DocumentCache.formatVersion, tokens: TokenCache.version,
                    minSignalWords: threshold.minSignalWords, top: top, distinct: distinct, exclude: Self.list(exclude),
                    fileTimeout: isolation.fileTimeout, fileMemoryMB: isolation.fileMemory)
    }

    func defaultManifest() -> String? {
        let candidate = URL(fileURLWithPath: directory).appendingPathComponent("manifest.csv").path
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    static func list(_ s: String?) -> [String] {
        (s ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func timestamp() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd_HHmmss"
        return f.string(from: Date())
    }
}

extension CaseSelection.Distinct: ExpressibleByArgument {}
extension CSVDialect: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
