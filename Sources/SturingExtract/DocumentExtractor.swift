import Foundation
import SturingCore
import SturingIngest

/// Turns any file sturing reads (PDF, scan, text, HTML, Word, OpenDocument) into a cleaned
/// `Document`, or a clear `IngestError`. The `sturing-extract` helper runs this for `sturing`.
public enum DocumentExtractor {
    /// Reads, detects, extracts and cleans the file at `path`, using `cache` when given.
    /// `ocr` says when PDF pages are read by OCR (see `OCRMode`).
    /// `threads` threads clean the pages of one large text.
    public static func read(path: String, cache: DocumentCache? = nil, ocr: OCRMode = .auto, threads: Int = 1) throws(IngestError) -> Document {
        let bytes = try DocumentReader.readBytes(path: path)
        let sha = SHA256Hex.digest(bytes)
        if let cached = cache?.load(sha256: sha, path: path) { return cached }
        let document: Document
        switch FileSniffer.sniff(bytes) {
        case .binary(let kind):
            throw .binary(kind: kind)
        case .pdf:
            document = try pdfDocument(try PDFReader.read(path: path, ocr: ocr, threads: threads), path: path, sha256: sha)
        case .text:
            document = try DocumentReader.textDocument(path: path, bytes: bytes, sha256: sha, threads: threads)
        case .html:
            let (text, decoded) = try MarkupReader.html(bytes)
            document = try markupDocument(path: path, pages: [text], sha256: sha, encoding: "html", notices: decoded.notice.map { [$0] } ?? [])
        case .docx:
            document = try officeDocument(path: path, bytes: bytes, sha256: sha, odt: false, ocr: ocr)
        case .odt:
            document = try officeDocument(path: path, bytes: bytes, sha256: sha, odt: true, ocr: ocr)
        case .xml:
            let xml = try XMLDocumentReader.read(bytes)
            document = try markupDocument(path: path, pages: [xml.text], sha256: sha, encoding: "xml",
                                          notices: xml.notice.map { [$0] } ?? [], metadata: xml.metadata)
        case .json:
            let export = try CouncilDataReader.read(bytes)
            document = try markupDocument(path: path, pages: export.pages, sha256: sha, encoding: "json",
                                          notices: export.notices, metadata: export.metadata)
        case .markdown:
            document = try markupDocument(path: path, pages: [try MarkupReader.markdown(bytes).text], sha256: sha, encoding: "markdown")
        case .convert(let advice):
            throw .needsConversion(advice)
        }
        cache?.store(document)
        return document
    }

    /// Pages read by OCR with a mean word confidence below this are named in the warnings.
    public static let lowOCRConfidence = 60

    /// `read`, and what cleaning did to each page (for `sturing text --report`), from one
    /// extraction: a PDF is read, and its scanned pages run through OCR, once.
    public static func readReporting(path: String, ocr: OCRMode = .auto, threads: Int = 1) throws(IngestError) -> (document: Document, cleaningByPage: [PageCleaning]) {
        let bytes = try DocumentReader.readBytes(path: path)
        guard FileSniffer.sniff(bytes) == .pdf else {
            return (try read(path: path, ocr: ocr, threads: threads), try cleaningByPage(path: path, ocr: ocr))
        }
        let raw = try PDFReader.read(path: path, ocr: ocr, threads: threads)
        let document = try pdfDocument(raw, path: path, sha256: SHA256Hex.digest(bytes))
        return (document, TextCleaner.cleanByPage(pages: raw.texts, removeRunningLines: true))
    }

    /// The document made from a PDF's extracted pages: errors for PDFs without usable text, and
    /// warnings for damaged, scanned, OCR-read and blank pages.
    static func pdfDocument(_ extracted: PDFReader.Pages, path: String, sha256: String) throws(IngestError) -> Document {
        var raw = extracted
        // OCR below the confidence floor is noise (a blank, speckled or photographed page): its
        // text is not counted, and a PDF with nothing else is an error.
        let noise = raw.ocrPages.filter { $0.confidence < IngestError.ocrConfidenceFloor }
        for page in noise { raw.texts[page.page - 1] = "" }
        let otherText = raw.texts.enumerated().contains { i, t in !noise.contains { $0.page == i + 1 } && t.unicodeScalars.contains { $0.properties.isAlphabetic } }
        if !noise.isEmpty && !otherText {
            throw .ocrUnreadable(pages: noise.count, confidence: noise.reduce(0) { $0 + $1.confidence } / noise.count)
        }
        if !raw.ocrPages.isEmpty {
            let ocrTexts = raw.ocrPages.map { raw.texts[$0.page - 1] }
            if ocrTexts.allSatisfy({ !$0.unicodeScalars.contains { $0.properties.isAlphabetic } }) && raw.ocrPages.count == raw.texts.count {
                throw .ocrFoundNothing(pages: raw.texts.count)
            }
        }
        let empty = Set(raw.scannedPages + raw.blankPages + raw.failedPages)
        if raw.failedPages.count == raw.texts.count {
            throw .damagedPDF("none of its \(raw.texts.count) page(s) could be opened")
        }
        if empty.count == raw.texts.count {
            throw raw.scannedPages.isEmpty ? .blankPDF(pages: raw.texts.count) : .noTextLayer(pages: raw.texts.count)
        }
        var notices = [Notice]()
        if !raw.failedPages.isEmpty { notices.append(.damagedPages(raw.failedPages)) }
        if !raw.ocrPages.isEmpty, let engine = raw.ocrEngine {
            let mean = raw.ocrPages.reduce(0) { $0 + $1.confidence } / raw.ocrPages.count
            notices.append(.ocrPages(raw.ocrPages.map(\.page), engine: engine, confidence: mean))
            let garbled = raw.ocrPages.filter { $0.reason == .unreadableTextLayer }.map(\.page)
            if !garbled.isEmpty { notices.append(.garbledReadByOCR(garbled)) }
            if !noise.isEmpty { notices.append(.ocrNoise(noise.map(\.page), floor: IngestError.ocrConfidenceFloor)) }
            let low = raw.ocrPages.filter { $0.confidence < lowOCRConfidence && $0.confidence >= IngestError.ocrConfidenceFloor }.map(\.page)
            if !low.isEmpty { notices.append(.lowOCRConfidence(low, below: lowOCRConfidence)) }
        }
        if !raw.unreadablePages.isEmpty { notices.append(.unreadableTextLayer(raw.unreadablePages)) }
        if !raw.scannedPages.isEmpty { notices.append(.scannedPages(raw.scannedPages)) }
        if !raw.blankPages.isEmpty && raw.blankPages.count * 5 > raw.texts.count { notices.append(.blankPages(raw.blankPages)) }
        let (pages, report) = TextCleaner.clean(pages: raw.texts, removeRunningLines: true)
        let record = raw.ocrEngine.map { OCRRecord(engine: $0, pages: raw.ocrPages) }
        return Document(file: path, sha256: sha256, kind: .pdf, encoding: "pdf", pages: pages, hasPages: true,
                        warnings: notices.map(\.message), cleaning: report, ocr: record, notices: notices)
    }

    /// A document from the text of an HTML page, an Office, XML, JSON or Markdown file, cleaned
    /// like text: one page, or (an export of several documents) a page per document page, with
    /// running lines removed when there are several.
    static func markupDocument(path: String, pages: [String], sha256: String, encoding: String,
                               notices: [Notice] = [], metadata: DocumentMetadata? = nil, ocr: OCRRecord? = nil) throws(IngestError) -> Document {
        let (cleaned, report) = TextCleaner.clean(pages: pages, removeRunningLines: pages.count > 1)
        guard cleaned.contains(where: { $0.unicodeScalars.contains { $0.properties.isAlphabetic } }) else { throw .noWords }
        return Document(file: path, sha256: sha256, kind: .text, encoding: encoding, pages: cleaned, hasPages: pages.count > 1,
                        warnings: notices.map(\.message), cleaning: report, ocr: ocr, metadata: metadata, notices: notices)
    }

    /// What cleaning does to each page of the file at `path` (read again, as `read` reads it),
    /// for `sturing text --report`.
    public static func cleaningByPage(path: String, ocr: OCRMode = .auto) throws(IngestError) -> [PageCleaning] {
        let bytes = try DocumentReader.readBytes(path: path)
        switch FileSniffer.sniff(bytes) {
        case .pdf:
            return TextCleaner.cleanByPage(pages: try PDFReader.read(path: path, ocr: ocr).texts, removeRunningLines: true)
        case .text:
            let pages = DocumentReader.textPages(try TextDecoder.decode(bytes).text)
            return TextCleaner.cleanByPage(pages: pages, removeRunningLines: pages.count > 1)
        default:
            return [TextCleaner.cleanByPage(pages: [try read(path: path, ocr: ocr).pages.joined(separator: "\n\n")], removeRunningLines: false)[0]]
        }
    }

}
