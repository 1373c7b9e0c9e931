import Foundation
import SturingTestSupport
import Testing

/// `sturing lexicon suggest` on the demo plans: candidates the lexicon lacks, with examples.
@Suite struct LexiconSuggestCLITests {
    @Test func suggestsContentWordsTheLexiconDoesNotCountWithTheirContexts() throws {
        let dir = TestFolder.make("cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try RunFolderTests.corpus(dir, RunFolderTests.texts)
        let run = try TestBinary.run(["lexicon", "suggest", corpus.path, "--perspective", "NPG", "--format", "json", "--min-frequency", "2", "--top", "40"])
        #expect(run.status == 0, "\(run.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(root["perspective"] as? String == "NPG" && root["documents"] as? Int == 3)
        let candidates = try #require(root["candidates"] as? [[String: Any]])
        #expect(!candidates.isEmpty)
        let stop: Set<String> = ["de", "het", "een", "en", "van", "wij", "we", "in", "met"]
        for c in candidates {
            let text = try #require(c["candidate"] as? String)
            #expect(!text.split(separator: " ").contains { stop.contains(String($0)) }, "\(text)")
            let numeric = text.contains { $0.isNumber }
            #expect(!numeric, "\(text)")
            // Words the lexicon counts (samenwerking, netwerk …) are not suggested.
            #expect(!["samenwerking", "samenwerken", "netwerk", "netwerken"].contains(text), "\(text)")
            let examples = try #require(c["examples"] as? [[String: Any]])
            for e in examples { #expect((e["match"] as? String)?.lowercased().replacingOccurrences(of: "\n", with: " ") == text, "\(e)") }
            #expect((c["in_perspective_sentences"] as? Int ?? 0) > 0)
        }
        // The same table with stopwords kept lists them.
        let kept = try TestBinary.run(["lexicon", "suggest", corpus.path, "--perspective", "NPG", "--format", "csv", "--min-frequency", "2", "--top", "400", "--keep-stopwords"])
        #expect(kept.status == 0, "\(kept.stderr)")
        let words = kept.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] }
        #expect(words.contains { stop.contains(String($0)) })
    }

    @Test func anUnknownPerspectiveIsRefusedBeforeAnyFileIsRead() throws {
        let run = try TestBinary.run(["lexicon", "suggest", "Corpus", "--perspective", "XYZ"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("unknown perspective 'XYZ'"))
    }
}
