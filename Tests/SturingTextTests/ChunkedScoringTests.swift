import SturingCore
import Testing
@testable import SturingText

/// A large document is scored in chunks (flat memory, several cores); the counts, forms,
/// exclusions, overlaps and sentence profiles must equal those of one pass.
@Suite struct ChunkedScoringTests {
    static let lexiconYAML = """
        name: test
        version: "1"
        match: stem
        entries:
          - {term: regels, perspective: PA}
          - {term: "eigen kracht", perspective: SR}
          - {term: samenwerken, perspective: NPG}
          - {term: prestatie, perspective: NPM, exclude: [tegenprestatie]}
          - {term: markt, perspective: NPM, exclude_phrases: ["markt en overheid"]}
          - {term: kracht, perspective: SR}

        """

    /// Pages with phrases that cross line ends and pages, sentences that run on over a page,
    /// and pages without a sentence end.
    static func pages(_ n: Int) -> [String] {
        (0..<n).map { i in
            var page = "Pagina \(i). De gemeente stelt regels en wil samenwerken met partners. Eigen\nkracht van burgers telt.\n"
            page += "De markt en overheid werken samen; de markt beslist over een tegenprestatie en een prestatie.\n"
            for j in 0..<(i % 5) { page += "Zin \(j) over regels en eigen kracht, zonder einde\n" }
            if i % 3 == 0 { page += "deze pagina loopt door op de volgende: eigen" } else { page += "Het eind.\n" }
            return page
        }
    }

    func scorers(chunkBytes: Int, threads: Int) throws -> DocumentScorer {
        let lexicon = try LexiconLoader.loadYAML(Self.lexiconYAML, path: "t.yaml", sha256: "")
        let scorer = try DocumentScorer(lexicon: try CompiledLexicon(lexicon, setting: .lexicon))
        scorer.chunkBytes = chunkBytes
        scorer.threads = threads
        scorer.evidencePerPerspective = 4
        return scorer
    }

    @Test func chunkedEqualsOnePass() throws {
        let doc = Document(file: "t.txt", sha256: "ab", kind: .text, encoding: "UTF-8", pages: Self.pages(60), hasPages: true)
        #expect(TextChunks(pages: doc.pages, targetBytes: 500).chunks.count > 10)
        let one = try scorers(chunkBytes: .max, threads: 1).score(doc)
        for threads in [1, 2, 3] {
            let chunked = try scorers(chunkBytes: 500, threads: threads).score(doc)
            #expect(chunked.tokens == one.tokens)
            #expect(chunked.perspectives == one.perspectives)
            #expect(chunked.terms == one.terms)
            #expect(chunked.excluded == one.excluded)
            #expect(chunked.overlaps == one.overlaps)
            #expect(chunked.sentences == one.sentences)
            #expect(chunked.warnings == one.warnings)
            // Evidence: as many lines, real matches, on the right pages, the same for any thread count.
            for p in Perspective.allCases { #expect(chunked.evidence[p]?.count == one.evidence[p]?.count) }
            #expect(chunked.evidence[.sr]?.allSatisfy { $0.match.lowercased().contains("kracht") } == true)
            let again = try scorers(chunkBytes: 500, threads: 1).score(doc)
            #expect(chunked.evidence == again.evidence)
        }
        // Hand check of one figure: "eigen kracht" across a line end on every page, and across the
        // page break after every third page (pages 0, 3, ..., 57 end in "eigen", the next starts with "Pagina").
        #expect(one.count("eigen kracht") > 60)
    }

    @Test func cutsFallAfterSentenceEnds() {
        let text = String(repeating: "Een zin die eindigt.\nEen regel die doorloopt\n", count: 100)
        let plan = TextChunks(pages: [text], targetBytes: 300)
        #expect(plan.chunks.count > 5)
        var utf8 = Array(text.utf8)
        for chunk in plan.chunks.dropLast() {
            let end = chunk.last!.end
            #expect(utf8[end - 2] == UInt8(ascii: "."))
        }
        // Pieces tile the text exactly.
        var covered = 0
        for piece in plan.chunks.flatMap({ $0 }) { #expect(piece.start == covered); covered = piece.end }
        #expect(covered == utf8.count)
        utf8.removeAll()
    }
}
