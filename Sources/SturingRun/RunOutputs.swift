import Foundation
import SturingAnalysis
import SturingCore
import SturingPipeline
import SturingReport
import Synchronization

/// The tables and reports a run writes, the same for `analyze` and `merge`, so that merged shards
/// give exactly the outputs of one run.
public enum RunOutputs {
    /// The file names, for the closing message.
    public static let names = "{report.html, summary.md, scores.csv, scores.xlsx, scores.json, errors.csv, documents.jsonl, run.json}"

    /// Writes scores.csv, scores.xlsx, errors.csv, scores.json, summary.md and report.html into `folder`,
    /// each rendered and written on its own, side by side on up to `threads` threads (they only
    /// read `input`); scores.json is written a piece at a time, never held whole. `findings`,
    /// when given, works out the lexicon check (`input.lexiconFindings`, shown in report.html and
    /// scores.json) at the start of report.html's task, while the other outputs, which do not
    /// show it, are rendered beside it; scores.json, the last task, waits for it.
    public static func write(_ folder: RunFolder, input: CorpusReportInput, findings: (() -> [LexiconFinding])? = nil, failures: [FileFailure],
                      dialect: CSVDialect, language: Language, cache: (hits: Int, misses: Int)?, threads: Int) throws {
        // Each task renders and writes one output and returns what went wrong, if anything.
        func attempt(_ body: () throws(RunFolderError) -> Void) -> RunFolderError? {
            do { try body(); return nil } catch { return error }
        }
        // Tasks are claimed in order, so task 0 (which completes the input) has started before
        // the last one waits for it, on one thread or several.
        let complete = Mutex<CorpusReportInput?>(nil)
        let ready = DispatchSemaphore(value: 0)
        let failed = ParallelMap.map(6, threads: threads) { i -> RunFolderError? in
            switch i {
            case 0:
                var full = input
                if let findings { full.lexiconFindings = findings() }
                complete.withLock { $0 = full }
                ready.signal()
                return attempt { () throws(RunFolderError) in try folder.write("report.html", HTMLReport.render(full, language: language)) }
            case 1: return attempt { () throws(RunFolderError) in try folder.write("summary.md", SummaryMarkdown.render(input, language: language)) }
            case 2: return attempt { () throws(RunFolderError) in try folder.write("scores.csv", CorpusReport.scoresCSV(input, dialect: dialect, language: language)) }
            case 3: return attempt { () throws(RunFolderError) in try folder.write("errors.csv", CorpusReport.errorsCSV(failures, dialect: dialect)) }
            case 4: return attempt { () throws(RunFolderError) in try folder.writeWorkbook("scores.xlsx", input, language: language) }
            default:
                ready.wait()
                let full = complete.withLock { $0 } ?? input
                return attempt { () throws(RunFolderError) in try folder.write("scores.json", json: CorpusReport.scoresJSON(full, cache: cache)) }
            }
        }
        if let error = failed.compactMap({ $0 }).first { throw error }
    }

    /// Writes the focus page of each named municipality into `folder`; an unknown name is an
    /// error that suggests the closest ones.
    public static func writeFocus(_ names: [String], input: CorpusReportInput, folder: String, language: Language, events: RunEvents) throws {
        for name in names {
            guard let page = FocusReport.html(input, municipality: name, language: language) else {
                // The name was checked against the corpus; its files could not be scored.
                events.warning("--focus '\(name)': no file of this municipality could be scored, so it has no page (see errors.csv)")
                continue
            }
            let path = (folder as NSString).appendingPathComponent(FocusReport.fileName(name))
            try AtomicFile.write(page, to: path)
            events.note("wrote " + path)
        }
    }

    /// The corpus plan as run folders keep it (corpus.json), for `merge`.
    public static func corpusJSON(_ corpus: CorpusPlan) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(corpus)) ?? Data(), as: UTF8.self) + "\n"
    }
}
