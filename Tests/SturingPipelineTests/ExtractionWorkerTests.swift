import Foundation
import SturingCore
import SturingIngest
import Testing
@testable import SturingPipeline

/// The parent side of isolated extraction: a worker that hangs or dies becomes an error for the
/// file, and the next file gets a fresh worker.
@Suite struct ExtractionWorkerTests {
    @Test func aWorkerThatNeverAnswersIsStoppedAtTheTimeLimit() {
        let worker = ExtractionWorker(command: ["/bin/sleep", "600"], timeout: 0.5, memoryLimitMB: 64)
        let start = Date()
        #expect(throws: IngestError.timedOut(seconds: 1)) { try worker.extract(path: "/dev/null") }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func aWorkerThatDiesIsReportedWithItsSignal() {
        let worker = ExtractionWorker(command: ["/bin/sh", "-c", "kill -9 $$"], timeout: 30, memoryLimitMB: 64)
        #expect(throws: IngestError.readerStopped(signal: 9, memoryLimitMB: 64)) { try worker.extract(path: "/dev/null") }
        // The next job starts a new worker (which dies again here): still an error, never a hang.
        #expect(throws: IngestError.readerStopped(signal: 9, memoryLimitMB: 64)) { try worker.extract(path: "/dev/null") }
    }

    @Test func aMalformedReplyIsAnErrorNotACrash() {
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
        let failed = WorkerProtocol.encode(.failure(.timedOut(seconds: 3)))
        let r = try JSONDecoder().decode(WorkerProtocol.Reply.self, from: failed.dropLast())
        #expect(r.error == .timedOut(seconds: 3))
    }
}
