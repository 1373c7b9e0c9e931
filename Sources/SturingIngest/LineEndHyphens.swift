import Foundation
import SturingCore

/// Joining words hyphenated across a line end, keeping real hyphens.
enum LineEndHyphens {
    /// Conjunctions after which a line-end hyphen is an elided compound part ("zorg- en welzijn").
    static let conjunctions: Set<String> = ["en", "of", "tot", "noch", "als", "dan"]
    /// The longest of `conjunctions`, in bytes.
    static let longestConjunction = 4

    /// The hyphenated compounds a document writes on one line (lowercased, "e-mail"), and the
    /// words before their hyphen ("e"): a line-end hyphenation whose left part is none of those
    /// words is none of the compounds and starts none of them, which is most of them.
    struct KnownCompounds {
        /// The compounds.
        let spellings: Set<String>
        /// The part before the hyphen of each compound.
        let heads: Set<String>

        init(_ spellings: Set<String>) {
            self.spellings = spellings
            heads = Set(spellings.compactMap { s in s.firstIndex(of: "-").map { String(s[..<$0]) } })
        }
    }

    /// True when some "-" is followed (after spaces or tabs) by a line end.
    static func hasLineEndHyphen(_ page: String) -> Bool {
        var page = page
        return page.withUTF8 { b in
            var i = 0
            while let hit = ByteSearch.first(0x2D, in: b, from: i) {
                var j = hit + 1
                while j < b.count && (b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0D) { j += 1 }
                if j < b.count && b[j] == 0x0A { return true }
                i = hit + 1
            }
            return false
        }
    }

    /// Lowercased hyphenated compounds written on one line somewhere ("e-mail", "zee-eend").
    static func inlineCompounds(_ pages: [String]) -> Set<String> {
        var result = Set<String>()
        for page in pages {
            var page = page
            page.withUTF8 { bytes in
                var from = 1
                while let i = ByteSearch.first(0x2D, in: bytes, from: from), i < bytes.count - 1 {
                    if let left = scalarBefore(bytes, i), isLetter(left),
                       let right = scalarAt(bytes, i + 1), isLetter(right.scalar) {
                        let start = wordStart(bytes, before: i)
                        let end = wordEnd(bytes, from: i + 1)
                        result.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased())
                    }
                    from = i + 1
                }
            }
        }
        return result
    }

    /// Joins or keeps each line-end hyphen in `page`, counting decisions in `report`; `known`:
    /// the document's hyphenated compounds, prepared once.
    static func join(_ page: String, known: KnownCompounds, report: inout CleaningReport) -> String {
        var page = page
        return page.withUTF8 { join($0, known: known, report: &report) } ?? page
    }

    /// `join` on the page's UTF-8 bytes; nil when the page has no hyphen at all.
    static func join(_ bytes: UnsafeBufferPointer<UInt8>, known: KnownCompounds, report: inout CleaningReport) -> String? {
        guard ByteSearch.first(0x2D, in: bytes, from: 0) != nil else { return nil }
        // Joining only drops bytes ("-\n" becomes "", "-" or "- "), so the page is written
        // straight into a string of the page's size.
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var out = Output(buffer)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b != 0x2D {
                    // Copy up to the next hyphen in one go.
                    let end = ByteSearch.first(0x2D, in: bytes, from: i) ?? bytes.count
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                    i = end
                    continue
                }
                guard let next = nextLineStart(bytes, afterHyphen: i),
                      let prev = scalarBefore(bytes, i), isLetterOrDigit(prev),
                      let after = scalarAt(bytes, next), isLetterOrDigit(after.scalar)
                else {
                    out.append(b)
                    i += 1
                    continue
                }
                let nextWordEnd = wordEnd(bytes, from: next)
                func nextWord() -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[next..<nextWordEnd]), as: UTF8.self) }
                let bothLower = prev.properties.isLowercase && after.scalar.properties.isLowercase
                if bothLower && nextWordEnd - next <= longestConjunction && conjunctions.contains(nextWord()) {
                    out.append(contentsOf: [0x2D, 0x20])  // "zorg- en"
                    report.hyphensKept += 1
                } else if bothLower {
                    let start = wordStart(bytes, before: i)
                    // Keep the hyphen when the document writes this compound (or one it starts with,
                    // "e-mail" for "e-mailadres") with a hyphen elsewhere, or when one letter is left
                    // before it: Dutch hyphenation never leaves a single letter at a line end.
                    let leftLength = i - start
                    func isKnown() -> Bool {
                        let left = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self).lowercased()
                        guard known.heads.contains(left) else { return false }
                        let hyphenated = left + "-" + nextWord().lowercased()
                        return known.spellings.contains(hyphenated) || startsWithKnown(hyphenated, known.spellings, longerThan: leftLength + 1)
                    }
                    if leftLength == 1 || isKnown() {
                        out.append(0x2D)
                        report.hyphensKept += 1
                    } else {
                        report.hyphenationsJoined += 1
                    }
                } else {
                    out.append(0x2D)  // "WWB-\nbestand" → "WWB-bestand", "Noord-\nBrabant"
                    report.hyphensKept += 1
                }
                i = next
            }
            return out.count
        }
    }

    /// Bytes appended to a buffer that is known to be large enough.
    private struct Output {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0
        init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }
        mutating func append(_ b: UInt8) { buffer[count] = b; count += 1 }
        mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
            guard !bytes.isEmpty else { return }
            (buffer.baseAddress! + count).update(from: bytes.baseAddress!, count: bytes.count)
            count += bytes.count
        }
        mutating func append(contentsOf bytes: [UInt8]) { for b in bytes { append(b) } }
    }

    /// True when a known compound longer than `count` characters starts `word`: the word's
    /// prefixes are looked up (a few per word), not every known compound tried.
    static func startsWithKnown(_ word: String, _ known: Set<String>, longerThan count: Int) -> Bool {
        var prefix = ""
        var length = 0
        for c in word {
            prefix.append(c)
            length += 1
            if length > count && known.contains(prefix) { return true }
        }
        return false
    }

    /// When the hyphen at `i` ends a line (spaces allowed around the newline), the index of the
    /// first non-space byte of the next line.
    static func nextLineStart(_ bytes: UnsafeBufferPointer<UInt8>, afterHyphen i: Int) -> Int? {
        var j = i + 1
        while j < bytes.count && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
        if j < bytes.count && bytes[j] == 0x0D { j += 1 }
        guard j < bytes.count && bytes[j] == 0x0A else { return nil }
        j += 1
        while j < bytes.count && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
        return j < bytes.count ? j : nil
    }

    /// Alphabetic, with an ASCII fast path (Unicode properties are a table lookup per call).
    @inline(__always)
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }
        return s.properties.isAlphabetic
    }

    /// Alphabetic or numeric, with an ASCII fast path.
    @inline(__always)
    static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return isLetter(s) || (s.value >= 0x30 && s.value <= 0x39) }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// The scalar that ends just before byte index `i`.
    static func scalarBefore(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Unicode.Scalar? {
        var s = i - 1
        while s > 0 && bytes[s] & 0xC0 == 0x80 { s -= 1 }
        guard s >= 0 else { return nil }
        return scalarAt(bytes, s)?.scalar
    }

    /// The scalar starting at byte index `i` and its length in bytes.
    static func scalarAt(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        guard i < bytes.count else { return nil }
        let b0 = bytes[i]
        let length = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
        guard i + length <= bytes.count else { return nil }
        var decoder = UTF8()
        var iterator = bytes[i..<(i + length)].makeIterator()
        if case .scalarValue(let s) = decoder.decode(&iterator) { return (s, length) }
        return nil
    }

    /// Start of the letter run that ends at `i`.
    static func wordStart(_ bytes: UnsafeBufferPointer<UInt8>, before i: Int) -> Int {
        var s = i
        while s > 0 {
            var p = s - 1
            while p > 0 && bytes[p] & 0xC0 == 0x80 { p -= 1 }
            guard let sc = scalarAt(bytes, p), isLetter(sc.scalar) else { break }
            s = p
        }
        return s
    }

    /// End of the letter run that starts at `i`.
    static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var e = i
        while let sc = scalarAt(bytes, e), isLetter(sc.scalar) { e += sc.length }
        return e
    }
}
