import Foundation
import SturingCore
import Testing
@testable import SturingIngest

/// The text cache: an entry is trusted only when its checksum holds; stray temporary files go.
@Suite struct DocumentCacheTests {
    static func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sturing-cache-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let document = Document(file: "plan.txt", sha256: String(repeating: "a", count: 64), kind: .text, encoding: "UTF-8",
                                   pages: ["Wij regelen de regels.", "Samenwerken in de wijk."], hasPages: true)

    @Test func aDamagedEntryIsNotTrusted() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = DocumentCache(folder: dir.path)
        cache.store(Self.document)
        #expect(cache.load(sha256: Self.document.sha256, path: "plan.txt") == Self.document)
        // Flip one byte of the text: same length, so only the checksum can tell.
        let entry = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix(".cache") })
        #expect(entry.contains("poppler"))
        let url = dir.appendingPathComponent(entry)
        var bytes = try Data(contentsOf: url)
        bytes[bytes.count - 3] ^= 0x01
        try bytes.write(to: url)
        #expect(cache.load(sha256: Self.document.sha256, path: "plan.txt") == nil)
        #expect(cache.statistics.misses == 1 && cache.statistics.hits == 1)
    }

    @Test func strayTemporaryFilesAreRemoved() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = dir.appendingPathComponent(".ingest-3-x.cache.123.456.tmp"), fresh = dir.appendingPathComponent(".ingest-3-y.cache.123.789.tmp")
        try Data("half".utf8).write(to: old)
        try Data("busy".utf8).write(to: fresh)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: old.path)
        DocumentCache(folder: dir.path).removeStrayFiles()
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(FileManager.default.fileExists(atPath: fresh.path))  // may belong to a run writing now
    }
}
