import CICU
import SturingCore

/// Small Swift helpers over the CICU wrapper for whole strings (not for the per-token hot path).
enum ICUText {
    /// The text as UTF-16 code units (via ICU; invalid UTF-8 becomes U+FFFD).
    static func utf16(_ text: String) -> [UInt16] {
        var text = text
        return text.withUTF8 { bytes -> [UInt16] in
            guard bytes.count > 0 else { return [] }
            let raw = UnsafeRawBufferPointer(bytes).bindMemory(to: CChar.self)
            return [UInt16](unsafeUninitializedCapacity: bytes.count + 1) { buf, n in
                var err: Int32 = 0
                n = Int(cicu_utf8_to_utf16(buf.baseAddress, Int32(buf.count), raw.baseAddress, Int32(bytes.count), &err))
                if err > 0 { n = 0 }
            }
        }
    }

    /// The BMP code points that leave any text NFKC (see `cicu_nfkc_stable_bmp`), one bit each.
    private static let nfkcStable: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        bits.withUnsafeMutableBufferPointer { cicu_nfkc_stable_bmp($0.baseAddress) }
        return bits
    }()

    /// True when every character of the UTF-8 text is NFKC-stable, so the text is NFKC: a scan
    /// of the bytes, with no conversion (most Dutch text: ASCII, accented letters, quotes, dashes).
    static func isNFKCByTable(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        nfkcStable.withUnsafeBufferPointer { bits in
            var i = 0
            let n = b.count
            while i < n {
                i = ByteSearch.firstNonASCII(in: b, from: i)
                if i >= n { break }
                let c = b[i]
                var v: UInt32
                if c & 0xE0 == 0xC0, i + 1 < n {
                    v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                    i += 2
                } else if c & 0xF0 == 0xE0, i + 2 < n {
                    v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                    i += 3
                } else {
                    return false  // beyond the BMP (or cut): ICU decides
                }
                if bits[Int(v >> 6)] & (1 << UInt64(v & 63)) == 0 { return false }
            }
            return true
        }
    }

    /// The NFKC form of `text`; the text itself when it is ASCII or already NFKC.
    static func nfkc(_ text: String) -> String {
        var probe = text
        if probe.withUTF8({ isNFKCByTable($0) }) { return text }
        let units = utf16(text)
        var err: Int32 = 0
        let quick = units.withUnsafeBufferPointer { cicu_is_nfkc($0.baseAddress, Int32($0.count), &err) }
        if quick == 1 { return text }
        var capacity = units.count + units.count / 2 + 16
        while true {
            var needed: Int32 = 0
            err = 0
            let out = [UInt16](unsafeUninitializedCapacity: capacity) { buf, n in
                needed = units.withUnsafeBufferPointer {
                    cicu_nfkc(buf.baseAddress, Int32(buf.count), $0.baseAddress, Int32($0.count), &err)
                }
                n = err > 0 ? 0 : Int(needed)
            }
            if err == 15 /* U_BUFFER_OVERFLOW_ERROR */ { capacity = Int(needed) + 16; continue }
            if err > 0 { return text }
            return UTF16Text.string(out)
        }
    }

    /// Decodes `bytes` in the ICU charset `charset` to a String; nil when ICU does not know it,
    /// or, when `strict`, when a byte sequence is not valid in it.
    static func decode(_ bytes: [UInt8], charset: String, strict: Bool = false) -> String? {
        var capacity = bytes.count + 16
        while true {
            var err: Int32 = 0
            var needed: Int32 = 0
            let out = [UInt16](unsafeUninitializedCapacity: capacity) { buf, n in
                needed = bytes.withUnsafeBufferPointer { src in
                    src.withMemoryRebound(to: CChar.self) {
                        strict ? cicu_convert_to_utf16_strict(charset, buf.baseAddress, Int32(buf.count), $0.baseAddress, Int32($0.count), &err)
                            : cicu_convert_to_utf16(charset, buf.baseAddress, Int32(buf.count), $0.baseAddress, Int32($0.count), &err)
                    }
                }
                n = err > 0 ? 0 : Int(needed)
            }
            if err == 15 { capacity = Int(needed) + 16; continue }
            if err > 0 { return nil }
            return UTF16Text.string(out)
        }
    }

    /// ICU's best guess of the charset of `bytes` and its confidence (0...100).
    static func detectCharset(_ bytes: ArraySlice<UInt8>) -> (name: String, confidence: Int)? {
        var name = [CChar](repeating: 0, count: 64)
        var err: Int32 = 0
        let confidence = bytes.withUnsafeBufferPointer { src in
            src.withMemoryRebound(to: CChar.self) {
                cicu_detect_charset($0.baseAddress, Int32($0.count), &name, Int32(name.count), &err)
            }
        }
        guard confidence >= 0, err <= 0 else { return nil }
        let end = name.firstIndex(of: 0) ?? name.count
        let str = String(decoding: name[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (str, Int(confidence))
    }
}
