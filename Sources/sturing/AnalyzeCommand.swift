import ArgumentParser
import Foundation
import SturingAnalysis
import SturingCore
import SturingReport
import SturingRun

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
        let lexicon = try lexiconOptions.load()
        let shard = try shardOptions.resolve()
        let out = self.out ?? "Output/\(Self.timestamp())"
        var request = AnalysisRun.Request(directory: directory, manifest: manifest ?? (noManifest ? nil : AnalysisRun.Request.defaultManifest(directory)),
                                          out: out, lexicon: lexicon)
        request.mode = overwrite ? .overwrite : (resume ? .resume : .fresh)
        request.jobs = jobs
        request.cache = noCache ? nil : cache
        request.ignoredFolders = [self.out ?? "Output", cache]
        request.limits = isolation.limits
        request.shard = shard.map { RunSettings.Shard(k: $0.k, n: $0.n) }
        request.shardSource = shard?.source ?? "--shard"
        request.top = top
        request.distinct = distinct
        request.exclude = NameCheck.list(exclude)
        request.minSignalWords = threshold.minSignalWords
        request.bootstrap = uncertainty.bootstrap
        request.seed = uncertainty.seed
        request.validation = validation
        request.focus = focus
        request.csvDialect = csvDialect
        request.language = lang
        request.followLinks = followLinks
        let progress = ProgressReporter(total: 0, quiet: quiet, language: lang)
        var events = consoleEvents(quiet: quiet)
        events.planned = { progress.start(total: $0) }
        events.reading = { file, p in progress.reading(file, p) }
        events.finished = { progress.finished($0) }
        events.slowFile = { file, seconds in
            printStandardError("\nsturing: " + Escape.terminal("reading \(file) has taken \(Int(seconds)) s (a file is stopped at --file-timeout)"))
        }
        try Closing.print(try AnalysisRun.run(request, events: events), quiet: quiet)
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
