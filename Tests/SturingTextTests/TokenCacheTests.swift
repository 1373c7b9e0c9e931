import Foundation
import SturingCore
import Testing
@testable import SturingText

@Suite struct TokenCacheTests {
    @Test func roundTripAndCorruptData() {
        let t = TokenCache.Tokens(vocabulary: [Array("wij".utf8), Array("meten".utf8)], forms: [0, 1], starts: [0, 4], ends: [3, 9])
        let data = TokenCache.encode(t)
        let back = TokenCache.decode(data)
        #expect(back?.vocabulary == t.vocabulary && back?.forms == t.forms && back?.starts == t.starts && back?.ends == t.ends)
        #expect(TokenCache.decode(data.dropLast()) == nil)
        #expect(TokenCache.decode(Data("STOK1\ngarbage".utf8)) == nil)
    }

    @Test func cachedTokensGiveTheSameScoreAndEvidence() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sturing-tokens-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = TokenCache(folder: dir.path, textVersion: "test")
        let lexicon = try CompiledLexicon(try LexiconLoader.builtin(), setting: .lexicon)
        let text = "In het kader van de Wmo stellen wij kaders. Wij meten met zorg.\nEigen kracht en samenwerking in het wijkteam; thema’s en één café."
        let doc = Document(file: "a.txt", sha256: "feedbeef", kind: .text, encoding: "UTF-8", pages: [text, "Tweede pagina: samenwerken."], hasPages: true)
        func run() throws -> DocumentScore {
            let scorer = try DocumentScorer(lexicon: lexicon)
            scorer.tokenCache = cache
            scorer.evidencePerPerspective = 3
            return try scorer.score(doc)
        }
        let first = try run()
        let second = try run()
        #expect(cache.statistics.misses == 1 && cache.statistics.hits == 1)
        #expect(first == second)
        #expect(first.evidence == second.evidence)
        let plain = try DocumentScorer(lexicon: lexicon).score(doc)
        #expect(plain.perspectives == first.perspectives && plain.terms == first.terms)
    }
}
