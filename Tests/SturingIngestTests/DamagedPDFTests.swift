import Foundation
import Testing
@testable import SturingExtract
@testable import SturingIngest

/// Damaged PDFs (bytes flipped, truncated, overwritten) give a Document or a clear IngestError,
/// never a crash or a hang. A small seeded fuzz over the fixtures.
@Suite struct DamagedPDFTests {
    @Test(.timeLimit(.minutes(3))) func mutatedFixturesNeverCrash() throws {
        let sources = ["running-header.pdf", "hyphenation.pdf", "two-column.pdf", "partial-scan.pdf"]
            .map { try! Data(contentsOf: Fixture.folder.appendingPathComponent($0)) }
        let dir = Fixture.tempFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(n, 1)))
        }
        var readable = 0, failed = 0
        for i in 0..<60 {
            var bytes = [UInt8](sources[i % sources.count])
            switch i % 3 {
            case 0: for _ in 0..<(1 + next(20)) { bytes[next(bytes.count)] = UInt8(next(256)) }
            case 1: bytes = Array(bytes.prefix(10 + next(bytes.count - 10)))
            default:
                let a = next(bytes.count), b = min(bytes.count, a + 1 + next(400))
                for k in a..<b { bytes[k] = UInt8(next(256)) }
            }
            let path = dir.appendingPathComponent("m\(i).pdf").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            do {
                let doc = try DocumentExtractor.read(path: path)
                #expect(!doc.pages.isEmpty, "m\(i).pdf was read with no page")
                readable += 1
            } catch {
                // A sentence for the user, not a Swift enum dump.
                #expect(error.description.count > 10 && !error.description.contains("IngestError"), "m\(i).pdf: \(error.description)")
                failed += 1
            }
        }
        // Both outcomes occur: the mutations neither leave every file readable nor break every one.
        #expect(readable > 0, "no mutated PDF was readable")
        #expect(failed > 0, "no mutated PDF failed")
    }
}
