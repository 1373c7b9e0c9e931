import Foundation
import SturingCore
import SturingExtract
import SturingText
import SturingIngest
import Synchronization
import Testing
@testable import SturingPipeline

@Suite struct BatchScorerTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SturingIngestTests/Fixtures").standardized

    static let plan = """
        Het college wil samenwerken met inwoners en partners. De samenwerking in het wijkteam is
        belangrijk. Wij meten de resultaten met zorg en stellen de kaders vast in het kader van de Wmo.
        Inwoners participeren en doen mee; hun zelfredzaamheid en de eigen kracht staan centraal.
        Coördinatie, efficiënte zorg en creëren van maatwerk voor één café.
        """

    /// Reads every file in this process.
    let extract: @Sendable (String) throws(IngestError) -> Document = { p throws(IngestError) in try DocumentExtractor.read(path: p) }

    func compiled() throws -> CompiledLexicon {
        try CompiledLexicon(try LexiconLoader.builtin(), setting: .lexicon)
    }

    func write(_ bytes: [UInt8], _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func sameContentInEveryEncodingGivesIdenticalCounts() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sturing-enc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var le: [UInt8] = [0xFF, 0xFE], be: [UInt8] = [0xFE, 0xFF]
        for u in Self.plan.utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)]; be += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        let paths = [
            try write(Array(Self.plan.utf8), "utf8.txt", in: dir),
            try write([0xEF, 0xBB, 0xBF] + Array(Self.plan.utf8), "utf8bom.txt", in: dir),
            try write(le, "utf16le.txt", in: dir),
            try write(be, "utf16be.txt", in: dir),
            try write([UInt8](Self.plan.data(using: .windowsCP1252)!), "cp1252.txt", in: dir),
            try write([UInt8](Self.plan.replacingOccurrences(of: "\n", with: "\r\n").data(using: .isoLatin1)!), "latin1-crlf.txt", in: dir),
        ]
        let outcomes = try BatchScorer.run(paths: paths, lexicon: try compiled(), jobs: 2, read: extract)
        let scores = outcomes.compactMap { if case .scored(let s) = $0 { s } else { nil } }
        #expect(scores.count == paths.count)
        let reference = scores[0]
        // Hand count: samenwerken 2 (samenwerken, samenwerking), wijkteam 1, meten 1, resultaat 1,
        // kaders 1 (kader in "in het kader van" excluded), participeren 1, zelfredzaam 1,
        // efficiënt 1 (efficiënte), creëren 1, maatwerk 1.
        #expect(reference.count(.npg) == 4)
        #expect(reference.count(.npm) == 3)
        #expect(reference.count(.pa) == 1)
        #expect(reference.count(.sr) == 3)
        for s in scores.dropFirst() {
            #expect(s.tokens == reference.tokens, "\(s.file)")
            #expect(s.perspectives == reference.perspectives, "\(s.file)")
            #expect(s.terms == reference.terms, "\(s.file)")
        }
    }

    @Test func badFilesDoNotStopTheOthersAndOrderIsKept() throws {
        let names = ["running-header.pdf", "empty.txt", "encrypted.pdf", "hyphenation.pdf", "image-only.pdf",
                     "garbage.bin", "truncated.pdf", "pdf-named.txt", "missing.pdf", "two-column.pdf"]
        let paths = names.map { Self.fixtures.appendingPathComponent($0).path } + [Self.fixtures.path]
        let outcomes = try BatchScorer.run(paths: paths, lexicon: try compiled(), jobs: 2, read: extract)
        #expect(outcomes.map(\.file) == paths)
        let scored = outcomes.compactMap { if case .scored(let s) = $0 { URL(fileURLWithPath: s.file).lastPathComponent } else { nil } }
        // image-only.pdf is a scan: read by OCR.
        #expect(scored == ["running-header.pdf", "hyphenation.pdf", "image-only.pdf", "pdf-named.txt", "two-column.pdf"])
        let header = outcomes.compactMap { if case .scored(let s) = $0 { s } else { nil } }[0]
        #expect(header.count("samenwerken") == 2)  // the running header "Samenwerken aan zorg" is not counted
        #expect(header.count("kaders") == 1)
        #expect(header.pages == 5)
    }

    @Test func slowFilesAreNamed() throws {
        let slow = Mutex([String]())
        let path = Self.fixtures.appendingPathComponent("hyphenation.pdf").path
        let outcomes = try BatchScorer.run(
            paths: [path], lexicon: try compiled(), jobs: 1, slowAfter: 0.3,
            onSlowFile: { file, _ in slow.withLock { $0.append(file) } },
            read: { p throws(IngestError) in
                Thread.sleep(forTimeInterval: 1.0)
                return try DocumentExtractor.read(path: p)
            })
        #expect(outcomes.count == 1)
        #expect(slow.withLock { $0.first } == path)
    }

    @Test func runIsDeterministicAcrossJobCounts() throws {
        let paths = ["running-header.pdf", "hyphenation.pdf", "two-column.pdf", "partial-scan.pdf"].map { Self.fixtures.appendingPathComponent($0).path }
        let one = try BatchScorer.run(paths: paths, lexicon: try compiled(), jobs: 1, read: extract)
        let two = try BatchScorer.run(paths: paths, lexicon: try compiled(), jobs: 2, read: extract)
        for (a, b) in zip(one, two) {
            guard case .scored(let x) = a, case .scored(let y) = b else { Issue.record("not scored"); continue }
            #expect(x == y)
        }
    }
}

extension DocumentScore {
    func count(_ p: Perspective) -> Int { perspectives[p]?.count ?? -1 }
    func count(_ term: String) -> Int { terms.values.flatMap { $0 }.first { $0.term == term }?.count ?? -1 }
}
