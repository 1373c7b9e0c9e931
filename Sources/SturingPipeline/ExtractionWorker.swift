import Foundation
import SturingCore
import SturingIngest
#if canImport(Glibc)
import Glibc
#endif

/// One extraction worker process, seen from the parent: it sends a job, waits for the reply under
/// a time limit, and kills and restarts the worker when the limit passes or the worker dies.
/// Used by one thread at a time.
final class ExtractionWorker {
    /// The worker's executable and arguments (the `sturing-extract` helper and its options).
    let command: [String]
    /// Seconds one file may take.
    let timeout: Double
    /// The worker's memory limit, for messages.
    let memoryLimitMB: Int
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
        let deadline = Date().timeIntervalSince1970 + timeout
        guard let line = readLine(deadline: deadline) else { throw failure(deadline: deadline) }
        guard let reply = try? JSONDecoder().decode(WorkerProtocol.Reply.self, from: Data(line)) else {
            stop(kill: true)
            throw .unreadable("the extraction worker gave a malformed reply")
        }
        if let error = reply.error { throw error }
        guard let payload = readBytes(reply.length, deadline: deadline) else { throw failure(deadline: deadline) }
        guard let document = DocumentCache.decode(Data(payload), path: path) else {
            stop(kill: true)
            throw .unreadable("the extraction worker gave a malformed document")
        }
        return (document, reply.cleaningByPage)
    }

    /// Why the current job ended without a reply: the deadline passed (the worker is killed), or
    /// the worker closed its output before it (it died).
    private func failure(deadline: Double) -> IngestError {
        guard process != nil else { return .unreadable("the extraction worker is not running") }
        if Date().timeIntervalSince1970 >= deadline {
            stop(kill: true)
            return .timedOut(seconds: Int(timeout.rounded()))
        }
        return died()
    }

    /// The worker ended by itself: how (a signal, or an exit), and it is cleaned up.
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

    /// Reads more bytes into the buffer before `deadline`; false on timeout, end of file or error.
    private func fill(deadline: Double) -> Bool {
        while true {
            let remaining = deadline - Date().timeIntervalSince1970
            if remaining <= 0 { return false }
            var pfd = pollfd(fd: fromWorker, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(min(remaining * 1000, 1_000_000_000).rounded(.up)))
            if ready < 0 { if errno == EINTR { continue }; return false }
            if ready == 0 { continue }
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fromWorker, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return false }
            if n == 0 { return false }
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
    }

    private func readLine(deadline: Double) -> [UInt8]? {
        var searched = 0
        while true {
            if let i = buffer[searched...].firstIndex(of: 0x0A) {
                let line = Array(buffer[0..<i])
                buffer.removeSubrange(0...i)
                return line
            }
            searched = buffer.count
            guard fill(deadline: deadline) else { return nil }
        }
    }

    private func readBytes(_ count: Int, deadline: Double) -> [UInt8]? {
        buffer.reserveCapacity(count)
        while buffer.count < count {
            guard fill(deadline: deadline) else { return nil }
        }
        let bytes = Array(buffer[0..<count])
        buffer.removeSubrange(0..<count)
        return bytes
    }
}
