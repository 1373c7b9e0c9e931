import Foundation
import SturingCore
import Testing
@testable import SturingReport

@Suite struct ScoreJSONTests {
    static let provenance = Provenance(lexiconName: "test", lexiconVersion: "1", lexiconSHA256: "abc", lexiconPath: "t.yaml",
                                       match: .lexicon, stemmer: "snowball-dutch", icu: "72.1", poppler: "22.12", date: "2026-11-22T00:00:00Z")

    static func score(counts: [Int]) -> DocumentScore {
        let total = counts.reduce(0, +)
        var perspectives = [Perspective: PerspectiveScore]()
        var terms = [Perspective: [TermCount]]()
        for (i, p) in Perspective.allCases.enumerated() {
            perspectives[p] = PerspectiveScore(count: counts[i], share: total > 0 ? Double(counts[i]) * 100 / Double(total) : nil,
                                               per10kTokens: Double(counts[i]) * 10_000 / 200)
            terms[p] = [TermCount(term: "t\(i)", count: counts[i], forms: counts[i] > 0 ? [("t\(i)", counts[i])] : [])]
        }
        return DocumentScore(file: "plan.pdf", sha256: "ff", tokens: 200, pages: 3, encoding: "pdf",
                             perspectives: perspectives, terms: terms, warnings: total == 0 ? ["no signal words found"] : [])
    }

    func parse(_ v: JSONValue) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(v.serialized().utf8)) as! [String: Any]
    }

    @Test func contractShape() throws {
        let json = try parse(ScoreJSON.report(provenance: Self.provenance, scores: [Self.score(counts: [1, 1, 2, 0])],
                                              failures: [FileFailure(file: "bad.pdf", error: "PDF is encrypted")]))
        let lexicon = try #require(json["lexicon"] as? [String: Any])
        #expect(lexicon["name"] as? String == "test" && lexicon["version"] as? String == "1" && lexicon["sha256"] as? String == "abc")
        let doc = try #require((json["documents"] as? [[String: Any]])?.first)
        #expect(doc["file"] as? String == "plan.pdf")
        #expect(doc["tokens"] as? Int == 200)
        #expect(doc["pages"] as? Int == 3)
        let pa = try #require((doc["perspectives"] as? [String: Any])?["PA"] as? [String: Any])
        #expect(pa["count"] as? Int == 1)
        #expect(pa["share"] as? Double == 25)
        #expect(pa["per_10k_tokens"] as? Double == 50)
        let terms = try #require(doc["terms"] as? [String: [String: Int]])
        #expect(terms["NPG"]?["t2"] == 2)
        #expect(Set(terms.keys) == ["PA", "NPM", "NPG", "SR"])
        #expect(doc["warnings"] as? [String] == [])
        let errors = try #require(json["errors"] as? [[String: String]])
        #expect(errors == [["file": "bad.pdf", "error": "PDF is encrypted"]])
    }

    @Test func sharesAreNullWithoutSignalWords() throws {
        let text = ScoreJSON.document(Self.score(counts: [0, 0, 0, 0])).serialized()
        #expect(text.contains("\"share\":null"))
        #expect(text.contains("\"pages\":3"))
    }

    @Test func textFilesHaveNullPages() throws {
        var s = Self.score(counts: [1, 0, 0, 0])
        s.pages = nil
        #expect(ScoreJSON.document(s).serialized().contains("\"pages\":null"))
    }

    @Test func escapingAndNumbers() {
        #expect(JSONValue.string("a\"b\\c\n\u{1}").serialized() == "\"a\\\"b\\\\c\\n\\u0001\"")
        #expect(JSONValue.double(20.7).serialized() == "20.7")
        #expect(JSONValue.double(100.0 / 3).serialized() == "33.3333")
        #expect(JSONValue.double(25).serialized() == "25.0")
        #expect(JSONValue.double(.nan).serialized() == "null")
    }

    /// Every string comes back from a JSON parser as it went in: all control characters, quotes,
    /// backslashes, accents, curly quotes, other scripts and emoji, at the start, middle and end.
    @Test func escapedStringsRoundTrip() throws {
        let pieces = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + ["\"", "\\", "/", "a", "é", "’", "€", "木", "🙂", "\u{7F}", " "]
        var rng = SplitMix64(seed: 3)
        for _ in 0..<2_000 {
            let text = (0..<Int(rng.next() % 12)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            let json = JSONValue.array([.string(text), .object([(text, .int(1))])]).serialized()
            let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [Any]
            #expect(parsed[0] as? String == text)
            #expect((parsed[1] as? [String: Int])?[text] == 1)
        }
    }

    @Test func csvHasOneRowPerFileAndQuotes() {
        let csv = ScoreCSV.render(scores: [Self.score(counts: [1, 1, 2, 0])], failures: [FileFailure(file: "a,b.pdf", error: "damaged")])
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("file,tokens,pages,signal_words,PA_count"))
        #expect(lines[1].hasPrefix("plan.pdf,200,3,4,1,1,2,0,25.0,25.0,50.0,0.0"))
        #expect(lines[2].hasPrefix("\"a,b.pdf\""))
        #expect(lines[2].hasSuffix("damaged"))
    }

    @Test func atomicWriteLeavesNoTempFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sturing-atomic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("sub/out.json").path
        try AtomicFile.write("one", to: path)
        try AtomicFile.write("two", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("sub").path) == ["out.json"])
    }
}

extension ScoreJSONTests {
    /// documents.jsonl is what --resume reads: a document must read back exactly as it was.
    @Test func documentsReadBackLosslessly() throws {
        var s = Self.score(counts: [3, 0, 7, 1])
        s.terms[.npg] = [TermCount(term: "zwolf", count: 5, forms: [("zwolf", 3), ("aap\"\u{301}", 2)]), TermCount(term: "aap", count: 2, forms: [("aap", 2)]),
                         TermCount(term: "nul", count: 0, forms: [])]
        s.terms[.pa]?.append(TermCount(term: "meten", count: 0, forms: []))
        s.excluded = [.pa: [TermCount(term: "meten", count: 4, forms: [("met", 4)])]]
        s.overlaps = [Overlap(form: "x-y", claimedBy: ["PA", "SR"], count: 2)]
        s.cleaning = CleaningReport(hyphenationsJoined: 2, hyphensKept: 1, repeatedLinesRemoved: 3, repeatedLines: ["Kop\tregel"], softHyphensRemoved: 5)
        s.warnings = ["let op: \"é\"\n\u{1B}"]
        s.evidence = [.sr: [KWICLine(file: "plan.pdf", page: nil, perspective: .sr, term: "meedoen", left: "wij 😀", match: "meedoen", right: "\\ ok")]]
        s.perspectives = PerspectiveScore.from(counts: [.pa: 3, .npm: 0, .npg: 7, .sr: 1], tokens: 200)
        s.ocr = OCRRecord(engine: "tesseract 5.3.0, nld, 300 dpi", pages: [OCRRecord.Page(page: 2, confidence: 91, reason: .noTextLayer),
                                                                          OCRRecord.Page(page: 5, confidence: 48, reason: .unreadableTextLayer)])
        let back = try #require(ScoreJSON.decodeDocument(try JSONValue.parse(ScoreJSON.document(s).serialized())))
        // Issue 22: a term that counted nothing is not written (it reads back as absent: 0),
        // unless its exclusions kept a form out.
        var written = s
        written.terms = written.terms.mapValues { $0.filter { $0.count > 0 || $0.term == "meten" } }
        #expect(back == written)
        #expect(back.terms[.pa]?.map(\.term) == ["t0", "meten"])
        #expect(ScoreJSON.document(back).serialized() == ScoreJSON.document(s).serialized())
        // Pretty-printed text parses to the same value.
        #expect(try JSONValue.parse(ScoreJSON.document(s).pretty()) == ScoreJSON.document(s))
    }

    @Test func malformedJSONIsAnErrorNotACrash() {
        for bad in ["", "{", "{\"a\":}", "[1,]", "\"\\u12\"", "nul", "{\"a\":1} x", String(repeating: "[", count: 10_000)] {
            #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(bad) }
        }
    }
}

/// A long table written a piece at a time reads exactly as the whole text.
@Suite struct JSONPiecesTests {
    @Test func piecesMakeThePrettyText() {
        let table = JSONValue.generated(count: 30_000) { i in
            .object([("plan", .string("Gemeente \(i) “Één”\n")), ("share", .double(Double(i) / 7)), ("rows", .array([.int(i), .null]))])
        }
        let value = JSONValue.object([("tool", .string("sturing")), ("plans", table)])
        var pieces = [String]()
        value.writePretty { pieces.append(String(decoding: $0, as: UTF8.self)) }
        #expect(pieces.count > 2)
        #expect(pieces.dropLast().allSatisfy { $0.utf8.count >= JSONValue.pieceBytes })
        #expect(pieces.joined() == value.pretty())
    }
}
