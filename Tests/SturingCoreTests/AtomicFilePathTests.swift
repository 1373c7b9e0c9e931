import Foundation
import Testing
@testable import SturingCore

/// Issue 25: a file made by a writer that only takes a path (libxlsxwriter) is written atomically too.
@Suite struct AtomicFilePathTests {
    @Test func theTemporaryFileIsRenamedOverTheTargetOrRemoved() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("scores.xlsx").path
        try AtomicFile.write("oud", to: target)
        var seen = ""
        try AtomicFile.write(to: target) { (temp) throws(AtomicFileError) in
            seen = temp
            #expect((temp as NSString).deletingLastPathComponent == dir.path && temp != target)
            _ = FileManager.default.createFile(atPath: temp, contents: Data("nieuw".utf8))
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "nieuw")
        #expect(!FileManager.default.fileExists(atPath: seen))
        // A writer that fails half-way leaves the earlier file and no temporary file.
        #expect(throws: AtomicFileError.self) {
            try AtomicFile.write(to: target) { (temp) throws(AtomicFileError) in
                _ = FileManager.default.createFile(atPath: temp, contents: Data("half".utf8))
                throw AtomicFileError(path: target, reason: "stopped", advice: "none")
            }
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "nieuw")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["scores.xlsx"])
        #expect(throws: AtomicFileError.self) { try AtomicFile.write(to: dir.path, byPath: { (_: String) throws(AtomicFileError) in }) }
    }

    @Test func aDeviceGetsTheBytesCopiedIn() throws {
        var made = ""
        try AtomicFile.write(to: "/dev/null") { (temp) throws(AtomicFileError) in
            made = temp
            _ = FileManager.default.createFile(atPath: temp, contents: Data("x".utf8))
        }
        #expect(!made.hasPrefix("/dev/") && !FileManager.default.fileExists(atPath: made))
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }
}
