import SturingCore
import Testing
@testable import SturingText

/// `sturing lexicon check` (issue 12): overlaps in the lexicon, and its behaviour on documents.
@Suite struct LexiconCheckTests {
    func lexicon(_ entries: String) throws -> Lexicon {
        try LexiconLoader.loadYAML("name: t\nentries:\n" + entries, path: "t.yaml", sha256: "")
    }

    @Test func overlapsInTheLexicon() throws {
        let l = try lexicon("  - {term: regelen, perspective: PA}\n  - {term: regels, perspective: PA}\n  - {term: \"regel*\", perspective: NPM}\n")
        let kinds = try LexiconCheck(l).findings.map(\.kind)
        #expect(kinds.contains("duplicate"))
        #expect(kinds.filter { $0 == "two-perspectives" }.count == 2)
        #expect(try LexiconCheck(LexiconLoader.builtin()).findings.isEmpty)
    }

    @Test func onDocumentsMetUnderMetenIsVisibleAtOnce() throws {
        // A stem-only lexicon without the 'met' exclusion, as the plain study list would be.
        let l = try lexicon("  - {term: meten, perspective: NPM}\n  - {term: opvangen, perspective: PA}\n  - {term: samenwerken, perspective: NPG}\n")
        let doc = try scoreWith(l, "Wij meten met zorg en met aandacht, samen met partners. Samenwerken met de wijk.")
        let check = try LexiconCheck(l, documents: [doc])
        #expect(check.findings.contains { $0.kind == "frequent-form" && $0.message.hasPrefix("'met' counts 4x for 'meten'") })
        #expect(check.findings.contains { $0.kind == "never-matched" && $0.term == "opvangen" })
        let meten = try #require(check.terms.first { $0.term == "meten" })
        #expect(meten.forms.map(\.form) == ["met", "meten"])
        #expect(meten.shareOfPerspective == 100)
    }
}
