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

/// Issue 22: what the check says about terms that can never match, never-matched terms of a big
/// lexicon, and a lexicon that is not Dutch.
@Suite struct LexiconCheckIssue22Tests {
    func lexicon(_ csv: String, language: String = "nl") throws -> Lexicon {
        var l = try LexiconLoader.loadCSV("perspective,term\n" + csv, path: "t.csv", sha256: "")
        l.language = language
        return l
    }

    @Test func termsThatCanNeverMatchAreFlagged() throws {
        // Before: all accepted, and the check said "no findings".
        let l = try lexicon("PA,<b>\nPA,=SUM(A1)\nNPM,(a+)+$\nNPM,\u{1B}[31m\nSR,meedoen\nSR,zelfredza*\nNPG,samen werken\nNPG,wijk-team\n")
        let flagged = try LexiconCheck(l).findings.filter { $0.kind == "cannot-match" }.map(\.term)
        #expect(flagged == ["<b>", "=SUM(A1)", "(a+)+$", "\u{1B}[31m"])
        let message = try #require(try LexiconCheck(l).findings.first { $0.kind == "cannot-match" }?.message)
        #expect(message.hasPrefix("'<b>' (PA) can never match a word of a text"))
    }

    /// A made-up Dutch plan of 2,000+ tokens.
    static let dutch = String(repeating: "De gemeente werkt samen met inwoners en partners in de wijk. Wij stellen kaders en regels, meten prestaties en steunen eigen kracht. Over de zorg is in het plan veel te lezen door iedereen. ", count: 60)

    @Test func aDictionaryWhoseWordsAreMostlyAbsentIsAskedAbout() throws {
        // An English dictionary of 60 words scored on a Dutch plan finds only 'in', 'is', 'over' and 'door'.
        let english = ("the and of to with people work family health money home school friend happy sad angry love hate think know feel see hear "
            + "because should would could they them their this that what when where which who why how very much many most some any every each "
            + "good bad new old big small first last long in is over door")
            .split(separator: " ").enumerated().map { "\(Perspective.allCases[$0.offset % 4].code),\($0.element)" }.joined(separator: "\n")
        let en = try lexicon(english + "\n", language: "und")
        #expect(en.entries.count == 60)
        let doc = try scoreWith(en, Self.dutch)
        let findings = try LexiconCheck(en, documents: [doc]).findings.filter { $0.kind == "language" }
        #expect(findings.count == 2)
        #expect(findings.first?.message.hasPrefix("the lexicon is labelled with no language ('und'), not Dutch (nl)") == true)
        #expect(findings.last?.message.hasPrefix("only 4 of the lexicon's 60 terms (7 %) occur in these 1 document(s) of 2040 tokens: are its words Dutch?") == true)
        // A Dutch lexicon on the same plan: no question.
        let dutchTerms = "gemeente werkt samen inwoners partners wijk kaders regels meten prestaties steunen eigen zorg plan lezen iedereen stellen veel over door verordening beleid budget toezicht netwerk burgers vrijwilligers mantelzorg participatie"
            .split(separator: " ").enumerated().map { "\(Perspective.allCases[$0.offset % 4].code),\($0.element)" }.joined(separator: "\n")
        let nl = try lexicon(dutchTerms + "\n")
        #expect(try LexiconCheck(nl, documents: [try scoreWith(nl, Self.dutch)]).findings.filter { $0.kind == "language" }.isEmpty)
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
