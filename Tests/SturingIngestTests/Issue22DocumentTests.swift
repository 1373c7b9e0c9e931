import Foundation
import SturingCore
import SturingExtract
import Testing
@testable import SturingIngest

/// Issue 22, items 3-6: government XML, council-data JSON, Markdown, images in Word files and
/// glued PDF words. Fixtures are hand-written to the real structures (no real file is committed).
@Suite struct Issue22DocumentTests {
    typealias T = Issue22Tests

    // MARK: item 3: XML read as documents

    static let cvdr = """
        <?xml version="1.0" encoding="utf-8"?><cvdr xmlns="http://standaarden.overheid.nl/cvdr/terms/" \
        xmlns:dcterms="http://purl.org/dc/terms/"><meta><owmskern><dcterms:identifier>112779_1</dcterms:identifier>\
        <dcterms:title>Verordening regels en kaders zorg</dcterms:title><dcterms:type scheme="overheid:Informatietype">regeling</dcterms:type>\
        <dcterms:creator scheme="overheid:Gemeente">Spijkenisse</dcterms:creator><dcterms:modified>2011-09-15</dcterms:modified></owmskern>\
        <owmsmantel><dcterms:issued>2011-09-06</dcterms:issued></owmsmantel></meta><body><regeling><regeling-tekst>\
        <artikel><kop><label>Artikel</label><nr>1</nr><titel>Kaders</titel></kop><al>De gemeente <vet>stelt</vet> kaders.</al>\
        <al>Inwoners doen mee.</al></artikel></regeling-tekst></regeling></body></cvdr>
        """

    @Test func cvdrIsReadAsADocument() throws {
        let d = try T.read(Array(Self.cvdr.utf8), "bgr.xml")
        // Before (read as text): 96 words, tag names, namespaces and metadata among them ("regeling"
        // 5 times); now the body's 9 words only.
        #expect(T.words(d) == ["artikel", "kaders", "de", "gemeente", "stelt", "kaders", "inwoners", "doen", "mee"])
        #expect(d.encoding == "xml")
        #expect(d.metadata == DocumentMetadata(source: "CVDR", title: "Verordening regels en kaders zorg", municipality: "Spijkenisse",
                                               date: "2011-09-06", identifier: "112779_1"))
        let asText = try DocumentReader.textDocument(path: "bgr.txt", bytes: Array(Self.cvdr.utf8), sha256: nil)
        #expect(T.words(asText).filter { $0 == "regeling" }.count == 5)
        #expect(T.words(asText).count == 96)
    }

    @Test func bwbIsReadWithoutItsMetaData() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?><toestand bwb-id="BWBR0045754" inwerkingtreding="2022-05-01"><redactionele-correcties>\
            <redactionele-correctie label-id="1"/></redactionele-correcties><wetgeving soort="wet"><intitule>Wet van 25 oktober 2021 \
            houdende regels<meta-data><brondata><publicatiejaar>2021</publicatiejaar></brondata></meta-data></intitule>\
            <citeertitel status="officieel">Wet open overheid<meta-data><brondata>regels</brondata></meta-data></citeertitel>\
            <wet-besluit><wettekst><artikel><kop><label>Artikel</label><nr>1.1</nr></kop><al>Eenieder heeft recht op toegang.</al>\
            <meta-data><jcis><jci verwijzing="x"/></jcis></meta-data></artikel></wettekst></wet-besluit></wetgeving></toestand>
            """
        let d = try T.read(Array(xml.utf8), "wet.xml")
        #expect(T.words(d) == ["wet", "van", "oktober", "houdende", "regels", "wet", "open", "overheid", "artikel", "eenieder", "heeft", "recht", "op", "toegang"])
        #expect(d.metadata == DocumentMetadata(source: "BWB", title: "Wet open overheid", date: "2022-05-01", identifier: "BWBR0045754"))
    }

    @Test func anOfficialPublicationIsReadWithoutMastheadAndMetadata() throws {
        let xml = """
            <?xml version="1.0" encoding="utf-8"?><officiele-publicatie><metadata>\
            <meta name="OVERHEIDop.externMetadataRecord" scheme="" content="https://zoek.officielebekendmakingen.nl/gmb-2015-47076/metadata.xml"/>\
            <meta name="OVERHEID.authority" scheme="OVERHEID.Gemeente" content="Bergen (NH)"/></metadata>\
            <kop><titel>GEMEENTEBLAD</titel><subtitel>Officiële uitgave van de gemeente Bergen</subtitel></kop>\
            <gemeenteblad><kop><titel>Beleidsregels zorg</titel></kop><regeling><regeling-tekst><al>Wij werken <nadruk type="vet">samen</nadruk>.</al>\
            <al>Bergen, <datum isodatum="2015-12-23">23 december 2015</datum></al></regeling-tekst></regeling></gemeenteblad></officiele-publicatie>
            """
        let d = try T.read(Array(xml.utf8), "gmb.xml")
        #expect(T.words(d) == ["beleidsregels", "zorg", "wij", "werken", "samen", "bergen", "december"])
        #expect(d.metadata == DocumentMetadata(source: "officiële bekendmakingen", title: "Beleidsregels zorg", municipality: "Bergen (NH)",
                                               date: "2015-12-23", identifier: "gmb-2015-47076"))
        #expect(T.failure(Array("<?xml version=\"1.0\"?><owms-metadata><owmskern><dcterms:title>x</dcterms:title></owmskern></owms-metadata>".utf8), "metadata.xml")?
            .description.contains("holds no text of the publication") == true)
    }

    @Test func aRulingIsReadWithItsECLI() throws {
        let xml = """
            <?xml version="1.0" encoding="utf-8"?><open-rechtspraak><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" \
            xmlns:dcterms="http://purl.org/dc/terms/"><rdf:Description><dcterms:identifier>ECLI:NL:CRVB:2016:1</dcterms:identifier>\
            <dcterms:date>2016-01-05</dcterms:date><dcterms:subject>Wmo regels</dcterms:subject></rdf:Description><rdf:Description>\
            <dcterms:title>ECLI:NL:CRVB:2016:1 Centrale Raad van Beroep</dcterms:title></rdf:Description></rdf:RDF>\
            <inhoudsindicatie xmlns="http://www.rechtspraak.nl/schema/rechtspraak-1.0"><para>Maatwerkvoorziening.</para></inhoudsindicatie>\
            <uitspraak xmlns="http://www.rechtspraak.nl/schema/rechtspraak-1.0"><para>De gemeente heeft de <emphasis>eigen</emphasis> kracht onderzocht.</para></uitspraak></open-rechtspraak>
            """
        let d = try T.read(Array(xml.utf8), "uitspraak.xml")
        #expect(T.words(d) == ["maatwerkvoorziening", "de", "gemeente", "heeft", "de", "eigen", "kracht", "onderzocht"])
        #expect(d.metadata == DocumentMetadata(source: "rechtspraak", title: "ECLI:NL:CRVB:2016:1 Centrale Raad van Beroep", date: "2016-01-05", identifier: "ECLI:NL:CRVB:2016:1"))
    }

    @Test func otherXMLGivesItsTextNodesWithAWarning() throws {
        let xml = "<?xml version=\"1.0\"?><notitie versie=\"regels\"><kop>Samen</kop><tekst>Wij werken <b>samen</b>.</tekst></notitie>"
        let d = try T.read(Array(xml.utf8), "notitie.xml")
        #expect(T.words(d) == ["samen", "wij", "werken", "samen"])
        #expect(d.metadata == nil)
        #expect(d.warnings.contains { $0.contains("root element <notitie>") })
    }

    // MARK: item 4: council-data exports and Markdown

    @Test func anOpenRaadsinformatieExportIsRead() throws {
        let json = """
            {"hits": {"total": {"value": 2}, "hits": [
              {"_index": "ori_alphen_aan_den_rijn_20200101", "_id": "101", "_source": {"@type": "MediaObject", "name": "Beleidsplan Wmo",
               "last_discussed_at": "2015-03-12T20:00:00", "original_url": "https://example.org/regels.pdf", "text": ["Wij regelen kaders.", "Inwoners doen mee."]}},
              {"_index": "ori_alphen_aan_den_rijn_20200101", "_id": "102", "_source": {"@type": "MediaObject", "name": "Notitie",
               "md_text": "Samen met [partners](https://partners.example/regels) werken wij."}}]}}
            """
        let d = try T.read(Array(json.utf8), "ori.json")
        #expect(T.words(d) == ["wij", "regelen", "kaders", "inwoners", "doen", "mee", "samen", "met", "partners", "werken", "wij"])
        #expect(d.metadata?.source == "Open Raadsinformatie")
        #expect(d.metadata?.municipality == "Alphen aan den Rijn")
        #expect(d.metadata?.parts?.map(\.identifier) == ["101", "102"])
        #expect(d.metadata?.parts?.first?.title == "Beleidsplan Wmo")
    }

    @Test func aNotubizMeetingGivesItsDocumentTitlesWithAWarning() throws {
        let json = """
            {"id": 458902, "creation_date": "2017-10-05 10:36:49", "self": "api.notubiz.nl/events/meetings/458902", "type": "meeting",
             "documents": [{"title": "Kaders zorg", "description": "", "self": "api.notubiz.nl/document/1", "id": 1, "url": "https://api.notubiz.nl/document/1/1"}],
             "agenda_items": [{"documents": [{"title": "Samen meedoen", "description": "Raadsvoorstel", "id": 2, "self": "api.notubiz.nl/document/2"}], "agenda_items": []}]}
            """
        let d = try T.read(Array(json.utf8), "vergadering.json")
        #expect(T.words(d) == ["kaders", "zorg", "samen", "meedoen", "raadsvoorstel"])
        #expect(d.metadata?.source == "Notubiz")
        #expect(d.metadata?.identifier == "458902")
        #expect(d.warnings.contains { $0.contains("only the titles and descriptions of its 2 documents") })
        #expect(d.notices.map(\.kind) == [.titlesOnly] && d.notices.first?.count == 2)
    }

    @Test func otherJSONAndSturingOutputsSayWhy() {
        #expect(T.failure(Array("{\"naam\": \"regels\"}".utf8), "x.json")?.description.contains("not an Open Raadsinformatie or Notubiz export") == true)
        #expect(T.failure(Array("{\"tool\": {\"name\": \"sturing\", \"version\": \"1\"}, \"documents\": []}".utf8), "scores.json")?
            .description.contains("output of sturing") == true)
        #expect(FileSniffer.notADocument(Array("{\"tool\": {\"name\": \"sturing\"}}".utf8))?.contains("output of sturing") == true)
        #expect(FileSniffer.notADocument(Array("[{\"_index\": \"ori_utrecht_1\", \"_source\": {}}]".utf8)) == nil)
    }

    @Test func markdownLinksDoNotCount() throws {
        let md = """
            # Regels voor de zorg

            Wij volgen de [Wmo](https://wetten.overheid.nl/BWBR0035362/regels/kaders) en <https://regels.nl/kaders>,
            zie ook https://www.regels.nl/besluit. ![kaders](kaders-regels.png)

            - Inwoners doen **mee**.
            """
        let d = try T.read(Array(md.utf8), "wet.md")
        // As text, "regels" counts 5 times (3 of them in web addresses); now 14 words, none from an address.
        #expect(T.words(d) == ["regels", "voor", "de", "zorg", "wij", "volgen", "de", "wmo", "en", "zie", "ook", "inwoners", "doen", "mee"])
        #expect(d.encoding == "markdown")
        let asText = try DocumentReader.textDocument(path: "wet.txt", bytes: Array(md.utf8), sha256: nil)
        #expect(T.words(asText).filter { $0 == "regels" }.count == 5)
    }

    // MARK: item 5: a Word file holding only pasted screenshots

    /// A DOCX whose body is one picture: a PNG of `text` (rendered by pdftoppm from a PDF).
    static func screenshotDOCX(_ text: String, at dir: URL) throws -> URL {
        let pdf = dir.appendingPathComponent("shot.pdf")
        try Data(Self.pdf("BT /F1 18 Tf 1 0 0 1 40 780 Tm (\(text)) Tj ET")).write(to: pdf)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["pdftoppm", "-png", "-r", "100", "-singlefile", "-x", "0", "-y", "0", "-W", "827", "-H", "200", pdf.path, dir.appendingPathComponent("shot").path]
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0)
        let docx = dir.appendingPathComponent("screenshots.docx")
        let png = dir.appendingPathComponent("shot.png").path
        try FormatTests.python("""
            import zipfile
            z = zipfile.ZipFile('\(docx.path)', 'w', zipfile.ZIP_DEFLATED)
            z.writestr('[Content_Types].xml', '<Types/>')
            z.writestr('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<w:body><w:p><w:r><w:drawing><a:graphic><a:graphicData><a:blip r:embed="rId7"/></a:graphicData></a:graphic></w:drawing></w:r></w:p></w:body></w:document>')
            z.writestr('word/_rels/document.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>')
            z.write('\(png)', 'word/media/image1.png')
            z.close()
            """)
        return docx
    }

    @Test func aWordFileOfScreenshotsIsReadByOCR() throws {
        let dir = T.temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docx = try Self.screenshotDOCX("Wij regelen de zorg samen met inwoners", at: dir)
        // Before: "no words found in the text (the file holds no Dutch text)".
        let d = try DocumentExtractor.read(path: docx.path, ocr: .auto)
        #expect(T.words(d) == ["wij", "regelen", "de", "zorg", "samen", "met", "inwoners"])
        #expect(d.ocr?.pages.count == 1)
        #expect(d.warnings.contains { $0.hasPrefix("the Word document's 1 image was read by OCR (tesseract") })
        let notice = try #require(d.notices.first, "\(d.warnings)")
        #expect(d.notices.count == 1 && notice.kind == .imagesReadByOCR && notice.count == 1 && d.warnings.contains(notice.message))
        #expect(throws: IngestError.self) { try DocumentExtractor.read(path: docx.path, ocr: .never) }
        do { _ = try DocumentExtractor.read(path: docx.path, ocr: .never) } catch {
            #expect(error.description.contains("holds 1 image(s) but no text"))
        }
    }

    // MARK: item 6: PDF words that poppler places apart

    /// A one-page PDF whose content stream is `content` (fonts F1 Helvetica, F2 Helvetica-Bold).
    static func pdf(_ content: String) -> [UInt8] {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        ]
        var out = "%PDF-1.4\n", offsets = [Int]()
        for (i, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }

    @Test func pdfRunsPlacedApartAreSeparated() throws {
        // A table cell: "regeling" in Helvetica, and right after it (no gap) the next cell's "De" in
        // bold, 3 pt lower. poppler writes "regelingDe" (one token, no signal word); its boxes differ.
        let d = try T.read(Self.pdf("BT /F1 10 Tf 1 0 0 1 72 700 Tm (regeling) Tj /F2 10 Tf 1 0 0 1 107.58 697 Tm (De gemeente) Tj ET"), "cel.pdf")
        #expect(T.words(d) == ["regeling", "de", "gemeente"])
        // Within a word the boxes touch: a capital inside one run ("WijkTeams") is not split.
        let word = try T.read(Self.pdf("BT /F1 10 Tf 1 0 0 1 72 700 Tm (Sociale WijkTeams) Tj ET"), "woord.pdf")
        #expect(T.words(word) == ["sociale", "wijkteams"])
        #expect(PDFTextLayout.hasCaseJoin("regelingDe") && !PDFTextLayout.hasCaseJoin("Regeling De"))
        #expect(PDFTextLayout.separated("ab", boxes: [(0, 0, 5, 10), (5, 0, 9, 10)]) == "ab")
        #expect(PDFTextLayout.separated("ab", boxes: [(0, 0, 5, 10), (5, 3, 9, 13)]) == "a b")
        #expect(PDFTextLayout.separated("ab", boxes: [(0, 0, 10, 5), (0, 5, 10, 9)]) == "ab")  // vertical text
    }
}
