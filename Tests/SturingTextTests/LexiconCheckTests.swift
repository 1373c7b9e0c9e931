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

/// Issue 22: what the check says about the never-matched terms of a big lexicon.
@Suite struct LexiconCheckIssue22Tests {
    func lexicon(_ csv: String, language: String = "nl") throws -> Lexicon {
        var l = try LexiconLoader.loadCSV("perspective,term\n" + csv, path: "t.csv", sha256: "")
        l.language = language
        return l
    }

    @Test func manyNeverMatchedTermsAreOneFinding() throws {
        let words = (0..<120).map { "PA,woord\(String(UnicodeScalar(UInt8(97 + $0 % 26))))\(String(UnicodeScalar(UInt8(97 + $0 / 26))))" }
        let l = try lexicon((words + ["SR,meedoen"]).joined(separator: "\n") + "\n")
        let doc = try scoreWith(l, "Wij doen mee: meedoen.")
        let never = try LexiconCheck(l, documents: [doc]).findings.filter { $0.kind == "never-matched" }
        #expect(never.count == 1)
        #expect(never[0].message.hasPrefix("120 of the 121 terms matched nothing in 1 document(s), among them 'woordaa' (PA), 'woordba' (PA)"))
    }
}
