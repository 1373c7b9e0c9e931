import CPoppler
import Dispatch
import Foundation
import SturingCore
import SturingIngest
import Synchronization

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
        /// Pages read by OCR: Tesseract's mean word confidence (0...100) and why.
        public var ocrPages: [OCRRecord.Page] = []
        /// Pages whose text layer held no readable words and that were not read by OCR (`--ocr never`).
        public var unreadablePages: [Int] = []
        /// The OCR engine used, when one was ("tesseract 5.3.0, nld, 300 dpi").
        public var ocrEngine: String?
    }

    /// Extracts the pages of the PDF at `path` (any path; made absolute here). Pages read by OCR
    /// run on `threads` threads (each with its own engine and its own handle on the document).
    public static func read(path: String, ocr: OCRMode = .never, threads: Int = 1) throws(IngestError) -> Pages {
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
        var scanned = [Int](), blank = [Int](), failed = [Int](), unreadable = [Int]()
        var toRead = [(page: Int, reason: OCRRecord.Reason)]()
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
            if !text.isEmpty { text = PDFTextLayout.separated(text, page: page) }
            let noText = text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x0C })
            var hasImage = false
            if noText, let images = poppler_page_get_image_mapping(page) {
                poppler_page_free_image_mapping(images)
                hasImage = true
            }
            // A long PDF says how far it is (the parent's time limit counts from the last word).
            if (i + 1) % 50 == 0 { ExtractionProgress.report(page: i + 1, pages: count, ocrPages: toRead.count) }
            if ocr == .always {
                toRead.append((i + 1, .always))
            } else if noText {
                if ocr == .auto && hasImage { toRead.append((i + 1, .noTextLayer)) } else if hasImage { scanned.append(i + 1) } else { blank.append(i + 1) }
            } else if TextLayerCheck.isUnreadable(text) {
                if ocr == .auto { toRead.append((i + 1, .unreadableTextLayer)) } else { unreadable.append(i + 1) }
            }
            texts.append(text)
        }
        var ocrPages = [OCRRecord.Page]()
        var engine: String?
        if !toRead.isEmpty {
            ExtractionProgress.report(page: count - toRead.count, pages: count, ocrPages: toRead.count)
            let results = try OCRPool.read(pages: toRead.map(\.page), uri: uri, document: doc, threads: threads, of: count)
            for (k, job) in toRead.enumerated() {
                texts[job.page - 1] = results[k].text
                ocrPages.append(OCRRecord.Page(page: job.page, confidence: results[k].confidence, reason: job.reason))
                engine = results[k].engine
            }
        }
        return Pages(texts: texts, scannedPages: scanned, blankPages: blank, failedPages: failed, ocrPages: ocrPages,
                     unreadablePages: unreadable, ocrEngine: engine)
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

/// The OCR engines of a process, created when the first scan is met and reused (starting one
/// loads its language data). Pages of one file run on several threads when asked, each thread
/// with an engine of its own and its own handle on the document (poppler documents are not
/// shared between threads); files also run in parallel in separate worker processes.
enum OCRPool {
    nonisolated(unsafe) private static var idle = [OCREngine]()
    private static let lock = NSLock()

    nonisolated(unsafe) private static var releaseAtExit = false

    static func checkOut() throws(IngestError) -> OCREngine {
        lock.lock()
        let engine = idle.popLast()
        lock.unlock()
        if let engine { return engine }
        let created = try OCREngine()
        lock.lock()
        if !releaseAtExit {
            // Engines are ended before Tesseract's own caches (set up with the first engine, so
            // torn down after this handler) are destroyed at exit; otherwise those print
            // "WARNING! LEAK!" lines on standard error.
            releaseAtExit = true
            atexit {
                OCRPool.lock.lock()
                OCRPool.idle.removeAll()
                OCRPool.lock.unlock()
            }
        }
        lock.unlock()
        return created
    }

    static func checkIn(_ engine: OCREngine) {
        lock.lock()
        idle.append(engine)
        lock.unlock()
    }

    /// OCR of the 1-based `pages` of the document (`document` on this thread, or reopened from
    /// `uri` on others): each page's text, mean confidence and the engine's identification.
    /// Each page done is reported as progress (`of`: the document's page count).
    static func read(pages: [Int], uri: UnsafeMutablePointer<gchar>, document: OpaquePointer,
                     threads: Int, of pageCount: Int) throws(IngestError) -> [(text: String, confidence: Int, engine: String)] {
        let failure = Mutex<IngestError?>(nil)
        let done = Mutex(pageCount - pages.count)
        let shared = Unchecked((uri: uri, document: document))
        // Each thread: an engine of its own, and its own handle on the document (the first
        // thread uses the caller's).
        let results = ParallelMap.map(pages.count, threads: threads, state: { w -> (engine: OCREngine, doc: OpaquePointer, own: Bool)? in
            let engine: OCREngine
            do throws(IngestError) { engine = try checkOut() } catch { failure.withLock { $0 = error }; return nil }
            if w == 0 { return (engine, shared.value.document, false) }
            guard let own = poppler_document_new_from_file(shared.value.uri, nil, nil) else { checkIn(engine); return nil }
            return (engine, own, true)
        }, done: { state in
            checkIn(state.engine)
            if state.own { g_object_unref(UnsafeMutableRawPointer(state.doc)) }
        }) { state, k -> (text: String, confidence: Int, engine: String)? in
            guard let page = poppler_document_get_page(state.doc, Int32(pages[k] - 1)) else { return ("", 0, state.engine.identification) }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            guard let result = state.engine.read(page) else {
                // The page image could not be made: memory ran out. An error, never a quieter result.
                failure.withLock { $0 = .outOfMemory(limitMB: ExtractionProgress.memoryLimitMB) }
                return nil
            }
            let finished = done.withLock { d -> Int in d += 1; return d }
            ExtractionProgress.report(page: finished, pages: pageCount, ocrPages: pages.count)
            return (result.text, result.confidence, state.engine.identification)
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.map { ($0 ?? nil) ?? ("", 0, "tesseract \(OCREngine.version)") }
    }
}
