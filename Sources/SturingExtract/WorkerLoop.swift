import Foundation
import SturingCore
import SturingIngest
#if canImport(Glibc)
import Glibc
#endif

/// The worker side of isolated extraction: the `sturing-extract` helper runs this loop. It reads
/// jobs from standard input until it closes, extracts each file with `DocumentExtractor` and
/// writes the reply.
/// It limits its own address space, and dies with its parent, so a file that makes poppler loop
/// or allocate without end costs at most one worker, never the run.
public enum WorkerLoop {
    /// Serves jobs until standard input closes. `memoryLimitMB` caps the worker's address space.
    public static func serve(memoryLimitMB: Int, ocr: OCRMode = .auto, threads: Int = 1) {
        // Die with the parent: a worker stuck in poppler must not outlive the run. (Not with
        // prctl(PR_SET_PDEATHSIG): that fires when the parent *thread* that started the worker
        // ends, and the parent's thread pool ends threads while the run goes on.)
        let parent = getppid()
        if parent == 1 { exit(0) }
        Thread.detachNewThread {
            while true {
                sleep(1)
                if getppid() != parent { _exit(0) }
            }
        }
        // The memory limit is on resident memory, which the parent watches (Tesseract and OpenMP
        // reserve address space they never touch, so an address-space limit at the same size kills
        // files that fit). The address space gets a backstop four times as large, against an
        // allocation faster than the parent's watch.
        if memoryLimitMB > 0 {
            let bytes = rlim_t(max(memoryLimitMB * 4, memoryLimitMB + 4096)) * 1_048_576
            var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
            _ = setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
        }
        ExtractionProgress.configure(memoryLimitMB: memoryLimitMB) { progress in write(WorkerProtocol.encode(progress)) }
        signal(SIGPIPE, SIG_IGN)
        // Provenance and the text cache name the library versions sturing was built with: extract
        // nothing with others (a library upgraded since the build).
        let mismatch = LoadedLibraries.mismatch
        let decoder = JSONDecoder()
        while let line = readLine(strippingNewline: true) {
            guard let job = try? decoder.decode(WorkerProtocol.Job.self, from: Data(line.utf8)) else {
                write(WorkerProtocol.encode(.failure(.unreadable("the worker received a malformed job"))))
                continue
            }
            if let mismatch {
                write(WorkerProtocol.encode(.failure(.helperUnavailable(mismatch))))
                continue
            }
            do throws(IngestError) {
                if job.cleaningByPage == true {
                    let (document, byPage) = try DocumentExtractor.readReporting(path: job.path, ocr: ocr, threads: threads)
                    write(WorkerProtocol.encode(.success(document), cleaningByPage: byPage))
                } else {
                    write(WorkerProtocol.encode(.success(try DocumentExtractor.read(path: job.path, ocr: ocr, threads: threads))))
                }
            } catch {
                write(WorkerProtocol.encode(.failure(error)))
            }
        }
    }

    /// One writer at a time: progress comes from the OCR threads, the reply from the loop.
    private static let output = NSLock()

    /// Writes all of `data` to standard output (exits when the parent is gone).
    static func write(_ data: Data) {
        output.lock()
        defer { output.unlock() }
        data.withUnsafeBytes { raw in
            if FileDescriptor.writeAll(1, raw) != nil { exit(0) }
        }
    }
}
