import CPoppler
import Foundation

/// Reads the text of each page of a PDF through poppler-glib.
public enum PDFReader {
    /// Raw page texts (not yet cleaned) and the pages that had no text.
    public struct Pages: Sendable {
        /// UTF-8 text of each page in reading order, as poppler gives it.
        public var texts: [String]
        /// 1-based numbers of pages without text that hold an image (likely scanned).
        public var scannedPages: [Int]
        /// 1-based numbers of pages without text and without images (blank).
        public var blankPages: [Int]
        /// 1-based numbers of pages poppler could not open (damaged page objects).
        public var failedPages: [Int] = []
        /// Pages read by OCR, with Tesseract's mean word confidence (0...100).
        public var ocrPages: [(page: Int, confidence: Int)] = []
        /// The OCR engine used, when one was ("tesseract 5.3.0, nld, 300 dpi").
        public var ocrEngine: String?
    }

    /// Extracts the pages of the PDF at `path` (any path; made absolute here).
    public static func read(path: String, ocr: OCREngine.Mode = .never) throws(IngestError) -> Pages {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var err: UnsafeMutablePointer<GError>? = nil
        guard let uri = g_filename_to_uri(absolute, nil, &err) else {
            throw .unreadable(takeMessage(&err) ?? "invalid file name")
        }
        defer { g_free(uri) }
        guard let doc = poppler_document_new_from_file(uri, nil, &err) else {
            let code = err?.pointee.code ?? -1
            let message = takeMessage(&err) ?? "unknown poppler error"
            if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) { throw .encryptedPDF }
            throw .damagedPDF(message)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(doc)) }

        let count = Int(poppler_document_get_n_pages(doc))
        if count == 0 { throw .damagedPDF("the document has no pages") }
        var texts = [String]()
        texts.reserveCapacity(count)
        var scanned = [Int](), blank = [Int](), failed = [Int]()
        var ocrPages = [(page: Int, confidence: Int)]()
        var engine: String?
        for i in 0..<count {
            guard let page = poppler_document_get_page(doc, Int32(i)) else {
                texts.append("")
                failed.append(i + 1)
                continue
            }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            var text = ""
            if let c = poppler_page_get_text(page) {
                text = String(cString: c)
                g_free(c)
            }
            let noText = text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x0C })
            var hasImage = false
            if noText || ocr == .always, let images = poppler_page_get_image_mapping(page) {
                poppler_page_free_image_mapping(images)
                hasImage = true
            }
            if ocr == .always || (ocr == .auto && noText && hasImage) {
                let result = try OCRPool.read(page)
                ocrPages.append((i + 1, result.confidence))
                engine = result.engine
                text = result.text
            } else if noText {
                if hasImage { scanned.append(i + 1) } else { blank.append(i + 1) }
            }
            texts.append(text)
        }
        return Pages(texts: texts, scannedPages: scanned, blankPages: blank, failedPages: failed, ocrPages: ocrPages, ocrEngine: engine)
    }

    /// The poppler version, for provenance.
    public static var popplerVersion: String {
        guard let v = poppler_get_version() else { return "unknown" }
        return String(cString: v)
    }

    private static func takeMessage(_ err: inout UnsafeMutablePointer<GError>?) -> String? {
        guard let e = err else { return nil }
        defer { g_error_free(e); err = nil }
        guard let m = e.pointee.message else { return nil }
        return String(cString: m)
    }
}

/// One OCR engine per process, created when the first scan is met and shared under a lock
/// (extraction workers are separate processes, so files still run in parallel across --jobs).
enum OCRPool {
    nonisolated(unsafe) private static var engine: OCREngine?
    private static let lock = NSLock()

    /// OCR of one page: its text, Tesseract's mean confidence and the engine's identification.
    static func read(_ page: OpaquePointer) throws(IngestError) -> (text: String, confidence: Int, engine: String) {
        lock.lock()
        defer { lock.unlock() }
        if engine == nil {
            engine = try OCREngine()
        }
        let result = engine!.read(page)
        return (result.text, result.confidence, engine!.identification)
    }
}
