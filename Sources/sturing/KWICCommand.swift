import ArgumentParser
import Foundation
import SturingCore
import SturingIngest
import SturingPipeline
import SturingReport
import SturingText

/// `sturing kwic FILE|DIR`: every counted occurrence of a term or perspective in its context.
struct KWICCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kwic",
        abstract: "Show every counted occurrence of a term or perspective in context (keyword in context).")

    @Argument(help: "PDF or text files, or folders.")
    var inputs: [String]

    @Option(name: .long, help: "A lexicon term (as written in the lexicon, e.g. 'kaders').")
    var term: String?

    @Option(name: .long, help: "A perspective: PA, NPM, NPG or SR.")
    var perspective: String?

    @Option(name: .long, help: "Words of context on each side.")
    var window: Int = 8

    @OptionGroup var lexiconOptions: LexiconOptions

    @Option(name: .long, help: "table | csv")
    var format: Format = .table

    /// Output formats of `kwic`.
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv }

    func validate() throws {
        if (term == nil) == (perspective == nil) { throw ValidationError("give exactly one of --term and --perspective") }
        if let perspective, Perspective(code: perspective) == nil { throw ValidationError("unknown perspective '\(perspective)' (use PA, NPM, NPG or SR)") }
        if window < 0 { throw ValidationError("--window must be 0 or more") }
    }

    func run() throws {
        let compiled = try lexiconOptions.compile()
        if let term, !compiled.entries.contains(where: { $0.term.lowercased() == term.lowercased() }) {
            throw CLIError(description: "term '\(term)' is not in the lexicon \(compiled.lexicon.name) (see `sturing score --format json` for the terms)")
        }
        let wanted = perspective.flatMap { Perspective(code: $0) }
        var files = [String]()
        for input in inputs {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: input, isDirectory: &isDir), isDir.boolValue {
                do { files += try CorpusPlan.make(directory: input, manifest: nil).files } catch { throw CLIError(description: error.description) }
            } else {
                files.append(input)
            }
        }
        let scorer = try DocumentScorer(lexicon: compiled)
        var rows = [["file", "page", "perspective", "term", "left", "match", "right"]]
        var failed = false
        for file in files {
            let document: Document
            do { document = try DocumentReader.read(path: file) } catch {
                printError("\(file): \(error.description)")
                failed = true
                continue
            }
            let lines = scorer.occurrences(document, window: window) { entry in
                if let term { return entry.term.lowercased() == term.lowercased() }
                return entry.perspective == wanted
            }
            for l in lines {
                rows.append([l.file, l.page.map(String.init) ?? "", l.perspective.code, l.term, l.left, l.match, l.right])
            }
        }
        switch format {
        case .csv:
            print(CSVText.write(rows), terminator: "")
        case .table:
            let leftWidth = min(60, rows.dropFirst().map { $0[4].count }.max() ?? 0)
            for raw in rows.dropFirst() {
                let r = raw.map(Escape.terminal)
                let left = r[4].count > leftWidth ? "…" + r[4].suffix(leftWidth - 1) : String(repeating: " ", count: leftWidth - r[4].count) + r[4]
                let place = URL(fileURLWithPath: r[0]).lastPathComponent + (r[1].isEmpty ? "" : " p.\(r[1])")
                print("\(place)  \(left) [\(r[5])] \(r[6])")
            }
            printNote("\(rows.count - 1) occurrence(s)")
        }
        if failed { throw ExitCode(1) }
    }
}
