import ArgumentParser
import Foundation
import SturingRun
import SturingAnalysis
import SturingCore
import SturingIngest
import SturingPipeline
import SturingReport
import SturingText

/// `sturing kwic FILE|DIR`: every counted occurrence of a term or perspective, or every
/// occurrence of any word or pattern, in its context.
struct KWICCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kwic",
        abstract: "Show words in context (keyword in context): a lexicon term or perspective as counted, or any word or pattern.")

    @Argument(help: "Plan files or folders (\(ReadFormats.list); a folder's manifest.csv names the municipalities).")
    var inputs: [String]

    @Option(name: .long, help: "A lexicon term (as written in the lexicon, e.g. 'kaders'): its counted occurrences.")
    var term: String?

    @Option(name: .long, help: "A perspective: PA, NPM, NPG or SR: the counted occurrences of its terms.")
    var perspective: String?

    @Option(name: .long, help: "Any word or words ('eigen regie'), lexicon or not: every occurrence, as written.")
    var word: String?

    @Option(name: .long, help: "Any word pattern with * ('doel*', '*sturing'): every matching word.")
    var pattern: String?

    @Option(name: .long, help: "Words of context on each side.")
    var window: Int = 8

    @OptionGroup var lexiconOptions: LexiconOptions

    @Option(name: .long, help: "table | csv")
    var format: Format = .table

    @Option(name: .long, help: "CSV style (with --format csv): standard or excel-nl (semicolon, BOM).")
    var csvDialect: CSVDialect = .standard

    @Option(name: .customLong("cache"), help: "A text cache folder (an analyze run's, e.g. Output/.cache): files already read there are not read again, others are added.")
    var cacheFolder: String?

    /// Output formats of `kwic`.
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv }

    func validate() throws {
        let given = [term, perspective, word, pattern].compactMap { $0 }
        if given.count != 1 { throw ValidationError("give exactly one of --term, --perspective, --word and --pattern") }
        if let perspective, Perspective(code: perspective) == nil { throw ValidationError("unknown perspective '\(perspective)' (use PA, NPM, NPG or SR)") }
        if let word, word.contains("*") { throw ValidationError("--word takes words as written; use --pattern for '*'") }
        if let pattern, !pattern.contains("*") { throw ValidationError("--pattern needs a * (e.g. 'doel*'); use --word for a word as written") }
        if let pattern, pattern.contains(" ") { throw ValidationError("--pattern is one word with * (use --word for several words)") }
        if window < 0 { throw ValidationError("--window must be 0 or more") }
    }

    /// The lexicon to search with: the run's lexicon for --term/--perspective, or a one-entry
    /// lexicon for --word/--pattern (exact words, or a glob), so any word can be looked at.
    func searchLexicon() throws -> CompiledLexicon {
        guard let search = word ?? pattern else { return try lexiconOptions.compile() }
        let entry = LexiconEntry(term: search.trimmingCharacters(in: .whitespaces), perspective: .pa, match: word != nil ? .exact : .glob)
        let lexicon = Lexicon(name: "kwic", version: "1", source: "sturing kwic", defaultMatch: .exact, entries: [entry])
        return try CompiledLexicon(lexicon, setting: .lexicon)
    }

    func run() throws {
        let compiled = try searchLexicon()
        if let term, !compiled.entries.contains(where: { $0.term.lowercased() == term.lowercased() }) {
            let close = NameSuggestion.closest(to: term, in: compiled.entries.map(\.term))
            throw CLIError(description: "term '\(term)' is not in the lexicon \(compiled.lexicon.name)"
                + (close.isEmpty ? " (`sturing lexicon show` lists its terms; --word finds any word)" : " (did you mean \(close.map { "'\($0)'" }.joined(separator: ", "))?)"))
        }
        let wanted = perspective.flatMap { Perspective(code: $0) }
        let listed = try CorpusInputs(inputs)
        let files = listed.files, municipality = listed.municipality
        let scorer = try DocumentScorer(lexicon: compiled)
        let searching = word != nil || pattern != nil
        if searching && lexiconOptions.modelOptions.wanted {
            throw CLIError(description: "--disambiguate and --model weigh the lexicon's matches: use them with --term or --perspective, not with --word or --pattern")
        }
        scorer.model = try lexiconOptions.contextModel(for: compiled)?.model
        let weighed = scorer.model != nil
        var rows = [["municipality", "file", "page", "perspective", "term", "left", "match", "right"] + (weighed ? ["p"] : [])]
        var failed = false
        // One file at a time: all cores clean it, and read its scanned pages by OCR.
        var cache = cacheFolder.map { DocumentCache(folder: $0, ocr: .auto) }
        if let problem = cache?.writeProblem(), let cacheFolder {
            printWarning("--cache \(cacheFolder): cannot be written (\(problem)); the files are read without it")
            cache = nil
        }
        let reader = IsolatedReader(cache: cache, textThreads: ProcessInfo.processInfo.activeProcessorCount)
        for file in files {
            let document: Document
            do { document = try reader.read(path: file) } catch {
                printError("\(file): \(error.description)")
                failed = true
                continue
            }
            let lines = scorer.occurrences(document, window: window) { entry in
                if searching { return true }
                if let term { return entry.term.lowercased() == term.lowercased() }
                return entry.perspective == wanted
            }
            for l in lines {
                rows.append([municipality[file] ?? "", l.file, l.page.map(String.init) ?? "", searching ? "" : l.perspective.code,
                             searching ? (word ?? pattern ?? "") : l.term, l.left, l.match, l.right] + (weighed ? [l.p.map { csvDialect.number($0) } ?? ""] : []))
            }
        }
        switch format {
        case .csv:
            let csv = csvDialect.write(rows)
            print(isatty(1) != 0 ? Escape.terminalText(csv) : csv, terminator: "")
        case .table:
            let leftWidth = min(60, rows.dropFirst().map { $0[5].count }.max() ?? 0)
            for raw in rows.dropFirst() {
                let r = raw.map(Escape.terminal)
                let left = r[5].count > leftWidth ? "…" + r[5].suffix(leftWidth - 1) : String(repeating: " ", count: leftWidth - r[5].count) + r[5]
                let place = (r[0].isEmpty ? "" : r[0] + ", ") + URL(fileURLWithPath: r[1]).lastPathComponent + (r[2].isEmpty ? "" : " p.\(r[2])")
                print("\(place)  \(left) [\(r[6])] \(r[7])" + (weighed ? "  p = \(r[8])" : ""))
            }
            printNote("\(rows.count - 1) occurrence\(rows.count - 1 == 1 ? "" : "s")")
        }
        if failed { throw ExitCode(1) }
    }
}
