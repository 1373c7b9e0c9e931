import SturingCore
import Testing
@testable import SturingText

/// Tiny hand-counted Dutch texts for each match rule.
@Suite struct MatchingTests {
    @Test func exactMatchesOnlyTheForm() throws {
        let s = try score("Wij samenwerken. De samenwerking en samenwerken.",
                          entries: "  - {term: samenwerken, perspective: NPG, match: exact}\n")
        #expect(s.count("samenwerken") == 2)
    }

    @Test func stemMatchesInflections() throws {
        // samenwerken, samenwerking → stem samenwerk; the classic stemmer keeps the -t of
        // "samenwerkt" (stem samenwerkt), and samenwerkingsverband is another stem.
        let s = try score("Wij samenwerken. De samenwerking. Hij samenwerkt. Een samenwerkingsverband.",
                          entries: "  - {term: samenwerken, perspective: NPG}\n")
        #expect(s.forms("samenwerken") == ["samenwerken": 1, "samenwerking": 1])
    }

    @Test func globPrefixSuffixAndContains() throws {
        let s = try score("Zelfredzaam, zelfredzaamheid, zelfredzame. De arbeidsmarkt en markt. Burgerkracht en krachtig.",
                          entries: """
                            - {term: "zelfredza*", perspective: SR}
                            - {term: "*markt", perspective: NPM}
                            - {term: "*kracht*", perspective: SR}

                          """)
        #expect(s.count("zelfredza*") == 3)
        #expect(s.forms("*markt") == ["arbeidsmarkt": 1, "markt": 1])
        #expect(s.forms("*kracht*") == ["burgerkracht": 1, "krachtig": 1])
    }

    @Test func includeAddsFormsAndExcludeRemovesThem() throws {
        let s = try score("Wij meten met zorg met elkaar. Het meten en gemeten. Hij stuurt en wij sturen.",
                          entries: """
                            - {term: meten, perspective: NPM, exclude: [met]}
                            - {term: sturen, perspective: NPM, include: [stuurt]}

                          """)
        #expect(s.forms("meten") == ["meten": 2])
        #expect(s.excludedForms("meten") == ["met": 2])
        #expect(s.forms("sturen") == ["sturen": 1, "stuurt": 1])
    }

    @Test func excludeGlob() throws {
        let s = try score("De prestatie en de tegenprestatie en tegenprestaties.",
                          entries: "  - {term: \"*prestatie*\", perspective: NPM, exclude: [\"tegen*\"]}\n")
        #expect(s.forms("*prestatie*") == ["prestatie": 1])
        #expect(s.excludedForms("*prestatie*") == ["tegenprestatie": 1, "tegenprestaties": 1])
    }

    @Test func excludePhraseSkipsTheIdiom() throws {
        let s = try score("In het kader van de Wmo stellen wij kaders. Het kader is helder. In het Kader\nvan de wet.",
                          entries: "  - {term: kaders, perspective: PA, exclude_phrases: [\"in het kader van\"]}\n")
        #expect(s.forms("kaders") == ["kaders": 1, "kader": 1])
        #expect(s.excludedForms("kaders") == ["kader [in het kader van]": 2])
    }

    @Test func multiWordEntriesMatchConsecutiveTokens() throws {
        let s = try score("Eigen kracht is belangrijk. De eigen krachten van inwoners. Eigen, kracht. Eigen zorg.",
                          entries: "  - {term: eigen kracht, perspective: SR}\n")
        // "Eigen, kracht" has a comma between the words: not consecutive.
        #expect(s.forms("eigen kracht") == ["eigen kracht": 1, "eigen krachten": 1])
    }

    @Test func anyUnicodeSpaceJoinsTheWordsOfATermAndFoldsInContext() throws {
        // No-break, em and ideographic space and a line separator all join the two words; a soft
        // hyphen (not white space) does not, nor a narrow no-break space, which Unicode's word
        // breaking keeps inside a word (Word_Break ExtendNumLet), so there are no two words to join.
        let text = "Eigen\u{A0}kracht. Eigen\u{2003}kracht. Eigen\u{3000}kracht. Eigen\u{2028}kracht. Eigen\u{AD}kracht. Eigen\u{202F}kracht."
        let s = try score(text, entries: "  - {term: eigen kracht, perspective: SR}\n")
        #expect(s.count("eigen kracht") == 4)
        let doc = Document(file: "t.txt", sha256: "", kind: .text, encoding: "UTF-8", pages: ["Wij\u{2003}meten\u{2028}met\u{3000}\u{A0}zorg."],
                           hasPages: false)
        let lexicon = try LexiconLoader.loadYAML("entries:\n  - {term: meten, perspective: NPM, exclude: [met]}\n", path: "t.yaml", sha256: "")
        let lines = try DocumentScorer(lexicon: try CompiledLexicon(lexicon, setting: .lexicon)).occurrences(doc, window: 2) { $0.term == "meten" }
        #expect(lines.map { $0.left } == ["Wij"] && lines.map { $0.right } == ["met zorg"])
        #expect(WhiteSpace.contains(UInt16(0x85)) && !WhiteSpace.contains(UInt16(0xAD)) && !WhiteSpace.contains(UInt16(0x200B)))
    }

    @Test func phraseCoversItsTokensOncePerPerspective() throws {
        let s = try score("Eigen kracht en kracht.",
                          entries: """
                            - {term: eigen kracht, perspective: SR}
                            - {term: kracht, perspective: SR}
                            - {term: kracht, perspective: PA}

                          """)
        #expect(s.count("eigen kracht") == 1)
        #expect(s.count(.sr) == 2)  // the phrase, and the second "kracht"
        #expect(s.count(.pa) == 2)  // both "kracht" tokens, for the other perspective
    }

    @Test func aTokenCountsOncePerPerspective() throws {
        let s = try score("Samenwerking en samenwerken.",
                          entries: """
                            - {term: samenwerken, perspective: NPG}
                            - {term: "samenwerk*", perspective: NPG}

                          """)
        #expect(s.count(.npg) == 2)
        #expect(s.count("samenwerken") == 2)
        #expect(s.count("samenwerk*") == 0)
    }

    @Test func twoPerspectivesClaimingATokenBothCountAndAreReported() throws {
        let s = try score("De regie en de regie.",
                          entries: """
                            - {term: regie, perspective: NPG}
                            - {term: regie, perspective: PA}

                          """)
        #expect(s.count(.npg) == 2 && s.count(.pa) == 2)
        #expect(s.overlaps == [Overlap(form: "regie", claimedBy: ["NPG:regie", "PA:regie"], count: 2)])
        #expect(s.warnings.contains { $0.contains("more than one perspective") })
    }

    @Test func pureModesOverrideEntries() throws {
        let entries = "  - {term: meten, perspective: NPM, exclude: [met], include: [gemeten]}\n"
        let text = "Wij meten met zorg. Gemeten is gemeten."
        #expect(try score(text, entries: entries).count("meten") == 3)
        #expect(try score(text, entries: entries, setting: .exact).count("meten") == 1)
        #expect(try score(text, entries: entries, setting: .stem).count("meten") == 2)  // meten + met
    }

    @Test func sharesAndDensities() throws {
        // 20 tokens; PA 1, NPM 1, NPG 2, SR 0.
        let text = "regels en meer regels wij meten samenwerken en samenwerking en nog wat woorden om tot twintig te komen hier nu"
        let s = try score(text, entries: """
            - {term: regelen, perspective: PA, match: exact, include: [regels]}
            - {term: meten, perspective: NPM}
            - {term: samenwerken, perspective: NPG}

          """)
        #expect(s.tokens == 20)
        #expect(s.count(.pa) == 2)
        #expect(s.perspectives[.pa]?.share == 40)
        #expect(s.perspectives[.npg]?.share == 40)
        #expect(s.perspectives[.sr]?.share == 0)
        #expect(s.perspectives[.npm]?.per10kTokens == 500)
    }

    @Test func noSignalWordsGivesNullSharesAndAWarning() throws {
        let s = try score("Een tekst zonder signaalwoorden.", entries: "  - {term: meten, perspective: NPM}\n")
        #expect(s.perspectives.values.allSatisfy { $0.share == nil })
        #expect(s.warnings.contains { $0.hasPrefix("no signal words found") })
    }

    @Test func emptyTextThrows() throws {
        #expect(throws: ScoringError.noWords) { try score("123 456 !!", entries: "  - {term: meten, perspective: NPM}\n") }
    }
}

@Suite struct EvidenceTests {
    static let entries = """
          - {term: kaders, perspective: PA, exclude_phrases: ["in het kader van"]}
          - {term: meten, perspective: NPM, exclude: [met]}

        """

    func scorer() throws -> DocumentScorer {
        let lexicon = try LexiconLoader.loadYAML("entries:\n" + Self.entries, path: "t.yaml", sha256: "")
        return try DocumentScorer(lexicon: try CompiledLexicon(lexicon, setting: .lexicon))
    }

    static let doc = Document(file: "plan.pdf", sha256: "abc", kind: .pdf, encoding: "pdf",
                              pages: ["In het kader van de wet stellen wij kaders.", "Wij meten\nmet zorg. Het kader is klaar."], hasPages: true)

    @Test func occurrencesShowOnlyCountedMatchesWithPagesAndContext() throws {
        let lines = try scorer().occurrences(Self.doc, window: 2) { $0.perspective == .pa }
        #expect(lines.map(\.match) == ["kaders", "kader"])
        #expect(lines.map(\.page) == [1, 2])
        #expect(lines[0].left == "stellen wij")
        #expect(lines[1].right == "is klaar")
        let npm = try scorer().occurrences(Self.doc, window: 3) { $0.term == "meten" }
        #expect(npm.count == 1)
        #expect(npm[0].right == "met zorg. Het")  // newlines folded to spaces
    }

    @Test func separableVerbsCountTheirSplitForms() throws {
        let entries = """
              - {term: meedoen, perspective: SR, include: [meedoet], separable: ["doe* ... mee", "deed ... mee", "deden ... mee"]}
              - {term: samenwerken, perspective: NPG, separable: ["werk* ... samen"]}
              - {term: burgers, perspective: SR, match: exact}

            """
        // Counted by hand:
        // 1 "doet ... mee" (gap of 3, "burgers" in the gap still counts for SR itself),
        // 2 "meedoet" (one word), 3 "deden ... mee" (no gap),
        // not: "doen" and "mee" in two sentences; "doet" with "mee" 10 words on (gap over 8).
        // NPG: "werken ... samen" (gap 5), "werkt samen", and "samenwerking" (stem samenwerk).
        let text = """
            Iedereen doet met burgers actief mee. Wie meedoet, telt. Zij deden mee.
            Wij doen het. Mee met de tijd.
            Hij doet een twee drie vier vijf zes zeven acht negen tien mee.
            Wij werken in de komende jaren nauw samen. De buurt werkt samen aan samenwerking.
            """
        let s = try score(text, entries: entries)
        #expect(s.count("meedoen") == 3)
        #expect(s.forms("meedoen") == ["doet ... mee": 1, "meedoet": 1, "deden ... mee": 1])
        #expect(s.count("samenwerken") == 3)
        #expect(s.forms("samenwerken") == ["werken ... samen": 1, "werkt ... samen": 1, "samenwerking": 1])
        #expect(s.count("burgers") == 1)
        // The particle is claimed once: "mee" after "doet" does not also start another match.
        #expect(s.count(.sr) == 4)
    }

    @Test func separableFormsAreCheckedWhenLoading() throws {
        #expect(throws: (any Error).self) {
            _ = try score("x", entries: "  - {term: meedoen, perspective: SR, separable: [\"doe* mee\"]}\n")
        }
        #expect(throws: (any Error).self) {
            _ = try score("x", entries: "  - {term: meedoen, perspective: SR, separable: [\" ... mee\"]}\n")
        }
    }

    @Test func evidenceSampleIsSeededAndBounded() throws {
        let text = (0..<50).map { "Zin \($0): wij meten het en stellen kaders." }.joined(separator: " ")
        let doc = Document(file: "x.txt", sha256: "seed", kind: .text, encoding: "UTF-8", pages: [text], hasPages: false)
        let a = try scorer(), b = try scorer()
        a.evidencePerPerspective = 5
        b.evidencePerPerspective = 5
        let sa = try a.score(doc), sb = try b.score(doc)
        #expect(sa.evidence[.pa]?.count == 5)
        #expect(sa.evidence == sb.evidence)
        #expect(sa.evidence[.pa]?.allSatisfy { $0.page == nil && $0.match == "kaders" } == true)
        #expect(sa.count(.pa) == 50)  // sampling does not change counts
    }
}

/// The sentence profile that the bootstrap resamples (issue 12).
@Suite struct SentenceProfileTests {
    @Test func sentencesAndTheirCountsByHand() throws {
        // Sentences: "Wij meten en regelen." (NPM 1, PA 1) / "Geen signaal hier!" / "Samenwerken?" (NPG 1)
        // / after a blank line "regels en regels" (PA 2) / "Meer regels." (PA 1).
        let text = "Wij meten en regelen. Geen signaal hier! Samenwerken?\n\nregels en regels\n\nMeer regels."
        let s = try scoreWith(try LexiconLoader.builtin(), text)
        let profile = try #require(s.sentences)
        #expect(profile.sentences == 5)
        #expect(profile.vectors.map { [$0.counts, [$0.times]] } == [[[0, 0, 1, 0], [1]], [[1, 0, 0, 0], [1]], [[1, 1, 0, 0], [1]], [[2, 0, 0, 0], [1]]])
        #expect(profile.totals == Perspective.allCases.map { s.count($0) })
        #expect(profile.hasKeys)
    }

    /// The sentences of `text` as the coding sampler sees them.
    static func sentences(_ text: String) throws -> [String] {
        let scorer = try DocumentScorer(lexicon: try CompiledLexicon(try LexiconLoader.builtin(), setting: .lexicon))
        return scorer.sentences(Document(file: "t.txt", sha256: "", kind: .text, encoding: "UTF-8", pages: [text], hasPages: false)).map(\.text)
    }

    @Test func abbreviationsInitialsAndNumbersDoNotEndASentence() throws {
        #expect(try Self.sentences("Zie art. 2.3 van de wet. Dat regelt o.a. de zorg.") == ["Zie art. 2.3 van de wet", "Dat regelt o.a. de zorg"])
        // A sentence's text runs from its first to its last word (numbers are not words).
        #expect(try Self.sentences("Kamerstukken II, Kst. 33 841, nr. 3. Het college besluit.") == ["Kamerstukken II, Kst. 33 841, nr", "Het college besluit"])
        #expect(try Self.sentences("Gesprek met J. de Vries over bijv. de wijkteams. Wij helpen u. De gemeente betaalt.")
                == ["Gesprek met J. de Vries over bijv. de wijkteams", "Wij helpen u", "De gemeente betaalt"])
        #expect(try Self.sentences("Er zijn 1.000 cliënten in 2015. Daarna minder.") == ["Er zijn 1.000 cliënten in", "Daarna minder"])
        // A list-ending abbreviation ends the sentence when a capital follows, not otherwise.
        #expect(try Self.sentences("Zorg, hulp enz. De raad stemt in. Zorg, hulp enz. en meer.") == ["Zorg, hulp enz", "De raad stemt in", "Zorg, hulp enz. en meer"])
    }

    @Test func theSameSentenceGetsTheSameKeyWhateverItsLayout() throws {
        func keys(_ text: String) throws -> [UInt64] {
            try #require(try scoreWith(try LexiconLoader.builtin(), text).sentences).vectors.flatMap(\.keys).sorted()
        }
        let a = try keys("Wij regelen de zorg. Wij meten de prestaties.")
        #expect(a.count == 2)
        // Line breaks and double spaces do not change the words; a word that changes does.
        #expect(try keys("Wij  regelen de\nzorg.\nWij meten de prestaties.") == a)
        let changed = try keys("Wij regelen de jeugdzorg. Wij meten de prestaties.")
        #expect(changed.count == 2 && Set(changed).intersection(a).count == 1)
    }
}
