import Foundation
import SturingCore

import Testing
@testable import SturingIngest
@testable import SturingExtract

/// Issue 13: web pages, Word and OpenDocument files are read with libxml2 and libzip, and the same
/// plan counts the same in every format. The files are made here (Python's zipfile), no binaries.
@Suite struct FormatTests {
    static let paragraphs = [
        "Wij regelen de toegang tot de zorg binnen duidelijke kaders en met rechtsbescherming.",
        "De gemeente meet de resultaten en stuurt op prestaties, efficiënt en doelmatig.",
        "Samen met partners werken wij aan een netwerk van wijkteams en innovatie.",
        "Inwoners doen mee, met eigen kracht, vrijwilligers en betrokkenheid in de gemeenschap.",
    ]

    static func temp() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sturing-formats-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs a Python snippet that writes files (zipfile is in every Python).
    static func python(_ code: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", code]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    static func esc(_ s: String) -> String { s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") }

    static func docxXML(_ paragraphs: [String]) -> String {
        let ps = paragraphs.map { "<w:p><w:r><w:t xml:space=\"preserve\">\(esc($0))</w:t></w:r></w:p>" }.joined()
        // A deleted tracked change full of signal words must not count.
        let deleted = "<w:p><w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>regels regels regels samenwerken</w:delText></w:r></w:del></w:p>"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(ps)\(deleted)</w:body></w:document>"
    }

    static func odtXML(_ paragraphs: [String]) -> String {
        let ps = paragraphs.map { "<text:p>\(esc($0))</text:p>" }.joined()
        let tracked = "<text:tracked-changes><text:changed-region><text:deletion><text:p>regels regels meten</text:p></text:deletion></text:changed-region></text:tracked-changes>"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>\(tracked)\(ps)</office:text></office:body></office:document-content>"
    }

    static func writeZip(_ path: URL, _ entries: [(String, String)], mimetype: String? = nil) throws {
        var code = "import zipfile\nz = zipfile.ZipFile(\(pyString(path.path)), 'w', zipfile.ZIP_DEFLATED)\n"
        if let mimetype { code += "z.writestr('mimetype', \(pyString(mimetype)), compress_type=zipfile.ZIP_STORED)\n" }
        for (name, text) in entries { code += "z.writestr(\(pyString(name)), \(pyString(text)).encode('utf-8'))\n" }
        code += "z.close()\n"
        try python(code)
    }

    static func pyString(_ s: String) -> String {
        "bytes.fromhex('" + s.utf8.map { String(format: "%02x", $0) }.joined() + "').decode('utf-8')"
    }

    @Test func theSamePlanReadsTheSameInEveryFormat() throws {
        let dir = Self.temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = Self.paragraphs.joined(separator: "\n\n") + "\n"
        try Data(text.utf8).write(to: dir.appendingPathComponent("plan.txt"))
        // A web page with navigation, a script full of signal words, a footer and entities.
        let body = Self.paragraphs.map { "<p>" + Self.esc($0).replacingOccurrences(of: "efficiënt", with: "effici&euml;nt").replacingOccurrences(of: "werken", with: "w&#101;rken") + "</p>" }.joined(separator: "\n")
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Regels</title><style>p{color:red}</style></head>
            <body><nav><a href="/">Home</a> | regels | samenwerken | meedoen</nav><header>Gemeente regelen kaders</header>
            <main>\(body)</main><script>var regels = "regels samenwerken meedoen kaders";</script>
            <footer>Recht, regels en kaders © gemeente</footer></body></html>
            """
        try Data(html.utf8).write(to: dir.appendingPathComponent("plan.html"))
        try Self.writeZip(dir.appendingPathComponent("plan.docx"), [("[Content_Types].xml", "<Types/>"), ("word/document.xml", Self.docxXML(Self.paragraphs)),
                                                                    ("word/header1.xml", Self.docxXML(["Regels kaders regelen samenwerken"]))])
        try Self.writeZip(dir.appendingPathComponent("plan.odt"), [("content.xml", Self.odtXML(Self.paragraphs)),
                                                                   ("styles.xml", "<office:document-styles xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">regels</office:document-styles>")],
                           mimetype: "application/vnd.oasis.opendocument.text")
        let plain = try DocumentExtractor.read(path: dir.appendingPathComponent("plan.txt").path)
        func words(_ d: Document) -> [String] { d.pages.joined(separator: " ").split(whereSeparator: { $0.isWhitespace || $0.isPunctuation }).map(String.init) }
        for (name, encoding) in [("plan.html", "html"), ("plan.docx", "docx"), ("plan.odt", "odt")] {
            let d = try DocumentExtractor.read(path: dir.appendingPathComponent(name).path)
            #expect(d.encoding == encoding)
            #expect(words(d) == words(plain), "\(name): \(d.pages)")
        }
    }

    @Test func badOfficeFilesGiveClearErrors() throws {
        let dir = Self.temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        func failure(_ name: String) -> IngestError? {
            do { _ = try DocumentExtractor.read(path: dir.appendingPathComponent(name).path); return nil } catch { return error }
        }
        try Self.writeZip(dir.appendingPathComponent("kapot.docx"), [("word/document.xml", "<w:document><w:body><w:p>")])
        #expect(failure("kapot.docx")?.description.contains("not a readable zip of XML") == true)
        try Self.writeZip(dir.appendingPathComponent("leeg.docx"), [("word/styles.xml", "<x/>"), ("word/other.xml", "<x/>")])
        #expect(failure("leeg.docx")?.description.contains("no word/document.xml") == true)
        // A zip bomb: 300 MB of spaces in a few hundred KB.
        try Self.python("import zipfile\nz = zipfile.ZipFile('\(dir.appendingPathComponent("bom.docx").path)', 'w', zipfile.ZIP_DEFLATED)\nz.writestr('word/document.xml', b' ' * (300 << 20))\nz.close()\n")
        #expect(failure("bom.docx")?.description.contains("zip bomb") == true)
        // A password-protected Word file is an OLE container with an EncryptedPackage stream.
        var ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
        ole += Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) + Array(repeating: 0, count: 64)
        try Data(ole).write(to: dir.appendingPathComponent("geheim.docx"))
        #expect(failure("geheim.docx")?.description.contains("password-protected Office document") == true)
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 600)).write(to: dir.appendingPathComponent("oud.doc"))
        #expect(failure("oud.doc")?.description.contains("libreoffice --headless --convert-to docx") == true)
        try Data("{\\rtf1\\ansi Regels}".utf8).write(to: dir.appendingPathComponent("plan.rtf"))
        #expect(failure("plan.rtf")?.description.contains("RTF") == true)
        // An "HTML" file that is really an image.
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 100)).write(to: dir.appendingPathComponent("pagina.html"))
        #expect(failure("pagina.html")?.description.contains("PNG") == true)
        // A page without text.
        try Data("<html><body><script>regels()</script></body></html>".utf8).write(to: dir.appendingPathComponent("leeg.html"))
        #expect(failure("leeg.html") == .noWords)
    }
}

extension FormatTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// A 300 dpi scan of a demo plan reads within 5 % of the text version, per perspective.
    @Test func aScannedPlanIsReadByOCR() throws {
        let dir = Self.temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = Self.root.appendingPathComponent("Corpus/regelrecht-wmo-2015.pdf").path
        let scan = dir.appendingPathComponent("scan.pdf").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.root.appendingPathComponent("scripts/make_scan.py").path, original, scan, "300", "--pages", "2"]
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0)
        #expect(throws: IngestError.noTextLayer(pages: 2)) { try DocumentExtractor.read(path: scan, ocr: .never) }
        let read = try DocumentExtractor.read(path: scan, ocr: .auto)
        #expect(read.warnings.contains { $0.hasPrefix("pages 1-2 were read by OCR (tesseract") })
        var text = try DocumentExtractor.read(path: original)
        text.pages = Array(text.pages.prefix(2))
        func words(_ d: Document) -> Set<String> { Set(d.pages.joined(separator: " ").lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)) }
        let common = words(read).intersection(words(text))
        #expect(Double(common.count) >= 0.9 * Double(words(text).count))
    }

    /// Makes a scan of a demo plan with `scripts/make_scan.py` (extra arguments passed on).
    static func makeScan(_ out: String, _ extra: [String] = []) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", root.appendingPathComponent("scripts/make_scan.py").path,
                       root.appendingPathComponent("Corpus/regelrecht-wmo-2015.pdf").path, out, "300", "--pages", "2"] + extra
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0)
    }

    /// A page whose text layer is consonant soup (a broken font encoding) is read by OCR, and
    /// says so; with --ocr never it is kept but named as unreliable.
    @Test func anUnreadableTextLayerIsReadByOCR() throws {
        let dir = Self.temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scan = dir.appendingPathComponent("kapot-font.pdf").path
        try Self.makeScan(scan, ["--garbage-layer"])
        let read = try DocumentExtractor.read(path: scan, ocr: .auto)
        #expect(read.ocr?.pages.map(\.reason) == [.unreadableTextLayer, .unreadableTextLayer])
        #expect(read.ocr?.engine.hasPrefix("tesseract ") == true)
        #expect(read.warnings.contains { $0.contains("had a text layer without readable words") })
        #expect(read.pages.joined().contains("Regelrecht"))
        #expect(!read.pages.joined().contains("hqwh"))
        let kept = try DocumentExtractor.read(path: scan, ocr: .never)
        #expect(kept.ocr == nil)
        #expect(kept.warnings.contains { $0.contains("their counts are not reliable (use --ocr auto") })
    }

    /// The OCR pages of one file on two threads give what one thread gives.
    @Test func ocrPagesOnTwoThreadsGiveTheSameText() throws {
        let dir = Self.temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scan = dir.appendingPathComponent("scan.pdf").path
        try Self.makeScan(scan)
        let one = try DocumentExtractor.read(path: scan, ocr: .auto, threads: 1)
        let two = try DocumentExtractor.read(path: scan, ocr: .auto, threads: 2)
        #expect(one.pages == two.pages)
        #expect(one.ocr == two.ocr)
        #expect(one.ocr?.pages.map(\.page) == [1, 2])
    }

    @Test func textLayersWithAndWithoutWords() {
        #expect(!TextLayerCheck.isUnreadable("De gemeente stelt kaders en regels voor de zorg aan inwoners. Wij werken samen met partners in de wijk en meten de resultaten van het beleid elk jaar opnieuw."))
        #expect(!TextLayerCheck.isUnreadable(String(repeating: "2015 2016 12,3 45% € 1.200 -3 ", count: 20)))
        #expect(!TextLayerCheck.isUnreadable("Ghbjhp xkcd"))  // too short to judge
        #expect(TextLayerCheck.isUnreadable(String(repeating: "Gh jhphhqwh vwhow ndghuv hq uhjhov ", count: 5)))
        #expect(TextLayerCheck.isUnreadable(String(repeating: "#$% &&' ()* +,- ./: ;<= ", count: 5)))
        #expect(!TextLayerCheck.isUnreadable(String(repeating: "Één café, überhaupt Ötzi, íntegriteit ", count: 5)))
    }
}

extension FormatTests {
    /// OCR below the confidence floor is noise: a page of it is not counted (with a warning that
    /// names it), and a PDF of nothing else is an error that says why, never a silent zero.
    @Test func ocrNoiseBelowTheFloorIsNotCounted() throws {
        let noisy = OCRRecord.Page(page: 2, confidence: IngestError.ocrConfidenceFloor - 1, reason: .noTextLayer)
        let good = OCRRecord.Page(page: 1, confidence: 88, reason: .noTextLayer)
        var pages = PDFReader.Pages(texts: ["De gemeente regelt de zorg.", "Xq zz regels vlk"], scannedPages: [], blankPages: [])
        pages.ocrPages = [good, noisy]
        pages.ocrEngine = "tesseract"
        let document = try DocumentExtractor.pdfDocument(pages, path: "plan.pdf", sha256: "0")
        #expect(document.pages == ["De gemeente regelt de zorg.", ""])
        #expect(document.warnings.contains { $0.hasPrefix("page 2 was read by OCR with a confidence below \(IngestError.ocrConfidenceFloor)") })
        pages.ocrPages = [noisy]
        pages.texts[0] = ""
        #expect(throws: IngestError.ocrUnreadable(pages: 1, confidence: IngestError.ocrConfidenceFloor - 1)) {
            try DocumentExtractor.pdfDocument(pages, path: "plan.pdf", sha256: "0")
        }
        // At the floor itself the page counts.
        pages.ocrPages = [OCRRecord.Page(page: 2, confidence: IngestError.ocrConfidenceFloor, reason: .noTextLayer)]
        #expect(try DocumentExtractor.pdfDocument(pages, path: "plan.pdf", sha256: "0").pages[1] == "Xq zz regels vlk")
    }
}
