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
    }

    /// Extracts the pages of the PDF at `path` (any path; made absolute here).
    public static func read(path: String) throws(IngestError) -> Pages {
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
            if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x0C }) {
                if let images = poppler_page_get_image_mapping(page) {
                    poppler_page_free_image_mapping(images)
                    scanned.append(i + 1)
                } else {
                    blank.append(i + 1)
                }
            }
            texts.append(text)
        }
        return Pages(texts: texts, scannedPages: scanned, blankPages: blank, failedPages: failed)
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
