import Foundation
import SturingCore
import SturingIngest
import Synchronization

/// Reads documents in worker processes, so a file that hangs poppler or takes all memory is
/// stopped after `timeout` seconds (or at the memory limit) and becomes an error for that file,
/// while the run goes on. The text cache is consulted and filled here, in the parent.
public final class IsolatedReader: Sendable {
    /// How extraction is isolated.
    public struct Limits: Sendable {
        /// Seconds one file may take to read (default 120).
        public var fileTimeout: Double
        /// Limit on a worker's resident memory in MB (0: none); the parent watches it.
        public var memoryLimitMB: Int
        /// When PDF pages are read by OCR.
        public var ocr: OCRMode

        /// Creates limits.
        public init(fileTimeout: Double = 120, memoryLimitMB: Int = 4096, ocr: OCRMode = .auto) {
            self.fileTimeout = fileTimeout
            self.memoryLimitMB = memoryLimitMB
            self.ocr = ocr
        }
    }

    /// The worker command: the `sturing-extract` helper with `--file-memory N --ocr M --threads T`.
    public let command: [String]
    /// The limits.
    public let limits: Limits
    private let cache: DocumentCache?
    private let idle = Mutex<[Int]>([])
    private let workers: Mutex<[WorkerBox]>
    /// Called (on the reading thread) with each progress line of a file read by a worker: its path,
    /// pages done, pages, and pages read by OCR.
    private let onProgress: (@Sendable (String, WorkerProtocol.Progress) -> Void)?

    /// Threads that clean one large plain text (see `read`), and that read the OCR pages of one PDF.
    public let textThreads: Int

    /// A reader that starts workers with `helper --file-memory N ...` (`helper` is the path of
    /// `sturing-extract`); `textThreads` threads clean one large plain text.
    public init(helper: String = IsolatedReader.helperExecutable, limits: Limits = Limits(), cache: DocumentCache?, textThreads: Int = 1,
                onProgress: (@Sendable (String, WorkerProtocol.Progress) -> Void)? = nil) {
        self.onProgress = onProgress
        self.textThreads = max(1, textThreads)
        self.command = [helper, "--file-memory", "\(limits.memoryLimitMB)", "--ocr", limits.ocr.rawValue,
                        "--threads", "\(max(1, textThreads))"]

        self.limits = limits
        self.cache = cache
        self.workers = Mutex([])
    }

    /// The threads that clean one large text when `jobs` workers read `files` files: the cores
    /// left over when there are fewer files than workers.
    public static func textThreads(jobs: Int, files: Int) -> Int { max(1, jobs / max(1, files)) }

    /// The path of the `sturing-extract` helper: beside the running executable (symbolic links
    /// resolved), where `swift build` and `make install` put it.
    public static var helperExecutable: String {
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent(WorkerProtocol.helperName).path
    }

    /// Reads the document at `path`: from the cache; a plain text file here, in this process
    /// (decoding and cleaning text is this project's own linear-time code, with no third-party
    /// parser that could hang, and the text need not be copied from a worker); anything else
    /// in a worker under the limits.
    public func read(path: String) throws(IngestError) -> Document {
        // Without a cache, the start of the file tells plain text from the rest, so a PDF is
        // read (and hashed) once, by its worker, not also here; the start is looked at once.
        if cache == nil {
            if let head = DocumentReader.head(path: path), FileSniffer.sniff(head) != .text {
                return try extractInWorker(path)
            }
            // A plain text (or a file that cannot be read: readBytes says why). Without a cache
            // the hash is not needed first: a plain text is hashed while it is decoded.
            return try DocumentReader.textDocument(path: path, bytes: try DocumentReader.readBytes(path: path), sha256: nil, threads: textThreads)
        }
        var bytes = try DocumentReader.readBytes(path: path)
        let sha = SHA256Hex.digest(bytes)
        if let cache, let cached = cache.load(sha256: sha, path: path) { return cached }
        if FileSniffer.sniff(bytes) == .text {
            let document = try DocumentReader.textDocument(path: path, bytes: consume bytes, sha256: sha, threads: textThreads)
            cache?.store(document)
            return document
        }
        bytes = []  // the worker reads the file itself
        let document = try extractInWorker(path)
        if let cache, document.sha256 == sha { cache.store(document) }
        return document
    }

    /// `read`, and what cleaning did to each page, for `sturing text --report`: a plain text
    /// here (decoded once more for the pages' report), anything else by one worker job (a PDF is
    /// extracted, and OCR run, once).
    public func readReporting(path: String) throws(IngestError) -> (document: Document, cleaningByPage: [PageCleaning]) {
        if let head = DocumentReader.head(path: path), FileSniffer.sniff(head) != .text {
            try checkHelper()
            let box = checkOut()
            defer { checkIn(box) }
            let (document, byPage) = try box.worker.extract(path: path, cleaningByPage: true)
            return (document, byPage ?? [])
        }
        let document = try read(path: path)  // a plain text, or the error that says why a file cannot be read
        let pages = DocumentReader.textPages(try TextDecoder.decode(try DocumentReader.readBytes(path: path)).text)
        return (document, TextCleaner.cleanByPage(pages: pages, removeRunningLines: pages.count > 1))
    }

    /// The file read by a worker under the limits.
    private func extractInWorker(_ path: String) throws(IngestError) -> Document {
        try checkHelper()
        let box = checkOut()
        defer { checkIn(box) }
        if let onProgress { box.worker.onProgress = { onProgress(path, $0) } } else { box.worker.onProgress = nil }
        return try box.worker.extract(path: path)
    }

    /// A clear error when the helper is not where it should be (only plain text can be read then).
    private func checkHelper() throws(IngestError) {
        guard !FileManager.default.isExecutableFile(atPath: command[0]) else { return }
        throw .helperUnavailable("PDFs, web pages and Word files are read by \(WorkerProtocol.helperName), which is not at \(command[0]) "
                                 + "(install it beside sturing: `make install` does, or copy .build/release/\(WorkerProtocol.helperName) there)")
    }

    /// A worker used by one thread at a time.
    final class WorkerBox: @unchecked Sendable {
        let index: Int
        let worker: ExtractionWorker
        init(index: Int, worker: ExtractionWorker) {
            self.index = index
            self.worker = worker
        }
    }

    private func checkOut() -> WorkerBox {
        if let i = idle.withLock({ $0.popLast() }) { return workers.withLock { $0[i] } }
        return workers.withLock { list in
            let box = WorkerBox(index: list.count, worker: ExtractionWorker(command: command, timeout: limits.fileTimeout,
                                                                            memoryLimitMB: limits.memoryLimitMB))
            list.append(box)
            return box
        }
    }

    private func checkIn(_ box: WorkerBox) {
        idle.withLock { $0.append(box.index) }
    }
}
