import SturingCore

/// Decodes the bytes of a plain-text file, detecting the encoding: a BOM wins, then valid UTF-8,
/// then ICU charset detection (8-bit Latin guesses are read as Windows-1252).
public enum TextDecoder {
    /// Decoded text and the name of the encoding that was used.
    public struct Decoded: Sendable, Equatable {
        /// The text, without BOM.
        public var text: String
        /// "UTF-8", "UTF-8 (BOM)", "UTF-16LE (BOM)", "UTF-16BE (BOM)", "windows-1252", ...
        public var encoding: String
    }

    /// Decodes `bytes` or throws `IngestError.binary` / `.undecodable`.
    public static func decode(_ bytes: [UInt8]) throws(IngestError) -> Decoded {
        let result: Decoded
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            result = Decoded(text: String(decoding: bytes.dropFirst(3), as: UTF8.self), encoding: "UTF-8 (BOM)")
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            result = Decoded(text: utf16(bytes.dropFirst(2), littleEndian: true), encoding: "UTF-16LE (BOM)")
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            result = Decoded(text: utf16(bytes.dropFirst(2), littleEndian: false), encoding: "UTF-16BE (BOM)")
        } else if let utf16 = bomlessUTF16(bytes) {
            result = utf16
        } else if bytes.prefix(65_536).contains(0) {
            throw .binary(kind: nil)
        } else if let text = String(validating: bytes, as: UTF8.self) {
            result = Decoded(text: text, encoding: "UTF-8")
        } else {
            let guess = ICUText.detectCharset(bytes.prefix(65_536))
            let name = guess.map { latin8Bit.contains($0.name) ? "windows-1252" : $0.name } ?? "windows-1252"
            let charset = (guess?.confidence ?? 0) >= 30 ? name : "windows-1252"
            guard let text = ICUText.decode(bytes, charset: charset) else { throw .undecodable(encoding: charset) }
            result = Decoded(text: text, encoding: charset)
        }
        try checkPlausible(result)
        return result
    }

    /// ICU names for 8-bit Western charsets; all are read as Windows-1252, their superset for text.
    private static let latin8Bit: Set<String> = ["ISO-8859-1", "windows-1252", "ISO-8859-15", "ISO-8859-2", "windows-1250"]

    static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        return UTF16Text.string(units)
    }

    /// UTF-16 without BOM: in mostly-Latin text every other byte is zero.
    static func bomlessUTF16(_ bytes: [UInt8]) -> Decoded? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 8 else { return nil }
        var evenZero = 0, oddZero = 0
        for (i, byte) in sample.enumerated() where byte == 0 {
            if i % 2 == 0 { evenZero += 1 } else { oddZero += 1 }
        }
        let half = sample.count / 2
        if oddZero * 10 >= half * 7 && evenZero * 20 < half {
            return Decoded(text: utf16(bytes[...], littleEndian: true), encoding: "UTF-16LE")
        }
        if evenZero * 10 >= half * 7 && oddZero * 20 < half {
            return Decoded(text: utf16(bytes[...], littleEndian: false), encoding: "UTF-16BE")
        }
        return nil
    }

    /// The pages of plain UTF-8 `bytes` (no byte-order mark, not UTF-16, no NUL byte in the first
    /// 64 KB), split at form feeds and validated a page at a time on `threads` threads: a form
    /// feed is one byte and never inside a character, so the bytes are valid UTF-8 exactly when
    /// every page is, and the pages equal those of `decode` then splitting. Nil when the bytes
    /// need `decode` (another encoding, or to name the problem). `alongside` runs once, on one of
    /// the threads while the others validate (the file's hash).
    public static func utf8Pages(_ bytes: [UInt8], threads: Int, alongside: () -> Void) -> [String]? {
        let plain = !bytes.starts(with: [0xEF, 0xBB, 0xBF]) && !bytes.starts(with: [0xFF, 0xFE])
            && !bytes.starts(with: [0xFE, 0xFF]) && bomlessUTF16(bytes) == nil && !bytes.prefix(65_536).contains(0)
        guard plain else { alongside(); return nil }
        return bytes.withUnsafeBufferPointer { b -> [String]? in
            guard b.count > 0 else { alongside(); return nil }
            let ranges = pageRanges(b)
            // Task 0 is `alongside`; task i validates and copies page i - 1.
            let pages = ParallelMap.map(ranges.count + 1, threads: threads) { i -> String? in
                if i == 0 { alongside(); return "" }
                return String(validating: UnsafeBufferPointer(rebasing: b[ranges[i - 1]]), as: UTF8.self)
            }.dropFirst()
            guard pages.allSatisfy({ $0 != nil }), !looksLikeBinary(b) else { return nil }
            return pages.map { $0! }
        }
    }

    /// The byte ranges of the pages of UTF-8 text: split at each form feed (empty pages kept).
    static func pageRanges(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges = [Range<Int>]()
        var start = 0
        while start <= b.count {
            let end = ByteSearch.first(0x0C, in: b, from: start) ?? b.count
            ranges.append(start..<end)
            start = end + 1
        }
        return ranges
    }

    /// Rejects text that is mostly control or replacement characters (binary read as text).
    private static func checkPlausible(_ decoded: Decoded) throws(IngestError) {
        if looksLikeBinary(decoded.text) { throw .undecodable(encoding: decoded.encoding) }
    }

    /// True when the text looks like binary read as text: of its first 200,000 scalars more than
    /// one in twenty are control or replacement characters (C0 controls other than tab, line
    /// ends and form feed, DEL, U+FFFD) and fewer than half are letters. Text that other tools
    /// extracted from PDFs can hold one control character in ten (fonts without a Unicode map
    /// give glyph codes) and is still mostly words: it is read.
    public static func looksLikeBinary(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { looksLikeBinary($0) }
    }

    /// `looksLikeBinary` on UTF-8 bytes.
    static func looksLikeBinary(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var bad = 0, letters = 0, total = 0, i = 0
        while i < b.count && total < 200_000 {
            let c = b[i]
            if c & 0xC0 != 0x80 { total += 1 }
            switch c {
            case 0x09, 0x0A, 0x0C, 0x0D: break
            case 0x00...0x1F, 0x7F: bad += 1
            case 0x41...0x5A, 0x61...0x7A: letters += 1
            // The lead byte of U+00C0-U+024F (é, ë, ï, ...), letters in Dutch text.
            case 0xC3...0xC9: letters += 1
            case 0xEF where i + 2 < b.count && b[i + 1] == 0xBF && b[i + 2] == 0xBD: bad += 1
            default: break
            }
            i += 1
        }
        return total > 0 && bad * 20 > total && letters * 2 < total
    }
}
