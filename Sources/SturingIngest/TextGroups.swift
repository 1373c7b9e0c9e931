import Foundation
import SturingCore

/// Reads a very large plain text file a group of pages at a time, so it is never held whole.
///
/// A group ends right after a form feed (a page break) where there is one; a page longer than a
/// group is cut just after a line that ends a sentence (`.`, `!`, `?`), or failing that after a
/// line end that is not a hyphenation. Each group's pages come with their page numbers
/// (0-based; the pieces of a cut page share one, and the scorer joins them again).
public final class TextGroups {
    /// Plain texts larger than this (bytes) are read in groups rather than whole.
    public static let streamAbove = 64 << 20

    private let handle: FileHandle
    private let groupBytes: Int
    private var buffer = [UInt8]()
    private var atEnd = false
    private var page = 0

    /// Opens `path` for reading in groups of about `groupBytes`.
    public init(path: String, groupBytes: Int = 4 << 20) throws(IngestError) {
        guard let h = FileHandle(forReadingAtPath: path) else { throw .unreadable(String(cString: strerror(errno))) }
        handle = h
        self.groupBytes = max(1024, groupBytes)
    }

    deinit { try? handle.close() }

    /// True when the file at `path` is a plain text larger than `threshold` bytes whose start is
    /// valid UTF-8 without a byte-order mark (other encodings are read whole).
    public static func qualifies(path: String, size: Int, threshold: Int = streamAbove) -> Bool {
        guard size > threshold, var head = DocumentReader.head(path: path) else { return false }
        guard FileSniffer.sniff(head) == .text, !head.starts(with: [0xEF, 0xBB, 0xBF]), !head.contains(0) else { return false }
        // A multi-byte character may be cut at the end of the sample.
        while let last = head.last, last & 0x80 != 0 { head.removeLast() }
        return String(validating: head, as: UTF8.self) != nil
    }

    /// One group of pages.
    public struct Group: Sendable {
        /// The bytes (pages joined by form feeds, as in the file).
        public var bytes: [UInt8]
        /// The page number of its first page (0-based).
        public var firstPage: Int
        /// True when its first page continues a page cut at the end of the previous group.
        public var continues: Bool
        /// True when its last page is cut (continued in the next group).
        public var endsInside: Bool
    }

    /// The next group, or nil at the end of the file.
    public func next() throws(IngestError) -> Group? {
        while !atEnd && buffer.count < groupBytes {
            do {
                guard let data = try handle.read(upToCount: groupBytes), !data.isEmpty else { atEnd = true; break }
                buffer.append(contentsOf: data)
            } catch {
                throw .unreadable(error.localizedDescription)
            }
        }
        if buffer.isEmpty { return nil }
        var cut = buffer.count
        if !atEnd {
            if let ff = buffer.lastIndex(of: 0x0C) {
                cut = ff + 1
            } else if let sentence = Self.lastSentenceEnd(buffer) {
                cut = sentence
            } else if let newline = Self.lastLineEndWithoutHyphen(buffer) {
                cut = newline
            }
            // Never cut inside a UTF-8 sequence.
            while cut > 0 && cut < buffer.count && buffer[cut] & 0xC0 == 0x80 { cut -= 1 }
            if cut == 0 { cut = buffer.count }
        }
        let group = Array(buffer[..<cut])
        buffer.removeFirst(cut)
        let first = page
        let continues = continuing
        page += group.reduce(0) { $1 == 0x0C ? $0 + 1 : $0 }
        continuing = group.last != 0x0C && !(atEnd && buffer.isEmpty)
        return Group(bytes: group, firstPage: first, continues: continues, endsInside: continuing)
    }

    private var continuing = false

    /// Just after the last line end whose line does not end with a hyphen (a word hyphenated
    /// across the line end stays in one group, so it can be joined).
    static func lastLineEndWithoutHyphen(_ b: [UInt8]) -> Int? {
        lastLineEnd(b) { $0 != 0x2D }
    }

    /// Just after the last line end whose line ends a sentence.
    static func lastSentenceEnd(_ b: [UInt8]) -> Int? {
        lastLineEnd(b, where: LineEnd.endsSentence)
    }

    /// Just after the last line end whose line's last non-space byte (nil: none) passes `accept`.
    private static func lastLineEnd(_ b: [UInt8], where accept: (UInt8?) -> Bool) -> Int? {
        b.withUnsafeBufferPointer { u in
            var k = u.count - 1
            while k > 0 {
                if u[k] == 0x0A && accept(LineEnd.lastByte(u, beforeNewlineAt: k)) { return k + 1 }
                k -= 1
            }
            return nil
        }
    }

    /// The pages of a group's bytes (split at form feeds; a group that ends with a form feed has
    /// no empty page after it), decoded as UTF-8 with invalid bytes replaced, and how many bytes
    /// were invalid.
    public static func pages(_ group: [UInt8]) -> (pages: [String], invalid: Bool) {
        var parts = group.split(separator: 0x0C, omittingEmptySubsequences: false)
        if group.last == 0x0C { parts.removeLast() }
        var invalid = false
        let pages = parts.map { part -> String in
            if let s = String(validating: part, as: UTF8.self) { return s }
            invalid = true
            return String(decoding: part, as: UTF8.self)
        }
        return (pages, invalid)
    }
}
