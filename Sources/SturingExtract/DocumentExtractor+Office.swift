import Foundation
import SturingCore
import SturingIngest

extension DocumentExtractor {
    /// Fewer letter words than this in a Word or OpenDocument file's own text, beside images,
    /// and its images are read by OCR with `--ocr auto` (pasted screenshots of a plan).
    static let officeWordsForImages = 25

    /// A Word (`odt` false) or OpenDocument file: its text, and the text of its images by OCR
    /// when its own text has (almost) no words (`--ocr auto`) or always (`--ocr always`). A file
    /// that holds only images is an error that says so when OCR is off or finds no words.
    static func officeDocument(path: String, bytes: [UInt8], sha256: String, odt: Bool, ocr: OCRMode) throws(IngestError) -> Document {
        let (text, images) = try MarkupReader.office(bytes, odt: odt)
        let kind = odt ? "OpenDocument file" : "Word document"
        let words = letterWords(text)
        let wanted = ocr == .always || (ocr == .auto && words < officeWordsForImages)
        guard !images.isEmpty, wanted else {
            if words == 0 && !images.isEmpty {
                throw .unreadable("the \(kind) holds \(images.count) image(s) but no text (pasted screenshots?); read them by OCR with --ocr auto, or export the plan as PDF")
            }
            return try markupDocument(path: path, pages: [text], sha256: sha256, encoding: odt ? "odt" : "docx")
        }
        let read = try readImages(images, from: bytes)
        var notices = [Notice]()
        let unread = images.count - read.texts.count
        if unread > 0 { notices.append(.undecodableImages(unread, of: images.count, in: kind)) }
        let ocrWords = read.texts.reduce(0) { $0 + letterWords($1) }
        if words == 0 && ocrWords == 0 {
            throw .unreadable("the \(kind) holds \(images.count) image(s) but no text, and OCR found no words in them (export the plan as PDF, or scan it again)")
        }
        var record: OCRRecord?
        if let engine = read.engine, !read.confidences.isEmpty {
            record = OCRRecord(engine: engine, pages: read.confidences.enumerated().map { OCRRecord.Page(page: $0.offset + 1, confidence: $0.element, reason: ocr == .always ? .always : .noTextLayer) })
            let mean = read.confidences.reduce(0, +) / read.confidences.count
            notices.append(.imagesReadByOCR(read.texts.count, in: kind, engine: engine, confidence: mean))
        }
        let body = ([text] + read.texts).joined(separator: "\n\n")
        return try markupDocument(path: path, pages: [body], sha256: sha256, encoding: odt ? "odt" : "docx", notices: notices, ocr: record)
    }

    /// OCR of the images named `names` in the zip `bytes`: the text and confidence of each image
    /// that could be decoded, and the engine.
    static func readImages(_ names: [String], from bytes: [UInt8]) throws(IngestError) -> (texts: [String], confidences: [Int], engine: String?) {
        let engine = try OCRPool.checkOut()
        defer { OCRPool.checkIn(engine) }
        var texts = [String](), confidences = [Int]()
        for (i, name) in names.enumerated() {
            ExtractionProgress.report(page: i, pages: names.count, ocrPages: names.count)
            guard let image = MarkupReader.zipEntry(bytes, name: name), let result = engine.read(image: image) else { continue }
            // Below the confidence floor OCR found noise, not text.
            texts.append(result.confidence < IngestError.ocrConfidenceFloor ? "" : result.text)
            confidences.append(result.confidence)
        }
        return (texts, confidences, engine.identification)
    }

    /// Words with a letter in `text`.
    static func letterWords(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).reduce(0) { $0 + ($1.contains(where: \.isLetter) ? 1 : 0) }
    }
}
