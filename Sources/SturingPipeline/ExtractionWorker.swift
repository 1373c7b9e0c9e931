import Foundation
import SturingCore
import SturingIngest
#if canImport(Glibc)
import Glibc
#endif

/// One extraction worker process, seen from the parent: it sends a job, waits for the reply under
/// a time limit, and kills and restarts the worker when the limit passes, its resident memory
/// passes the memory limit, or it dies. Used by one thread at a time.
///
/// The time limit grows with the work a file honestly needs: the worker sends a progress line as
/// it goes, and a file is stopped only when no line came for `timeout` seconds, or when it ran
/// longer than `timeout` plus `IngestError.secondsPerOCRPage` for each page it reads by OCR and
/// `IngestError.secondsPerPage` for each of its pages.
final class ExtractionWorker {
    /// The worker's executable and arguments (the `sturing-extract` helper and its options).
    let command: [String]
    /// Seconds one file may take.
    let timeout: Double
    /// The worker's limit on resident memory (MB, 0: none), watched while it works.
    let memoryLimitMB: Int
    /// Called with each progress line of the current job.
    var onProgress: ((WorkerProtocol.Progress) -> Void)?
    /// How often the worker's resident memory is looked at while waiting (seconds).
    static let watchInterval = 0.05
    private var process: Process?
    private var toWorker: Int32 = -1
    private var fromWorker: Int32 = -1
    private var buffer = [UInt8]()
    /// One read's worth of bytes, reused for every read.
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    /// A worker handle (the process starts with the first job). Writing to a worker that died
    /// must be an error, not the end of the run: SIGPIPE is ignored process-wide from here on.
    init(command: [String], timeout: Double, memoryLimitMB: Int) {
        signal(SIGPIPE, SIG_IGN)
        self.command = command
        self.timeout = timeout
        self.memoryLimitMB = memoryLimitMB
    }

    deinit { stop(kill: false) }

    /// Extracts `path` in the worker; a timeout or a dead worker becomes an `IngestError`.
    func extract(path: String) throws(IngestError) -> Document {
        try extract(path: path, cleaningByPage: false).document
    }

    /// Extracts `path` in the worker and, when asked, what cleaning did to each of its pages.
    func extract(path: String, cleaningByPage: Bool) throws(IngestError) -> (document: Document, cleaningByPage: [PageCleaning]?) {
        if process == nil { try start() }
        var job = (try? JSONEncoder().encode(WorkerProtocol.Job(path: path, cleaningByPage: cleaningByPage ? true : nil))) ?? Data()
        job.append(0x0A)
        guard send(job) else {
            // The worker died between jobs: start a new one and try once more.
            stop(kill: true)
            try start()
            guard send(job) else { throw died() }
            return try receive(path: path)
        }
        return try receive(path: path)
    }

    private func receive(path: String) throws(IngestError) -> (document: Document, cleaningByPage: [PageCleaning]?) {
        var limits = Deadlines(timeout: timeout)
        var line: [UInt8]
        while true {
            guard let next = readLine(limits: &limits) else { throw failure(limits, path: path) }
            // Progress lines keep the file alive and let its limit grow; the reply ends the job.
            if let progress = try? JSONDecoder().decode(WorkerProtocol.ProgressLine.self, from: Data(next)).progress {
                limits.progressed(progress)
                onProgress?(progress)
                continue
            }
            line = next
            break
        }
        guard let reply = try? JSONDecoder().decode(WorkerProtocol.Reply.self, from: Data(line)) else {
            stop(kill: true)
            throw .unreadable("the extraction worker gave a malformed reply")
        }
        if let error = reply.error { throw error }
        guard let payload = readBytes(reply.length, limits: &limits) else { throw failure(limits, path: path) }
        guard let document = DocumentCache.decode(Data(payload), path: path) else {
            stop(kill: true)
            throw .unreadable("the extraction worker gave a malformed document")
        }
        return (document, reply.cleaningByPage)
    }

    /// When the current job must end: `timeout` after the last line from the worker, and at most
    /// `timeout` plus the OCR allowance after the start.
    struct Deadlines {
        let timeout: Double
        let start = Date().timeIntervalSince1970
        var lastWord: Double
        var ocrPages = 0
        /// Set when the worker's resident memory passed the limit.
        var overMemory = false

        init(timeout: Double) {
            self.timeout = timeout
            lastWord = start
        }

        /// The moment the job is stopped.
        var deadline: Double {
            min(lastWord + timeout, start + timeout + Double(ocrPages * IngestError.secondsPerOCRPage + pages * IngestError.secondsPerPage))
        }
        var pages = 0

        mutating func progressed(_ p: WorkerProtocol.Progress) {
            lastWord = Date().timeIntervalSince1970
            ocrPages = max(ocrPages, p.ocrPages)
            pages = max(pages, p.pages)
        }
    }

    /// Why the current job ended without a reply: memory, the deadline (the worker is killed), or
    /// the worker closed its output before it (it died).
    private func failure(_ limits: Deadlines, path: String) -> IngestError {
        guard process != nil else { return .unreadable("the extraction worker is not running") }
        if limits.overMemory {
            stop(kill: true)
            return .outOfMemory(limitMB: memoryLimitMB)
        }
        if Date().timeIntervalSince1970 >= limits.deadline {
            stop(kill: true)
            return .timedOut(seconds: Int(timeout.rounded()), format: Self.format(of: path))
        }
        return died()
    }

    /// What the file is, in a message ("PDF", "Word file").
    static func format(of path: String) -> String {
        guard let head = DocumentReader.head(path: path, count: 8192) else { return "file" }
        switch FileSniffer.sniff(head) {
        case .pdf: return "PDF"
        case .docx: return "Word file"
        case .odt: return "OpenDocument file"
        case .html: return "web page"
        default: return "file"
        }
    }

    /// The worker's resident memory in MB (from /proc), or nil when it cannot be read.
    private func residentMB() -> Int? {
        guard let pid = process?.processIdentifier,
              let statm = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .ascii) else { return nil }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    /// The worker died by itself: how (a signal, or an exit), and it is cleaned up.
    private func died() -> IngestError {
        guard let process else { return .unreadable("the extraction worker is not running") }
        process.waitUntilExit()
        let signal = process.terminationReason == .uncaughtSignal ? process.terminationStatus : 0
        stop(kill: false)
        return .readerStopped(signal: signal, memoryLimitMB: memoryLimitMB)
    }

    private func start() throws(IngestError) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: command[0])
        p.arguments = Array(command.dropFirst())
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        // Tesseract's OpenMP threads would fight the other workers for the cores; OpenMP reads
        // this when the worker starts.
        p.environment = ProcessInfo.processInfo.environment.merging(["OMP_THREAD_LIMIT": "1"]) { _, new in new }
        do { try p.run() } catch {
            throw .unreadable("cannot start the extraction worker \(command[0]): \(error.localizedDescription)")
        }
        process = p
        toWorker = input.fileHandleForWriting.fileDescriptor
        fromWorker = output.fileHandleForReading.fileDescriptor
        // Keep the descriptors: the Pipe objects would close them when released.
        pipes = (input, output)
        buffer.removeAll(keepingCapacity: true)
    }

    private var pipes: (Pipe, Pipe)?

    /// Ends the worker: closes its input (it exits) or kills it.
    private func stop(kill force: Bool) {
        guard let p = process else { return }
        if force && p.isRunning { Glibc.kill(p.processIdentifier, SIGKILL) }
        try? pipes?.0.fileHandleForWriting.close()
        if force || !p.isRunning { p.waitUntilExit() }
        try? pipes?.1.fileHandleForReading.close()
        pipes = nil
        process = nil
        toWorker = -1
        fromWorker = -1
    }

    private func send(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(toWorker, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }

    /// Reads more bytes into the buffer before the deadline, watching the worker's resident
    /// memory; false on timeout, memory, end of file or error.
    private func fill(limits: inout Deadlines) -> Bool {
        while true {
            let remaining = limits.deadline - Date().timeIntervalSince1970
            if remaining <= 0 { return false }
            if memoryLimitMB > 0, let resident = residentMB(), resident > memoryLimitMB {
                limits.overMemory = true
                return false
            }
            var pfd = pollfd(fd: fromWorker, events: Int16(POLLIN), revents: 0)
            let wait = memoryLimitMB > 0 ? min(remaining, Self.watchInterval) : remaining
            let ready = poll(&pfd, 1, Int32(min(wait * 1000, 1_000_000_000).rounded(.up)))
            if ready < 0 { if errno == EINTR { continue }; return false }
            if ready == 0 { continue }
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fromWorker, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return false }
            if n == 0 { return false }
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
    }

    private func readLine(limits: inout Deadlines) -> [UInt8]? {
        var searched = 0
        while true {
            if let i = buffer[searched...].firstIndex(of: 0x0A) {
                let line = Array(buffer[0..<i])
                buffer.removeSubrange(0...i)
                return line
            }
            searched = buffer.count
            guard fill(limits: &limits) else { return nil }
        }
    }

    private func readBytes(_ count: Int, limits: inout Deadlines) -> [UInt8]? {
        buffer.reserveCapacity(count)
        while buffer.count < count {
            guard fill(limits: &limits) else { return nil }
        }
        let bytes = Array(buffer[0..<count])
        buffer.removeSubrange(0..<count)
        return bytes
    }
}
