import Foundation
import SturingCore
import SturingExtract
import SturingIngest
import SturingText
import Testing
@testable import SturingPipeline

/// A very large text is read a group of pages at a time; its score must equal reading it whole.
@Suite struct LargeTextScoringTests {
    /// Pages shaped like a plan: a running header and page number, line-end hyphens (joined and
    /// kept), an inline compound, a soft hyphen, a ligature (NFKC), phrases across line ends,
    /// pages that end mid-sentence, one long page without a page break inside, a blank last page.
    static func text(pages: Int) -> String {
        var out = ""
        let words = ["zorg", "regels", "partners", "inwoners", "kaders", "wijkteam", "budget", "meedoen", "netwerk", "toezicht"]
        for p in 1...pages {
            let w = { (k: Int) in words[(p * 7 + k * 3) % words.count] }
            out += "Beleidsplan Wmo 2015-2018 | Gemeente Veerkrachtveen\n\n"
            out += "Op pagina \(p) stelt de gemeente \(w(1)) en \(w(2)). Wij samenwerken met \(w(3)) in het wijk-\nteam; de e-mail\n"
            out += "over \(w(4)) en het e-\nmailadres \(p). Eigen\nkracht en zelf\u{AD}redzaamheid tellen \(p) keer. De ﬁnanciering van \(w(5)).\n"
            if p % 7 == 0 { out += String(repeating: "Een lange alinea \(p) over zorg- en welzijn met meedoen en \(w(6)). ", count: 60) + "\n" }
            if p % 3 == 0 { out += "Deze zin \(p) loopt door op de volgende pagina over eigen" } else { out += "Slot \(p) van \(w(7)).\n" }
            out += "\nPagina \(p) van \(pages)\n\u{0C}"
        }
        return out + "  \n"
    }

    func scorer(_ chunkBytes: Int) throws -> DocumentScorer {
        let s = try DocumentScorer(lexicon: try CompiledLexicon(try LexiconLoader.builtin(), setting: .lexicon))
        s.chunkBytes = chunkBytes
        s.evidencePerPerspective = 3
        return s
    }

    @Test func groupsGiveWhatTheWholeFileGives() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sturing-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("groot.txt").path
        try Self.text(pages: 40).write(toFile: path, atomically: true, encoding: .utf8)

        let whole = try scorer(.max).score(try DocumentExtractor.read(path: path))
        #expect(whole.cleaning.repeatedLinesRemoved > 40)
        #expect(whole.cleaning.hyphenationsJoined > 0 && whole.cleaning.hyphensKept > 0)
        // Groups hold whole pages here (the longest page is under 6,000 bytes); a page longer than
        // a group is cut at a sentence end and its pieces get no running-line check.
        for (groupBytes, threads) in [(6_000, 1), (9_000, 2), (1 << 20, 1)] {
            let s = try scorer(1_500)
            s.threads = threads
            let streamed = try LargeTextScoring.score(path: path, scorer: s, threads: threads, groupBytes: groupBytes)
            #expect(streamed.sha256 == whole.sha256)
            #expect(streamed.tokens == whole.tokens)
            #expect(streamed.pages == whole.pages)
            #expect(streamed.perspectives == whole.perspectives)
            #expect(streamed.terms == whole.terms)
            #expect(streamed.excluded == whole.excluded)
            #expect(streamed.sentences == whole.sentences)
            #expect(streamed.cleaning == whole.cleaning, "group \(groupBytes)")
            #expect(streamed.overlaps == whole.overlaps)
            #expect(streamed.evidence[.pa]?.allSatisfy { $0.page != nil && $0.page! >= 1 && $0.page! <= 40 } == true)
        }
    }

    @Test func onlyLargeUTF8TextsAreStreamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sturing-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = dir.appendingPathComponent("a.txt").path
        try Self.text(pages: 2).write(toFile: text, atomically: true, encoding: .utf8)
        let latin = dir.appendingPathComponent("b.txt").path
        try Data([0x63, 0x61, 0x66, 0xE9, 0x20, 0x72, 0x65, 0x67, 0x65, 0x6C, 0x73]).write(to: URL(fileURLWithPath: latin))
        #expect(TextGroups.qualifies(path: text, size: 5000, threshold: 100))
        #expect(!TextGroups.qualifies(path: text, size: 50, threshold: 100))
        #expect(!TextGroups.qualifies(path: latin, size: 5000, threshold: 100))
        let pdf = Self.fixturesPDF
        #expect(!TextGroups.qualifies(path: pdf, size: 1 << 30, threshold: 100))
    }

    @Test func aPageLongerThanAGroupIsCutAfterASentence() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sturing-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("een-pagina.txt").path
        // One page (no page breaks): lines that end sentences, and lines that do not (a sentence
        // and a hyphenated word run on over a line end).
        try String(repeating: "Wij werken samen en maken regels\nook. Met partners in het wijk-\nteam.\n", count: 100)
            .write(toFile: path, atomically: true, encoding: .utf8)
        let whole = try scorer(.max).score(try DocumentExtractor.read(path: path))
        let groups = try TextGroups(path: path, groupBytes: 1024)
        var cuts = 0
        while let g = try groups.next() {
            #expect(g.firstPage == 0)
            if g.endsInside { cuts += 1; #expect(String(decoding: g.bytes.suffix(2), as: UTF8.self) == ".\n") }
        }
        #expect(cuts >= 4)
        let streamed = try LargeTextScoring.score(path: path, scorer: try scorer(700), threads: 1, groupBytes: 1024)
        #expect(streamed.pages == nil)
        #expect(streamed.terms == whole.terms)
        #expect(streamed.sentences == whole.sentences)
        #expect(streamed.cleaning == whole.cleaning)
        // Without any sentence end at a line end, groups are cut at other line ends (never after
        // a hyphen); the scorer joins the pieces again, so the counts agree with reading the file
        // whole under the same chunk size (whose own last resort is such a line end too).
        try String(repeating: "Wij werken samen en maken regels\nook. Met partners in het wijk-\nteam ", count: 100)
            .write(toFile: path, atomically: true, encoding: .utf8)
        let whole2 = try scorer(700).score(try DocumentExtractor.read(path: path))
        let streamed2 = try LargeTextScoring.score(path: path, scorer: try scorer(700), threads: 1, groupBytes: 1024)
        #expect(streamed2.terms == whole2.terms)
        #expect(streamed2.sentences == whole2.sentences)
        #expect(streamed2.cleaning == whole2.cleaning)
    }

    static let fixturesPDF = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SturingIngestTests/Fixtures/hyphenation.pdf").standardized.path
}
