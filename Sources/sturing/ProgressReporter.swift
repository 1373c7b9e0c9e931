import Foundation
import SturingReport
import SturingIngest
import SturingPipeline

/// Progress on standard error: a bar on a terminal (files done, pages/s, ETA), plain lines otherwise.
final class ProgressReporter: @unchecked Sendable {
    private var total: Int
    private let isTerminal: Bool
    private let quiet: Bool
    private var start = Date()
    private var done = 0
    private var pages = 0
    private let lock = NSLock()
    private let labels: Labels

    /// A reporter for `total` files in `language`; `quiet` prints nothing.
    init(total: Int, quiet: Bool = false, language: Language = .dutch) {
        self.total = total
        self.labels = Labels(language)
        self.isTerminal = !quiet && isatty(STDERR_FILENO) == 1
        self.quiet = quiet
    }

    /// Sets the number of files to score (known once the corpus is planned).
    func start(total: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.total = total
        start = Date()
    }

    /// Records one finished file.
    func finished(_ outcome: FileOutcome) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        var status = "ok"
        switch outcome {
        case .scored(let s):
            pages += s.pages ?? 0
            status = s.pages.map { labels.pages($0) } ?? labels.tokens(s.tokens)
        case .failed:
            status = labels.failedFile
        }
        guard !quiet else { return }
        let elapsed = Date().timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(pages) / elapsed : 0
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let name = URL(fileURLWithPath: outcome.file).lastPathComponent
        if isTerminal {
            drawBar(labels.rate(pagesPerSecond: Int(rate), eta: Self.clock(eta)) + "  " + Escape.terminal(name))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        } else {
            printStandardError("sturing: [\(done)/\(total)] " + Escape.terminal("\(outcome.file): \(status)"))
        }
    }

    /// Records how far a file being read is (a long PDF, a scan under OCR): on a terminal the
    /// line names the file and its page; otherwise a line at most every 30 s.
    func reading(_ file: String, _ progress: WorkerProtocol.Progress) {
        lock.lock()
        defer { lock.unlock() }
        guard !quiet else { return }
        let name = URL(fileURLWithPath: file).lastPathComponent
        if isTerminal {
            drawBar(labels.reading(Escape.terminal(name), page: progress.page, of: progress.pages, ocr: progress.ocrPages))
        } else if Date().timeIntervalSince(lastNote[file] ?? .distantPast) >= 30 {
            lastNote[file] = Date()
            printStandardError("sturing: " + Escape.terminal(labels.readSoFar(file, page: progress.page, of: progress.pages, ocr: progress.ocrPages)))
        }
    }

    /// Redraws the terminal's progress line: the bar, files done, then `tail` (cut at 110 columns).
    private func drawBar(_ tail: String) {
        let width = 24
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        var line = "\r[\(bar)] \(labels.filesDone(done, of: total)), \(tail)"
        if line.count > 110 { line = String(line.prefix(110)) }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    }

    /// When a progress line was last printed for a file (not on a terminal).
    private var lastNote = [String: Date]()

    /// Seconds as m:ss.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
