import Foundation
import SturingCore

/// Detection and removal of lines that repeat at the top or bottom of most pages.
enum RunningLines {
    /// How many non-blank lines at the top and at the bottom of a page are looked at.
    static let zone = 3

    /// The zone lines of each page: byte ranges (without the newline) and keys.
    static func zones(of pages: [String], threads: Int) -> [[(range: Range<Int>, key: UInt64)]] {
        ParallelMap.map(pages.count, threads: threads) { i -> [(range: Range<Int>, key: UInt64)] in
            var page = pages[i]
            return page.withUTF8 { bytes in
                zoneLines(bytes).map { r in (r, keyHash(ofLine: UnsafeBufferPointer(rebasing: bytes[r]))) }
            }
        }
    }

    /// A line key as a 64-bit FNV-1a hash of its UTF-8 bytes (0 for the empty key: no key).
    /// Keys are built from NFKC text, so equal lines have equal bytes; a hash keeps the census
    /// of a very long document small.
    static func keyHash(_ key: String) -> UInt64 {
        if key.isEmpty { return 0 }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h == 0 ? 1 : h
    }

    /// `keyHash(normalizedKey(line))` from the line's UTF-8 bytes: a paragraph gets no key and
    /// no copy of its text, an ASCII line is hashed as its key is made.
    static func keyHash(ofLine line: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard line.count <= maxRunningLineBytes else { return 0 }
        if line.allSatisfy({ $0 < 0x80 }) { return asciiKeyHash(line) }
        return keyHash(scalarKey(Substring(decoding: line, as: UTF8.self)))
    }

    /// `keyHash(asciiKey(line))` for an ASCII line, hashed as the key's bytes are made (no
    /// strings or arrays: every page's top and bottom lines are keyed).
    static func asciiKeyHash(_ line: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var masked = KeyHashing(), plain = KeyHashing()
        scanASCIIKey(line, masked: &masked, plain: &plain)
        let maskedWords = masked.count == 0 ? 0 : masked.spaces + 1
        return maskedWords <= shortLineWords ? masked.hash : plain.hash
    }

    /// The key of a running line as shown in the report (its trimmed text gives the same key).
    static func keyHashOfShown(_ line: String) -> UInt64 {
        var line = line
        return line.withUTF8 { keyHash(ofLine: $0) }
    }

    /// How many pages each zone-line key is on, over all the pages of a document (which may be
    /// added a group of pages at a time).
    struct Census {
        private var pagesWithKey = [UInt64: Int]()
        private var textPages = 0

        /// Counts the keys of some pages.
        mutating func add(_ zones: [[(range: Range<Int>, key: UInt64)]]) {
            for zone in zones {
                if !zone.isEmpty { textPages += 1 }
                var keys = [UInt64]()
                for (_, key) in zone where key != 0 && !keys.contains(key) { keys.append(key) }
                for key in keys { pagesWithKey[key, default: 0] += 1 }
            }
        }

        /// The running keys: on 40 % of the pages with text, and on at least 3 (none with fewer
        /// than 3 pages with text).
        func running() -> Set<UInt64> {
            guard textPages >= 3 else { return [] }
            let threshold = max(3, (textPages * 2 + 4) / 5)
            return Set(pagesWithKey.filter { $0.value >= threshold }.keys)
        }
    }

    /// Removes the zone lines with a running key from `pages` (one block of pages at a time),
    /// counting them and adding each running line's first appearance to `report.repeatedLines`.
    /// With `keepLines`, returns the lines removed from each page, as shown (trimmed); else [].
    @discardableResult
    static func drop(_ running: Set<UInt64>, zones: [[(range: Range<Int>, key: UInt64)]], from pages: inout [String],
                     report: inout CleaningReport, threads: Int, keepLines: Bool) -> [[String]] {
        let drops = zones.map { $0.filter { running.contains($0.key) }.sorted { $0.range.lowerBound < $1.range.lowerBound } }
        report.repeatedLinesRemoved += drops.reduce(0) { $0 + $1.count }
        // The report names each running line once, as first seen: which removed lines those are.
        var named = Set(report.repeatedLines.map(keyHashOfShown))
        let first = drops.map { $0.map { named.insert($0.key).inserted } }
        // Each page's kept text, and the text of the removed lines wanted, on several threads.
        let removed = TextCleaner.replaceInBlocks(&pages, threads: threads) { p, page -> (String, [String?]) in
            let drop = drops[p].map(\.range)
            guard !drop.isEmpty else { return (page, []) }
            var page = page
            return page.withUTF8 { bytes in
                let lines = drop.indices.map { k in
                    keepLines || first[p][k] ? trimmedSpaces(UnsafeBufferPointer(rebasing: bytes[drop[k]])) : nil
                }
                // Written straight into the new string's storage (the kept runs, one copy).
                let kept = String(unsafeUninitializedCapacity: bytes.count) { out in
                    var n = 0
                    func keep(_ r: Range<Int>) {
                        guard !r.isEmpty else { return }
                        (out.baseAddress! + n).update(from: bytes.baseAddress! + r.lowerBound, count: r.count)
                        n += r.count
                    }
                    var at = 0
                    for r in drop {
                        keep(at..<r.lowerBound)
                        // The line goes with its newline (or, for the last line, the newline before it).
                        if r.upperBound < bytes.count {
                            at = r.upperBound + 1
                        } else {
                            if n > 0 && out[n - 1] == 0x0A { n -= 1 }
                            at = bytes.count
                        }
                    }
                    keep(at..<bytes.count)
                    return n
                }
                return (kept, lines)
            }
        }
        for (p, lines) in removed.enumerated() {
            for (k, text) in lines.enumerated() where first[p][k] { report.repeatedLines.append(text!) }
        }
        return keepLines ? removed.map { $0.map { $0! } } : []
    }

    /// A line's text without the spaces and tabs at its ends (Unicode space separators and tab,
    /// as `CharacterSet.whitespaces`), judged on scalars.
    static func trimmedSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let line = String(decoding: bytes, as: UTF8.self)
        let scalars = line.unicodeScalars
        func isSpace(_ s: Unicode.Scalar) -> Bool { s.value == 0x09 || s.properties.generalCategory == .spaceSeparator }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }

    /// The start of the line that ends at `end`: just after the last newline before `end`, or 0.
    /// Searched eight bytes at a time (a page may end in long paragraphs).
    static func lineStart(_ base: UnsafePointer<UInt8>, before end: Int) -> Int {
        var i = end
        let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        while i >= 8 {
            let word = UnsafeRawPointer(base + i - 8).loadUnaligned(as: UInt64.self) ^ newlines
            // A zero byte in `word` is a newline in the text.
            if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
            i -= 8
        }
        while i > 0 && base[i - 1] != 0x0A { i -= 1 }
        return i
    }

    /// Byte ranges (without the newline) of the first and last `zone` non-blank lines of a page,
    /// in order; found by scanning from both ends, so a long page is not split into lines.
    static func zoneLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        func blank(_ r: Range<Int>) -> Bool {
            for k in r where !(bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0D || bytes[k] == 0x0C) { return false }
            return true
        }
        guard let base = bytes.baseAddress else { return [] }
        var top = [Range<Int>]()
        var start = 0
        while start <= bytes.count && top.count < zone {
            let end = ByteSearch.first(0x0A, in: bytes, from: start) ?? bytes.count
            if !blank(start..<end) { top.append(start..<end) }
            if end >= bytes.count { break }
            start = end + 1
        }
        var bottom = [Range<Int>]()
        var end = bytes.count
        while end >= 0 && bottom.count < zone {
            let begin = lineStart(base, before: end)
            if !blank(begin..<end) { bottom.append(begin..<end) }
            if begin == 0 { break }
            end = begin - 1
        }
        var all = top
        for r in bottom where !all.contains(r) { all.append(r) }
        return all.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Most words a line may have for its numbers to be treated as page numbers.
    static let shortLineWords = 5

    /// Lowercased and whitespace-collapsed; in short lines digits are replaced by `#`, so
    /// "Pagina 3 van 20" repeats while "Artikel 3 van de wet regelt ..." in running text does not.
    /// Longer lines are paragraphs, never running headers or footers, and get no key.
    static let maxRunningLineBytes = 200

    static func normalizedKey(_ line: Substring) -> String {
        if line.utf8.count > maxRunningLineBytes { return "" }
        if line.utf8.allSatisfy({ $0 < 0x80 }) { return asciiKey(line) }
        return scalarKey(line)
    }

    /// The key from a line's digit-masked and plain forms (spaces collapsed): the masked form
    /// for a short line, the plain one for a longer line.
    static func finishKey(_ masked: inout [UInt8], _ plain: inout [UInt8]) -> String {
        if masked.last == 0x20 { masked.removeLast() }
        if plain.last == 0x20 { plain.removeLast() }
        // Spaces are collapsed and trimmed: the words are the spaces plus one.
        let maskedWords = masked.isEmpty ? 0 : masked.reduce(1) { $1 == 0x20 ? $0 + 1 : $0 }
        return String(decoding: maskedWords <= shortLineWords ? masked : plain, as: UTF8.self)
    }

    /// `normalizedKey` for any line, on Unicode scalars: lowercase mapping, white space and
    /// numbers by scalar properties (the tests check it against the same rule on Characters).
    static func scalarKey(_ line: Substring) -> String {
        var masked = [UInt8](), plain = [UInt8]()
        masked.reserveCapacity(line.utf8.count + 8)
        plain.reserveCapacity(line.utf8.count + 8)
        var lastSpace = true, lastDigit = false, plainSpace = true
        for scalar in line.unicodeScalars {
            let v = scalar.value
            let isSpace = WhiteSpace.contains(scalar)
            let isDigit = v < 0x80 ? v >= 0x30 && v <= 0x39 : scalar.properties.numericType != nil
            if isSpace {
                if !plainSpace { plain.append(0x20) }
                plainSpace = true
                if !lastSpace { masked.append(0x20) }
                lastSpace = true
                lastDigit = false
                continue
            }
            let start = plain.count
            if v < 0x80 {
                plain.append(UInt8(v >= 0x41 && v <= 0x5A ? v | 0x20 : v))
            } else {
                plain.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
            plainSpace = false
            if isDigit {
                if !lastDigit { masked.append(0x23) }
                lastDigit = true
            } else {
                masked.append(contentsOf: plain[start...])
                lastDigit = false
            }
            lastSpace = false
        }
        return finishKey(&masked, &plain)
    }

    /// `normalizedKey` for ASCII lines, on bytes (this runs for six lines of every page).
    static func asciiKey(_ line: Substring) -> String {
        var masked = KeyBytes(), plain = KeyBytes()
        scanASCIIKey(line.utf8, masked: &masked, plain: &plain)
        return finishKey(&masked.bytes, &plain.bytes)
    }

    /// Where the bytes of a line's two key forms go as they are made.
    protocol KeySink {
        /// Adds a byte of the key (0x20 for a collapsed run of white space).
        mutating func add(_ b: UInt8)
    }

    /// Key bytes kept in an array (to be shown or compared).
    struct KeyBytes: KeySink {
        var bytes: [UInt8] = []
        mutating func add(_ b: UInt8) { bytes.append(b) }
    }

    /// Key bytes hashed as they come (FNV-1a as `keyHash`); a space is hashed only when a byte
    /// follows it, as the key is trimmed.
    struct KeyHashing: KeySink {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var count = 0
        var spaces = 0
        var pendingSpace = false
        mutating func add(_ b: UInt8) {
            if b == 0x20 { pendingSpace = true; return }
            if pendingSpace { mix(0x20); spaces += 1; pendingSpace = false }
            mix(b)
        }
        private mutating func mix(_ b: UInt8) { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3; count += 1 }
        /// `keyHash` of the key.
        var hash: UInt64 { count == 0 ? 0 : (h == 0 ? 1 : h) }
    }

    /// The running-line key rule on an ASCII line: lowercased, white space collapsed (`plain`),
    /// and also with each run of digits as one '#' (`masked`).
    static func scanASCIIKey<Bytes: Sequence<UInt8>, Sink: KeySink>(_ line: Bytes, masked: inout Sink, plain: inout Sink) {
        var lastSpace = true, lastDigit = false, plainSpace = true
        for b in line {
            let c = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            let isSpace = c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0C
            if isSpace {
                if !plainSpace { plain.add(0x20) }
                plainSpace = true
            } else {
                plain.add(c)
                plainSpace = false
            }
            if isSpace {
                if !lastSpace { masked.add(0x20) }
                lastSpace = true
                lastDigit = false
            } else if c >= 0x30 && c <= 0x39 {
                if !lastDigit { masked.add(0x23) }
                lastDigit = true
                lastSpace = false
            } else {
                masked.add(c)
                lastSpace = false
                lastDigit = false
            }
        }
    }

}
