import SturingCore

/// The encoding of a web page or an XML file, decided from its bytes: a byte-order mark, UTF-16
/// without one, then the charset the file declares when its bytes fit it, else UTF-8 when they
/// are valid UTF-8, else ICU's guess (8-bit Latin read as Windows-1252). A declaration that the
/// bytes contradict is named in a warning, so a page is never cut short at the first byte its
/// declared charset cannot read, nor garbled silently.
public enum MarkupEncoding {
    /// The file's text as UTF-8, the encoding used, and what was wrong with the declaration.
    public struct Decoded: Sendable, Equatable {
        /// The text, without byte-order mark.
        public var text: String
        /// The encoding that was used ("UTF-8", "UTF-16LE", "windows-1252", ...).
        public var encoding: String
        /// Set when the declared charset was not used, and why.
        public var notice: Notice?
        /// `notice`'s English sentence.
        public var warning: String? { notice?.message }
    }

    /// Decodes the bytes of a web page or XML file.
    public static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: String(decoding: bytes.dropFirst(3), as: UTF8.self), encoding: "UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return Decoded(text: TextDecoder.utf16(bytes.dropFirst(2), littleEndian: true), encoding: "UTF-16LE")
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return Decoded(text: TextDecoder.utf16(bytes.dropFirst(2), littleEndian: false), encoding: "UTF-16BE")
        }
        if let utf16 = TextDecoder.bomlessUTF16(bytes) { return Decoded(text: utf16.text, encoding: utf16.encoding) }
        let declared = declaredCharset(bytes.prefix(4096))
        let utf8 = String(validating: bytes, as: UTF8.self)
        if let declared, !isUTF8(declared) {
            let ascii = !bytes.contains { $0 >= 0x80 }
            if ascii, let text = utf8 { return Decoded(text: text, encoding: declared) }
            if let utf8 {
                return Decoded(text: utf8, encoding: "UTF-8",
                               notice: .charsetIsUTF8(declared: declared))
            }
            if fits(bytes, declared), let text = ICUText.decode(bytes, charset: declared, strict: true) {
                return Decoded(text: text, encoding: declared)
            }
            let (text, used) = guess(bytes)
            return Decoded(text: text, encoding: used,
                           notice: .charsetMismatch(declared: declared, used: used))
        }
        if let utf8 { return Decoded(text: utf8, encoding: "UTF-8") }
        let (text, used) = guess(bytes)
        return Decoded(text: text, encoding: used, notice: declared.map { .charsetMismatch(declared: $0, used: used, valid: true) })
    }

    /// ICU's guess for bytes that are not UTF-8: 8-bit Latin charsets (and weak guesses) are read
    /// as Windows-1252, their superset.
    static func guess(_ bytes: [UInt8]) -> (text: String, encoding: String) {
        let detected = ICUText.detectCharset(bytes.prefix(65_536))
        var charset = "windows-1252"
        if let detected, detected.confidence >= 50, !latin8Bit.contains(detected.name), !isUTF8(detected.name) {
            charset = detected.name
        }
        if let text = ICUText.decode(bytes, charset: charset) { return (text, charset) }
        return (ICUText.decode(bytes, charset: "windows-1252") ?? String(decoding: bytes, as: UTF8.self), "windows-1252")
    }

    /// True when the bytes can be in `charset`: a strict conversion must succeed, and a
    /// multi-byte East Asian charset must also be what ICU detects (Windows-1252 bytes often
    /// form valid Shift_JIS or GB pairs by chance).
    static func fits(_ bytes: [UInt8], _ charset: String) -> Bool {
        let name = charset.lowercased()
        let multiByte = ["shift_jis", "sjis", "gb", "big5", "euc", "iso-2022", "ks_c", "windows-31j", "cp932", "cp936", "cp949"]
        guard multiByte.contains(where: { name.hasPrefix($0) }) else { return true }
        guard let detected = ICUText.detectCharset(bytes.prefix(65_536)) else { return false }
        let found = detected.name.lowercased()
        return found.hasPrefix(String(name.prefix(3))) || (name.hasPrefix("gb") && found.hasPrefix("gb"))
    }

    /// ICU names for 8-bit Western charsets; all are read as Windows-1252.
    static let latin8Bit: Set<String> = ["ISO-8859-1", "windows-1252", "ISO-8859-15", "ISO-8859-2", "windows-1250"]

    static func isUTF8(_ name: String) -> Bool {
        let n = name.lowercased()
        return n == "utf-8" || n == "utf8"
    }

    /// The charset a page or XML file declares near its start: `<meta charset=...>`, a
    /// Content-Type `charset=...`, or `<?xml ... encoding="..."?>`; nil when none.
    public static func declaredCharset(_ head: ArraySlice<UInt8>) -> String? {
        let lower = head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func value(after marker: String) -> String? {
            let m = Array(marker.utf8)
            guard m.count <= lower.count else { return nil }
            var i = 0
            while i + m.count <= lower.count {
                if lower[i] == m[0] && Array(lower[i..<(i + m.count)]) == m {
                    var j = i + m.count
                    while j < lower.count && (lower[j] == 0x20 || lower[j] == 0x22 || lower[j] == 0x27) { j += 1 }
                    let start = j
                    while j < lower.count, isNameByte(lower[j]) { j += 1 }
                    if j > start { return String(decoding: head[(head.startIndex + start)..<(head.startIndex + j)], as: UTF8.self) }
                }
                i += 1
            }
            return nil
        }
        if lower.starts(with: Array("<?xml".utf8)), let encoding = value(after: "encoding=") { return encoding }
        return value(after: "charset=")
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x3A
    }
}
