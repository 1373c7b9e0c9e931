import SturingCore

/// How a large document is cut into chunks that are scored one at a time (and in parallel), so
/// that memory stays flat in the size of a file and one file can use several cores.
///
/// A chunk is a run of pieces of pages. A cut is only made right after a line that ends a
/// sentence (`.`, `!` or `?` before the line end, or a page that ends with one): no multi-word
/// term or exclude phrase can span such a place (its words must be separated by white space
/// only), and the scorer ends a sentence there anyway, so chunked counts, sentence profiles
/// and intervals equal those of one pass. Only a text with no sentence end in twice the
/// target size is cut at another line end (or, without line ends, after a space).
public struct TextChunks: Sendable {
    /// A UTF-8 byte range of one page.
    public struct Piece: Sendable, Equatable {
        /// The page index.
        public var page: Int
        /// First byte.
        public var start: Int
        /// End byte (exclusive).
        public var end: Int
        /// True when the piece starts its page.
        public var startsPage: Bool
        /// True when the piece ends its page.
        public var endsPage: Bool
    }

    /// The chunks, in text order.
    public private(set) var chunks: [[Piece]] = []

    /// Documents with more text than this (UTF-8 bytes) are scored in chunks of about this size.
    public static let defaultTargetBytes = 2 << 20

    /// Plans the chunks of `pages`, each about `targetBytes` long (a chunk ends at the first
    /// sentence end after the target; only a text with no sentence end in the next
    /// `2 × targetBytes` is cut at a line end or space instead).
    public init(pages: [String], targetBytes: Int = defaultTargetBytes) {
        var current = [Piece]()
        var size = 0
        for (p, page) in pages.enumerated() {
            var page = page
            page.withUTF8 { bytes in
                var start = 0
                while true {
                    let room = targetBytes - size
                    let rest = bytes.count - start
                    if rest <= room { break }
                    let from = start + max(0, room)
                    // A page that ends before the search window is full is taken whole (its end
                    // may be the cut, or the next page's first sentence end).
                    let window = from + 2 * targetBytes
                    guard let cut = Self.cut(bytes, from: from, to: min(bytes.count, window), sentenceOnly: window > bytes.count),
                          cut < bytes.count else { break }
                    current.append(Piece(page: p, start: start, end: cut, startsPage: start == 0, endsPage: false))
                    chunks.append(current)
                    current = []
                    size = 0
                    start = cut
                }
                current.append(Piece(page: p, start: start, end: bytes.count, startsPage: start == 0, endsPage: true))
                size += bytes.count - start
            }
            if size >= targetBytes && Self.endsSentence(pages[p]) {
                chunks.append(current)
                current = []
                size = 0
            }
        }
        if !current.isEmpty { chunks.append(current) }
    }

    /// True when the page's last non-space character is `.`, `!` or `?`.
    static func endsSentence(_ page: String) -> Bool {
        for b in page.utf8.reversed() where !WhiteSpace.containsASCII(b) { return LineEnd.endsSentence(b) }
        return false
    }

    /// A cut in `from..<to`: just after the first line end whose line ends a sentence; failing
    /// that (unless `sentenceOnly`), after the last line end, or after the last space. Nil when
    /// there is none.
    static func cut(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int, sentenceOnly: Bool = false) -> Int? {
        guard from < to else { return nil }
        var lastNewline: Int?
        var lastSpace: Int?
        var k = from
        while k < to {
            let c = b[k]
            if c == 0x0A {
                lastNewline = k + 1
                if LineEnd.endsSentence(LineEnd.lastByte(b, beforeNewlineAt: k)) { return k + 1 }
            } else if c == 0x20 {
                lastSpace = k + 1
            }
            k += 1
        }
        return sentenceOnly ? nil : lastNewline ?? lastSpace
    }
}
