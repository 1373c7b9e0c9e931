import Foundation
import SturingCore
import Testing
@testable import SturingExtract
@testable import SturingIngest

@Suite struct DocumentReaderTests {
    func failure(_ path: String) -> IngestError? {
        do { _ = try DocumentExtractor.read(path: path); return nil } catch { return error }
    }

    @Test func runningHeaderIsRemovedFromPDF() throws {
        let doc = try DocumentExtractor.read(path: Fixture.path("running-header.pdf"))
        #expect(doc.pages.count == 5)
        #expect(doc.kind == .pdf)
        let all = doc.pages.joined(separator: "\n")
        #expect(all.components(separatedBy: "samenwerken").count - 1 == 2)
        #expect(!all.contains("Samenwerken aan zorg"))
        #expect(!all.contains("Pagina"))
        #expect(doc.cleaning.repeatedLines.sorted() == ["Pagina 1 van 5", "Samenwerken aan zorg"])
    }

    @Test func lineEndHyphenationInPDF() throws {
        let doc = try DocumentExtractor.read(path: Fixture.path("hyphenation.pdf"))
        let text = doc.pages[0]
        for expected in ["beleidsplan", "samenwerken", "WWB-bestand", "zorg- en welzijnsinstellingen", "e-mailadres", "zelfredzaamheid"] {
            #expect(text.contains(expected), "missing \(expected) in \(text)")
        }
    }

    @Test func twoColumnPDFKeepsColumnsApart() throws {
        let text = try DocumentExtractor.read(path: Fixture.path("two-column.pdf")).pages[0]
        let left = try #require(text.range(of: "het maatwerk vergroten"))
        let right = try #require(text.range(of: "Rechts: wij meten"))
        #expect(left.lowerBound < right.lowerBound)
        #expect(text.contains("samenwerken met partners"))
    }

    @Test func fileTypeComesFromContentNotName() throws {
        let doc = try DocumentExtractor.read(path: Fixture.path("pdf-named.txt"))
        #expect(doc.kind == .pdf)
        #expect(doc.pages[0].contains("beleidsplan"))
    }

    @Test func partialScanWarnsWithPageNumbers() throws {
        let doc = try DocumentExtractor.read(path: Fixture.path("partial-scan.pdf"), ocr: .never)
        #expect(doc.pages.count == 3)
        #expect(doc.warnings.count == 1)
        #expect(doc.warnings[0].hasPrefix("page 2 holds an image but no text"))
        // With OCR (the default) the scanned page is read, and the warning says how.
        let read = try DocumentExtractor.read(path: Fixture.path("partial-scan.pdf"))
        #expect(read.warnings.count == 1 && read.warnings[0].hasPrefix("page 2 was read by OCR (tesseract"))
    }

    @Test func badInputsGiveClearErrors() throws {
        #expect(failure(Fixture.path("empty.txt")) == .empty)
        #expect(failure(Fixture.path("encrypted.pdf")) == .encryptedPDF)
        #expect(throws: IngestError.noTextLayer(pages: 2)) { try DocumentExtractor.read(path: Fixture.path("image-only.pdf"), ocr: .never) }
        #expect(failure(Fixture.path("garbage.bin")) == .binary(kind: nil))
        #expect(failure(Fixture.path("does-not-exist.pdf")) == .missing)
        #expect(failure(Fixture.folder.path) == .directory)
        if case .damagedPDF = failure(Fixture.path("truncated.pdf")) {} else { Issue.record("truncated PDF not reported as damaged") }
    }

    @Test func errorMessagesSayWhatToDo() {
        #expect(IngestError.noTextLayer(pages: 3).description.contains("OCR"))
        #expect(IngestError.encryptedPDF.description.contains("qpdf --decrypt"))
        #expect(IngestError.empty.description.contains("0 bytes"))
    }

    @Test func symlinkLoopAndFifo() throws {
        let dir = Fixture.tempFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.txt").path, b = dir.appendingPathComponent("b.txt").path
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
        #expect(failure(a) == .symlinkLoop)
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(failure(fifo) == .notRegularFile)
    }

    @Test func knownFormatsAreNamedByContentNotName() throws {
        let dir = Fixture.tempFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The start of a Word document named .pdf: read as Word, and its damage is named.
        let docx = dir.appendingPathComponent("plan.pdf")
        try Data([0x50, 0x4B, 0x03, 0x04] + Array("....word/document.xml".utf8)).write(to: docx)
        #expect(failure(docx.path)?.description.hasPrefix("the Word document is not a readable zip") == true)
        let png = dir.appendingPathComponent("plan.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: png)
        #expect(failure(png.path) == .binary(kind: "a PNG image"))
    }

    @Test func textWithFormFeedsHasPages() throws {
        let dir = Fixture.tempFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("plan.txt")
        try Data("Pagina een over zorg.\u{0C}Pagina twee over werk.\u{0C}".utf8).write(to: file)
        let doc = try DocumentExtractor.read(path: file.path)
        #expect(doc.hasPages)
        #expect(doc.pages.count == 2)
    }
}
