import SturingAnalysis
import SturingCore
import Testing
@testable import SturingReport

/// A document's warnings are said in the report's language, with plurals that agree, from the
/// values their notice keeps; a warning without a notice keeps its English sentence.
@Suite struct NoticeTests {
    @Test func englishAgreesWithThePageCount() {
        #expect(Notice.ocrPages([1, 2, 3, 4, 7], engine: "tesseract 5.3.0", confidence: 88).message
            == "pages 1-4, 7 were read by OCR (tesseract 5.3.0; mean word confidence 88); check a sample of their text")
        #expect(Notice.ocrPages([3], engine: "tesseract 5.3.0", confidence: 88).message
            == "page 3 was read by OCR (tesseract 5.3.0; mean word confidence 88); check a sample of its text")
        #expect(Notice.scannedPages([2]).message == "page 2 holds an image but no text (scanned?); it is not counted (run OCR to include it)")
        #expect(Notice.fewSignalWords(1).message == "only 1 signal word: shares are unstable (one word moves a share by 100.0 points)")
        #expect(Notice.fewSignalWords(8).message.hasPrefix("only 8 signal words: shares are unstable (one word moves a share by 12.5 points)"))
    }

    @Test func dutchIsWordedFromTheValues() {
        let L = Labels(.dutch)
        #expect(L.notice(.ocrPages([1, 2, 3, 4], engine: "tesseract 5.3.0", confidence: 88))
            == "pagina's 1–4 zijn met OCR gelezen (tesseract 5.3.0; gemiddelde woordzekerheid 88); controleer een steekproef van de tekst")
        #expect(L.notice(.ocrPages([3], engine: "tesseract 5.3.0", confidence: 88)).hasPrefix("pagina 3 is met OCR gelezen"))
        #expect(L.notice(.blankPages([5, 6])) == "pagina's 5–6 zijn leeg")
        #expect(L.notice(.fewSignalWords(1)) == "slechts 1 signaalwoord: de aandelen zijn instabiel (één woord verschuift een aandeel met 100,0 procentpunt)")
        #expect(L.notice(.fewSignalWords(8)).hasPrefix("slechts 8 signaalwoorden:"))
        #expect(L.notice(.undecodableImages(1, of: 1, in: "Word document")).hasPrefix("de afbeelding in het Word-document kon niet"))
        #expect(Notice.undecodableImages(1, of: 1, in: "Word document").message.hasSuffix("; it is not counted"))
        #expect(L.notice(.undecodableImages(1, of: 3, in: "Word document"))
            == "1 van de 3 afbeeldingen in het Word-document kon niet worden gedecodeerd voor OCR (een tekenformaat zoals EMF?) en telt niet mee")
        #expect(L.notice(.overlap("zorg", claimedBy: ["PA", "SR"], count: 1234)) == "'zorg' telt voor meer dan één perspectief (PA, SR): 1.234×")
        #expect(L.notice(.charsetIsUTF8(declared: "windows-1252")) == "de pagina noemt als tekenset windows-1252, maar haar bytes zijn UTF-8; ze is als UTF-8 gelezen")
        #expect(L.notice(.titlesOnly(1)).contains("van het document, niet de tekst") && L.notice(.titlesOnly(12)).contains("van de 12 documenten"))
        #expect(Notice.titlesOnly(1).message.contains("of its 1 document, not their text") && Notice.titlesOnly(2).message.contains("its 2 documents,"))
        #expect(L.notice(.notReadAsPlans(["a.csv", "b.csv"], of: 7)).hasPrefix("niet als plannen gelezen: a.csv, b.csv en nog 5 (tabellen"))
        #expect(Notice.notReadAsPlans(["a.csv", "b.csv"], of: 7).message.hasPrefix("not read as plans: a.csv, b.csv and 5 more (tables"))
        #expect(L.notice(.sameName(["bgr.html", "bgr.txt"], plan: "bgr", renamed: ["bgr (bgr.html)", "bgr (bgr.txt)"]))
            .hasPrefix("bgr.html, bgr.txt zouden allemaal het plan 'bgr' zijn: 'bgr (bgr.html)', 'bgr (bgr.txt)' worden als eigen plan gescoord"))
        #expect(L.notice(.sameFileTwice(manifest: "manifest.csv", line: 7, file: "a.txt", first: "A.txt", firstLine: 2))
            == "manifest.csv regel 7: a.txt is hetzelfde bestand als A.txt op regel 2; het wordt één keer gescoord, voor de eerste rij")
        // English is the message itself.
        let n = Notice.blankPages([5])
        #expect(Labels(.english).notice(n) == n.message && n.message == "page 5 is blank")
    }

    @Test func aPlansWarningsAreTranslatedWithTheirFilePrefixAndOthersKept() {
        var s = ScoreJSONTests.score(counts: [1, 1, 1, 1])
        let ocr = Notice.ocrPages([2], engine: "tesseract 5.3.0", confidence: 70)
        s.warnings = ["plan.pdf: " + ocr.message, "a warning without values"]
        s.notices = [ocr]
        #expect(Labels(.dutch).warnings(s) == ["plan.pdf: pagina 2 is met OCR gelezen (tesseract 5.3.0; gemiddelde woordzekerheid 70); controleer een steekproef van de tekst",
                                               "a warning without values"])
        #expect(Labels(.english).warnings(s) == s.warnings)
        // A message that itself holds ": " is found after its file prefix too.
        let few = Notice.fewSignalWords(5)
        #expect(Labels(.dutch).warnings(["a: b.pdf: " + few.message], notices: [few]) == ["a: b.pdf: " + Labels(.dutch).notice(few)])
    }

    /// scores.json and documents.jsonl keep the notices, so `sturing report` words them again;
    /// an unknown kind (a later version's) is skipped, its warning kept.
    @Test func noticesSurviveTheJSON() {
        var s = ScoreJSONTests.score(counts: [1, 1, 1, 1])
        let notices = [Notice.ocrPages([1, 2], engine: "tesseract 5.3.0", confidence: 81), .undecodableImages(2, of: 5, in: "OpenDocument file"),
                       .overlap("zorg", claimedBy: ["PA", "SR"], count: 3)]
        s.notices = notices
        s.warnings = notices.map(\.message)
        let back = ScoreJSON.decodeDocument(ScoreJSON.document(s))
        #expect(back?.notices == notices && back?.warnings == s.warnings)
        #expect(ScoreJSON.decodeNotice(.object([("kind", .string("later-kind")), ("message", .string("x"))])) == nil)
        // A score without notices writes no "notices" key (outputs of runs without them stay as they were).
        #expect(!ScoreJSON.document(ScoreJSONTests.score(counts: [1, 1, 1, 1])).serialized().contains("\"notices\""))
    }
}
