import Foundation
import SturingCore
import SturingExtract
import Testing
@testable import SturingIngest

/// Issue 22: formats read on 54 real files from public repositories. Every fixture is written
/// here, small and hand-made to the real structure; expected word counts are counted by hand.
@Suite struct Issue22Tests {
    static func temp() -> URL { FormatTests.temp() }

    /// The letter words of a document, lowercased, in order.
    static func words(_ d: Document) -> [String] {
        d.pages.joined(separator: " ").lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    }

    static func read(_ bytes: [UInt8], _ name: String, ocr: OCRMode = .auto) throws -> Document {
        let dir = temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return try DocumentExtractor.read(path: url.path, ocr: ocr)
    }

    static func failure(_ bytes: [UInt8], _ name: String, ocr: OCRMode = .auto) -> IngestError? {
        do { _ = try read(bytes, name, ocr: ocr); return nil } catch let e as IngestError { return e } catch { return nil }
    }

    // MARK: item 2: an ASP.NET page inside one <form>

    @Test func aPageInsideOneFormIsRead() throws {
        let html = """
            <!DOCTYPE html><html><body><form method="post" action="./pagina.aspx" id="aspnetForm">
            <input type="hidden" name="__VIEWSTATE" value="regels kaders" /><label for="q">Zoek regels</label><input id="q" type="text" />
            <button type="submit">Zoek kaders</button><select><option>regels</option></select>
            <div class="publicatie"><p>Wij regelen de zorg binnen kaders.</p><p>Inwoners doen mee.</p></div>
            <textarea>regels regels</textarea></form></body></html>
            """
        let d = try Self.read(Array(html.utf8), "stcrt.html")
        // Before: the form was dropped whole ("no words found in the text"); 9 words now, no control text.
        #expect(Self.words(d) == ["wij", "regelen", "de", "zorg", "binnen", "kaders", "inwoners", "doen", "mee"])
    }

    // MARK: item 12: web pages cut short or counted with markup

    @Test func aWrongCharsetDeclarationDoesNotCutThePage() throws {
        for charset in ["us-ascii", "gb2312", "shift_jis"] {
            let html = Array("<html><head><meta charset=\"\(charset)\"></head><body><p>Wij cre".utf8) + [0xEB] + Array("ren kaders en co".utf8)
                + [0xF6] + Array("rdinatie.</p><p>Inwoners doen mee.</p></body></html>".utf8)
            let d = try Self.read(html, "pagina.html")
            // Before: "Wij cre" (2 words) for us-ascii; now all 9.
            #expect(Self.words(d) == ["wij", "creëren", "kaders", "en", "coördinatie", "inwoners", "doen", "mee"], "\(charset)")
            #expect(d.warnings.contains { $0.contains("declares the charset \(charset), but its bytes are not") }, "\(charset)")
        }
    }

    @Test func utf8DeclaredAsWindows1252IsReadAsUTF8WithAWarning() throws {
        let d = try Self.read(Array("<html><head><meta charset=\"windows-1252\"></head><body><p>Wij creëren coördinatie.</p></body></html>".utf8), "p.html")
        #expect(Self.words(d) == ["wij", "creëren", "coördinatie"])
        #expect(d.warnings.contains { $0.contains("declares the charset windows-1252, but its bytes are UTF-8") })
    }

    @Test func aUTF16PageIsReadAsAPage() throws {
        let page = "<html><body><p>Wij regelen kaders.</p><script>var regels = 1;</script></body></html>"
        for bom in [true, false] {
            var bytes: [UInt8] = bom ? [0xFF, 0xFE] : []
            for u in page.utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
            let d = try Self.read(bytes, "p.htm")
            // Before: read as plain text, tags and script counted.
            #expect(d.encoding == "html")
            #expect(Self.words(d) == ["wij", "regelen", "kaders"])
        }
    }

    @Test func deepNestingKeepsAllText() throws {
        for depth in [300, 100_000] {
            let html = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>Wij regelen de zorg.</p>"
                + String(repeating: "</div>", count: depth) + "<p>Inwoners doen mee.</p></body></html>"
            let d = try Self.read(Array(html.utf8), "diep.html")
            // Before: 0 words at 300 levels (libxml2 stopped at 256 and the rest was dropped).
            #expect(Self.words(d) == ["wij", "regelen", "de", "zorg", "inwoners", "doen", "mee"], "\(depth)")
        }
    }

    @Test func hiddenTextIsNotCounted() throws {
        let html = """
            <html><body><p>Wij regelen kaders.</p><p hidden>regels regels</p><div style="display: none">regels</div>
            <span style="visibility:hidden">kaders</span><p style="color: red">Samen.</p></body></html>
            """
        #expect(Self.words(try Self.read(Array(html.utf8), "p.html")) == ["wij", "regelen", "kaders", "samen"])
    }

    // MARK: item 17 (DOCX): an entity-expansion bomb

    @Test func aDOCXEntityBombIsRefusedFast() throws {
        let dir = Self.temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        // 20,000 references to a 70 KB entity: 1.4 GB of text from a zip of about 700 bytes.
        let path = dir.appendingPathComponent("bom.docx")
        try FormatTests.python("""
            import zipfile
            doc = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY e "' + 'regels ' * 10000 + '">]>'
                   '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
                   + '&e;' * 20000 + '</w:t></w:r></w:p></w:body></w:document>')
            z = zipfile.ZipFile('\(path.path)', 'w', zipfile.ZIP_DEFLATED)
            z.writestr('[Content_Types].xml', '<Types/>')
            z.writestr('word/document.xml', doc)
            z.close()
            """)
        let start = Date()
        #expect(throws: IngestError.self) { try DocumentExtractor.read(path: path.path) }
        do { _ = try DocumentExtractor.read(path: path.path) } catch {
            #expect(error.description.contains("entity-expansion bomb"))
        }
        // Before: 9.7 s and 1.4 GB (xmlNodeGetContent expanded every reference).
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func entitiesWithinReasonAreExpanded() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY gem \"de gemeente\">]><notitie><p>Samen met &gem; werken wij.</p></notitie>"
        let d = try Self.read(Array(xml.utf8), "notitie.xml")
        #expect(Self.words(d) == ["samen", "met", "de", "gemeente", "werken", "wij"])
    }
}
