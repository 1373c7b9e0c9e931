import Foundation
import SturingCore
import SturingIngest
import Testing
@testable import SturingPipeline

/// The parent side of isolated extraction: a worker that hangs or dies becomes an error for the
/// file, and the next file gets a fresh worker.
@Suite struct ExtractionWorkerTests {
    @Test(.timeLimit(.minutes(2))) func aWorkerThatNeverAnswersIsStoppedAtTheTimeLimit() {
        let worker = ExtractionWorker(command: ["/bin/sleep", "600"], timeout: 0.5, memoryLimitMB: 64)
        let start = Date()
        #expect(throws: IngestError.timedOut(seconds: 1, format: "file")) { try worker.extract(path: "/dev/null") }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test(.timeLimit(.minutes(2))) func aWorkerThatDiesIsReportedWithItsSignal() {
        let worker = ExtractionWorker(command: ["/bin/sh", "-c", "kill -9 $$"], timeout: 30, memoryLimitMB: 64)
        #expect(throws: IngestError.readerStopped(signal: 9, memoryLimitMB: 64)) { try worker.extract(path: "/dev/null") }
        // The next job starts a new worker (which dies again here): still an error, never a hang.
        #expect(throws: IngestError.readerStopped(signal: 9, memoryLimitMB: 64)) { try worker.extract(path: "/dev/null") }
    }

    @Test(.timeLimit(.minutes(2))) func aMalformedReplyIsAnErrorNotACrash() {
        let worker = ExtractionWorker(command: ["/bin/sh", "-c", "read line; echo garbage"], timeout: 30, memoryLimitMB: 64)
        #expect(throws: IngestError.unreadable("the extraction worker gave a malformed reply")) { try worker.extract(path: "/dev/null") }
    }

    @Test func repliesRoundTrip() throws {
        let doc = Document(file: "x.txt", sha256: "abc", kind: .text, encoding: "UTF-8", pages: ["één", "twee"], hasPages: true)
        let data = WorkerProtocol.encode(.success(doc))
        let newline = try #require(data.firstIndex(of: 0x0A))
        let reply = try JSONDecoder().decode(WorkerProtocol.Reply.self, from: data[..<newline])
        #expect(reply.error == nil)
        #expect(DocumentCache.decode(data[(newline + 1)...], path: "x.txt") == doc)
        let failed = WorkerProtocol.encode(.failure(.timedOut(seconds: 3, format: "PDF")))
        let r = try JSONDecoder().decode(WorkerProtocol.Reply.self, from: failed.dropLast())
        #expect(r.error == .timedOut(seconds: 3, format: "PDF"))
    }

    // MARK: Issue 22, items 1 and 14: limits that fit the work, on resident memory

    @Test(.timeLimit(.minutes(2))) func progressKeepsASlowFileAliveAndItsSilenceStopsIt() {
        // Progress every 0.4 s for 2 s (a page to OCR announced), then nothing: the worker is
        // stopped 0.5 s after its last line, not 0.5 s after the start.
        let line = #"{"progress":{"page":1,"pages":3,"ocrPages":1}}"#
        let script = "read job; for i in 1 2 3 4 5; do echo '\(line)'; sleep 0.4; done; exec sleep 600"
        let worker = ExtractionWorker(command: ["/bin/sh", "-c", script], timeout: 0.5, memoryLimitMB: 0)
        var seen = 0
        worker.onProgress = { _ in seen += 1 }
        let start = Date()
        #expect(throws: IngestError.timedOut(seconds: 1, format: "file")) { try worker.extract(path: "/dev/null") }
        let elapsed = Date().timeIntervalSince(start)
        #expect(seen == 5 && elapsed > 1.8 && elapsed < 8, "\(seen) lines, \(elapsed) s")
    }

    @Test(.timeLimit(.minutes(2))) func progressCannotKeepAFileAliveForEver() {
        // A worker that says it is busy without end still ends at its allowance: no OCR pages,
        // 2 pages, so 0.5 s + 2 s.
        let line = #"{"progress":{"page":1,"pages":2,"ocrPages":0}}"#
        let script = "read job; while true; do echo '\(line)'; sleep 0.2; done"
        let worker = ExtractionWorker(command: ["/bin/sh", "-c", script], timeout: 0.5, memoryLimitMB: 0)
        let start = Date()
        #expect(throws: IngestError.timedOut(seconds: 1, format: "file")) { try worker.extract(path: "/dev/null") }
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed > 2 && elapsed < 8, "\(elapsed) s")
    }

    @Test(.timeLimit(.minutes(3))) func residentMemoryOverTheLimitStopsTheWorkerWithAClearError() throws {
        // 400 MB written (resident) against a limit of 100 MB; address space alone would not count.
        let python = try #require(["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) })
        let script = "import sys,time; sys.stdin.readline(); a = b'x' * (400 * 1024 * 1024); time.sleep(60)"
        let worker = ExtractionWorker(command: [python, "-c", script], timeout: 30, memoryLimitMB: 100)
        let start = Date()
        #expect(throws: IngestError.outOfMemory(limitMB: 100)) { try worker.extract(path: "/dev/null") }
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(IngestError.outOfMemory(limitMB: 100).description.contains("memory limit of 100 MB (resident memory)"))
    }
}
