import Foundation
import Testing
@testable import SturingReport

/// The run's journal: a full disk is a recorded failure, never a crash; resume cuts a torn line.
@Suite struct JSONLinesFileTests {
    @Test func aFullDiskIsReportedNotACrash() throws {
        let journal = try JSONLinesFile(path: "/dev/full", append: true)
        journal.append("{\"file\": \"a\"}")
        journal.append("{\"file\": \"b\"}")
        #expect(journal.failure == String(cString: strerror(ENOSPC)))
    }

    @Test func appendingCutsATornLastLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("{\"a\":1}\n{\"b\":".utf8).write(to: URL(fileURLWithPath: path))
        #expect(JSONLinesFile.lines(path: path) == ["{\"a\":1}"])
        let journal = try JSONLinesFile(path: path, append: true)
        journal.append("{\"c\":3}")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\":1}\n{\"c\":3}\n")
        #expect(journal.failure == nil)
    }
}
