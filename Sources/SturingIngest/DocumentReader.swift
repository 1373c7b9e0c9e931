import Foundation
import Glibc
import SturingCore

/// Reads files safely (regular files only, up to a size) and turns plain text into a cleaned
/// `Document`, or a clear `IngestError`. PDFs, web pages and Word files are read by
/// `DocumentExtractor` (module SturingExtract), in the `sturing-extract` helper.
public enum DocumentReader {
    /// The largest file the tool reads.
    public static let maximumBytes = 1 << 30

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
    /// A text's pages: split at form feeds (as `pdftotext` writes them), without a blank last
    /// page after the last one.
    public static func textPages(_ text: String, threads: Int = 1) -> [String] {
        var pages = splitPages(text, threads: threads)
        if pages.count > 1, let last = pages.last, isBlankPage(last) { pages.removeLast() }
        return pages
    }

    /// True when a page holds only (ASCII) white space.
    public static func isBlankPage(_ page: String) -> Bool {
        page.utf8.allSatisfy(WhiteSpace.containsASCII)
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
        let hasFormFeed = text.withUTF8 { ByteSearch.first(0x0C, in: $0, from: 0) != nil }
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
