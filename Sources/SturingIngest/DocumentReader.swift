import Foundation
import Glibc
import SturingCore

/// Turns a file on disk into a cleaned `Document`, or a clear `IngestError`.
public enum DocumentReader {
    /// The largest file the tool reads.
    public static let maximumBytes = 1 << 30

    /// Reads, detects, extracts and cleans the file at `path`, using `cache` when given.
    /// `ocr` says when PDF pages are read by OCR (see `OCREngine.Mode`).
    /// `threads` threads clean the pages of one large text.
    public static func read(path: String, cache: DocumentCache? = nil, ocr: OCREngine.Mode = .auto, threads: Int = 1) throws(IngestError) -> Document {
        let bytes = try readBytes(path: path)
        let sha = SHA256Hex.digest(bytes)
        if let cached = cache?.load(sha256: sha, path: path) { return cached }
        let document: Document
        switch FileSniffer.sniff(bytes) {
        case .binary(let kind):
            throw .binary(kind: kind)
        case .pdf:
            document = try pdfDocument(path: path, sha256: sha, ocr: ocr, threads: threads)
        case .text:
            document = try textDocument(path: path, bytes: bytes, sha256: sha, threads: threads)
        case .html:
            document = try markupDocument(path: path, text: try MarkupReader.html(bytes), sha256: sha, encoding: "html")
        case .docx:
            document = try markupDocument(path: path, text: try MarkupReader.office(bytes, odt: false), sha256: sha, encoding: "docx")
        case .odt:
            document = try markupDocument(path: path, text: try MarkupReader.office(bytes, odt: true), sha256: sha, encoding: "odt")
        case .convert(let advice):
            throw .needsConversion(advice)
        }
        cache?.store(document)
        return document
    }

    /// Reads the bytes of a regular file, refusing directories, loops, pipes and empty files.
    public static func readBytes(path: String) throws(IngestError) -> [UInt8] {
        var st = stat()
        if stat(path, &st) != 0 {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR:
                var lst = stat()
                if lstat(path, &lst) == 0 && (lst.st_mode & S_IFMT) == S_IFLNK { throw .unreadable("broken symbolic link") }
                throw .missing
            case ELOOP: throw .symlinkLoop
            default: throw .unreadable(String(cString: strerror(code)))
            }
        }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: throw .directory
        case S_IFREG: break
        default: throw .notRegularFile
        }
        if st.st_size == 0 { throw .empty }
        if Int(st.st_size) > maximumBytes { throw .tooLarge(Int(st.st_size)) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(String(cString: strerror(errno))) }
        defer { close(fd) }
        // Read straight into the array (no Data in between); the size is re-checked as we go,
        // since the file may change while it is read.
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(st.st_size)) { buffer, count in
            count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 { if errno == EINTR { continue }; failure = errno; break }
                if n == 0 { break }
                count += n
            }
        }
        if failure != 0 { throw .unreadable(String(cString: strerror(failure))) }
        // A file that grew since stat: read the rest too (up to the limit).
        var more = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = more.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { break }
            bytes.append(contentsOf: more[..<n])
            if bytes.count > maximumBytes { throw .tooLarge(bytes.count) }
        }
        if bytes.isEmpty { throw .empty }
        return bytes
    }

    /// Pages read by OCR with a mean word confidence below this are named in the warnings.
    public static let lowOCRConfidence = 60

    static func pdfDocument(path: String, sha256: String, ocr: OCREngine.Mode = .auto, threads: Int = 1) throws(IngestError) -> Document {
        let raw = try PDFReader.read(path: path, ocr: ocr, threads: threads)
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
        var warnings = [String]()
        if !raw.failedPages.isEmpty {
            warnings.append("pages \(PageList.format(raw.failedPages)) could not be read (damaged page objects); they are not counted (repair the file, e.g. `qpdf in.pdf out.pdf`)")
        }
        if !raw.ocrPages.isEmpty, let engine = raw.ocrEngine {
            let mean = raw.ocrPages.reduce(0) { $0 + $1.confidence } / raw.ocrPages.count
            warnings.append("pages \(PageList.format(raw.ocrPages.map(\.page))) were read by OCR (\(engine); mean word confidence \(mean)); check a sample of their text")
            let garbled = raw.ocrPages.filter { $0.reason == .unreadableTextLayer }.map(\.page)
            if !garbled.isEmpty {
                warnings.append("pages \(PageList.format(garbled)) had a text layer without readable words (a broken font encoding?); they were read by OCR instead")
            }
            let low = raw.ocrPages.filter { $0.confidence < lowOCRConfidence }.map(\.page)
            if !low.isEmpty {
                warnings.append("pages \(PageList.format(low)) were read by OCR with a confidence below \(lowOCRConfidence): their words may be wrong (a better scan helps)")
            }
        }
        if !raw.unreadablePages.isEmpty {
            warnings.append("pages \(PageList.format(raw.unreadablePages)) have a text layer without readable words (a broken font encoding?); their counts are not reliable (use --ocr auto to read them by OCR)")
        }
        if !raw.scannedPages.isEmpty {
            warnings.append("pages \(PageList.format(raw.scannedPages)) hold an image but no text (scanned?); they are not counted (run OCR to include them)")
        }
        if !raw.blankPages.isEmpty && raw.blankPages.count * 5 > raw.texts.count {
            warnings.append("pages \(PageList.format(raw.blankPages)) are blank")
        }
        let (pages, report) = TextCleaner.clean(pages: raw.texts, removeRunningLines: true)
        let record = raw.ocrEngine.map { OCRRecord(engine: $0, pages: raw.ocrPages) }
        return Document(file: path, sha256: sha256, kind: .pdf, encoding: "pdf", pages: pages, hasPages: true,
                        warnings: warnings, cleaning: report, ocr: record)
    }

    /// A document from the text of an HTML page or an Office file: one page, cleaned like text.
    static func markupDocument(path: String, text: String, sha256: String, encoding: String) throws(IngestError) -> Document {
        let (cleaned, report) = TextCleaner.clean(pages: [text], removeRunningLines: false)
        guard cleaned.contains(where: { $0.unicodeScalars.contains { $0.properties.isAlphabetic } }) else { throw .noWords }
        return Document(file: path, sha256: sha256, kind: .text, encoding: encoding, pages: cleaned, hasPages: false, cleaning: report)
    }

    /// A document from the bytes of a plain text file (`FileSniffer` says `.text`): decoded,
    /// split into pages at form feeds, and cleaned on `threads` threads; hashed here when no
    /// `sha256` is given.
    public static func textDocument(path: String, bytes: consuming [UInt8], sha256 given: String?, threads: Int = 1) throws(IngestError) -> Document {
        // Each stage lets go of the one before, so a large text is held about once, not four times.
        var pages: [String], encoding = "UTF-8"
        var sha256 = given ?? ""
        // Plain UTF-8 (most files) is validated page by page on all threads, the file hashed
        // meanwhile when no hash is given; anything else is decoded whole.
        if let utf8 = TextDecoder.utf8Pages(bytes, threads: threads, alongside: { if given == nil { sha256 = SHA256Hex.digest(bytes) } }) {
            pages = utf8
            if pages.count > 1, let last = pages.last, isBlankPage(last) { pages.removeLast() }
            _ = consume bytes
        } else {
            var decoded = try TextDecoder.decode(bytes)
            _ = consume bytes
            encoding = decoded.encoding
            // pdftotext writes a form feed between pages: keep those pages.
            // Split on the byte 0x0C (a form feed is one byte in UTF-8), not on Characters.
            pages = textPages(decoded.text, threads: threads)
            decoded.text = ""
        }
        let hasPages = pages.count > 1
        let (cleaned, report) = TextCleaner.clean(pages: consume pages, removeRunningLines: hasPages, threads: threads)
        return Document(file: path, sha256: sha256, kind: .text, encoding: encoding, pages: cleaned,
                        hasPages: hasPages, cleaning: report)
    }
}

extension DocumentReader {
    /// What cleaning does to each page of the file at `path` (read again, as `read` reads it),
    /// for `sturing text --report`.
    public static func cleaningByPage(path: String, ocr: OCREngine.Mode = .auto) throws(IngestError) -> [PageCleaning] {
        let bytes = try readBytes(path: path)
        switch FileSniffer.sniff(bytes) {
        case .pdf:
            return TextCleaner.cleanByPage(pages: try PDFReader.read(path: path, ocr: ocr).texts, removeRunningLines: true)
        case .text:
            let pages = textPages(try TextDecoder.decode(bytes).text)
            return TextCleaner.cleanByPage(pages: pages, removeRunningLines: pages.count > 1)
        default:
            return [TextCleaner.cleanByPage(pages: [try read(path: path, ocr: ocr).pages.joined(separator: "\n\n")], removeRunningLines: false)[0]]
        }
    }

    /// A text's pages: split at form feeds (as `pdftotext` writes them), without a blank last
    /// page after the last one.
    static func textPages(_ text: String, threads: Int = 1) -> [String] {
        var pages = splitPages(text, threads: threads)
        if pages.count > 1, let last = pages.last, isBlankPage(last) { pages.removeLast() }
        return pages
    }

    /// True when a page holds only spaces, tabs and line ends.
    public static func isBlankPage(_ page: String) -> Bool {
        page.utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// The first `count` bytes of a regular, non-empty file; nil otherwise (a full read then
    /// names the problem).
    public static func head(path: String, count: Int = 65_536) -> [UInt8]? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0,
              let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: count), !data.isEmpty else { return nil }
        return [UInt8](data)
    }

    /// The pages of a text: split at each form feed byte (empty pages kept).
    static func splitPages(_ text: String, threads: Int = 1) -> [String] {
        var text = text
        let hasFormFeed = text.withUTF8 { b in b.baseAddress.map { memchr($0, 0x0C, b.count) != nil } ?? false }
        guard hasFormFeed else { return [text] }
        return text.withUTF8 { b -> [String] in
            let ranges = TextDecoder.pageRanges(b)
            // Copying the pages out is the slow part: on several threads for a large text.
            return ParallelMap.map(ranges.count, threads: threads) {
                String(decoding: UnsafeBufferPointer(rebasing: b[ranges[$0]]), as: UTF8.self)
            }
        }
    }
}

/// Formats page numbers compactly: [1,2,3,7] → "1-3, 7".
public enum PageList {
    /// The compact form of sorted 1-based page numbers.
    public static func format(_ pages: [Int]) -> String {
        var parts = [String]()
        var i = 0
        let sorted = pages.sorted()
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count && sorted[j + 1] == sorted[j] + 1 { j += 1 }
            parts.append(j > i ? "\(sorted[i])-\(sorted[j])" : "\(sorted[i])")
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }
}
