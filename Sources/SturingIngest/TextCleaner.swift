import Foundation
import SturingCore

/// Cleans extracted page texts before tokenizing: soft hyphens, NFKC, running headers/footers and
/// page numbers, and words hyphenated across a line end.
public enum TextCleaner {
    /// Cleans `pages`. Running lines are removed only when `removeRunningLines` and there are
    /// at least three pages with text. The pages are worked on by `threads` threads (the result
    /// does not depend on it).
    public static func clean(pages: consuming [String], removeRunningLines: Bool, threads: Int = 1) -> (pages: [String], report: CleaningReport) {
        var texts = consume pages
        var report = apply(&texts, threads: threads, running: removeRunningLines ? .fromThesePages : .none, compounds: nil).report
        report.repeatedLines.sort()
        return (texts, report)
    }

    /// Where the running lines to remove come from.
    enum RunningLineSource {
        /// None are removed.
        case none
        /// Found on the pages being cleaned.
        case fromThesePages
        /// Found by a survey of the whole document (`StreamingCleaner`).
        case known(Set<UInt64>)
    }

    /// The cleaning steps, in place: soft hyphens and NFKC, running lines, line-end hyphens
    /// (joined unless the compound is written with a hyphen in `compounds`, or, when nil, on
    /// these pages). Pages that are not `whole` (pieces of a cut page) get no running-line check.
    /// Returns the document's report and what was done to each page (the removed lines
    /// themselves only with `linesByPage`).
    static func apply(_ texts: inout [String], threads: Int, whole: [Bool]? = nil, running: RunningLineSource,
                      compounds: Set<String>?, linesByPage: Bool = false) -> (report: CleaningReport, byPage: [PageCleaning]) {
        var report = CleaningReport()
        var byPage = [PageCleaning](repeating: PageCleaning(), count: texts.count)
        let soft = normalize(&texts, threads: threads)
        for (i, n) in soft.enumerated() { byPage[i].softHyphensRemoved = n }
        report.softHyphensRemoved = soft.reduce(0, +)
        if case .none = running {} else {
            var zones = RunningLines.zones(of: texts, threads: threads)
            if let whole { zones = zip(zones, whole).map { $1 ? $0 : [] } }
            var found: Set<UInt64>
            switch running {
            case .known(let set): found = set
            default:
                var census = RunningLines.Census()
                census.add(zones)
                found = census.running()
            }
            if !found.isEmpty {
                let removed = RunningLines.drop(found, zones: zones, from: &texts, report: &report, threads: threads, keepLines: linesByPage)
                for (i, lines) in removed.enumerated() { byPage[i].removedLines = lines }
            }
        }
        // Most pages have no line-end hyphen: look for one before copying bytes or collecting the
        // document's hyphenated compounds.
        let input = texts
        let withHyphen = ParallelMap.map(input.count, threads: threads) { LineEndHyphens.hasLineEndHyphen(input[$0]) }
        guard withHyphen.contains(true) else { return (report, byPage) }
        let known = LineEndHyphens.KnownCompounds(compounds ?? ParallelMap.map(input.count, threads: threads) { LineEndHyphens.inlineCompounds([input[$0]]) }
            .reduce(into: Set<String>()) { $0.formUnion($1) })
        _ = consume input
        let joined = replaceInBlocks(&texts, threads: threads) { i, page -> (String, CleaningReport) in
            var pageReport = CleaningReport()
            guard withHyphen[i] else { return (page, pageReport) }
            return (LineEndHyphens.join(page, known: known, report: &pageReport), pageReport)
        }
        for (i, part) in joined.enumerated() {
            report.hyphenationsJoined += part.hyphenationsJoined
            report.hyphensKept += part.hyphensKept
            byPage[i].hyphenationsJoined = part.hyphenationsJoined
            byPage[i].hyphensKept = part.hyphensKept
        }
        return (report, byPage)
    }

    /// Pages replaced per block of this many at a time.
    static let block = 128

    /// Replaces every page by `transform(index, page).0`, a block of pages at a time on `threads`
    /// threads, so only one block's old and new texts are held together; returns the `.1`s.
    static func replaceInBlocks<T>(_ texts: inout [String], threads: Int, _ transform: (Int, String) -> (String, T)) -> [T] {
        var extras = [T]()
        extras.reserveCapacity(texts.count)
        var start = 0
        while start < texts.count {
            let end = min(texts.count, start + block)
            let slice = Array(texts[start..<end])
            let done = ParallelMap.map(slice.count, threads: threads) { transform(start + $0, slice[$0]) }
            for (k, result) in done.enumerated() {
                texts[start + k] = result.0
                extras.append(result.1)
            }
            start = end
        }
        return extras
    }

    /// True when the UTF-8 text holds U+00AD (bytes C2 AD).
    static func containsSoftHyphen(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            var i = 0
            while let hit = ByteSearch.first(0xC2, in: b, from: i) {
                if hit + 1 < b.count && b[hit + 1] == 0xAD { return true }
                i = hit + 1
            }
            return false
        }
    }
}

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
            let isSpace: Bool, isDigit: Bool
            if v < 0x80 {
                isSpace = v == 0x20 || v == 0x09 || v == 0x0D || v == 0x0C || v == 0x0B
                isDigit = v >= 0x30 && v <= 0x39
            } else {
                isSpace = scalar.properties.isWhitespace
                isDigit = scalar.properties.numericType != nil
            }
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

/// `TextCleaner` for a text read a group of pages at a time (`TextGroups`): a first pass
/// surveys every page (running-line census, hyphenated compounds), a second cleans each group
/// with what the whole document showed, so the result equals cleaning all pages at once.
/// Pieces of a page that was cut between groups get no running-line check.
public struct StreamingCleaner {
    private var census = RunningLines.Census()
    private var compounds = Set<String>()
    private var running: Set<UInt64>?
    /// True when the document has page breaks (running lines are only looked for then).
    public let paged: Bool
    /// Threads that work on a group's pages.
    public let threads: Int

    /// A cleaner for a document with (`paged`) or without page breaks.
    public init(paged: Bool, threads: Int = 1) {
        self.paged = paged
        self.threads = threads
    }

    /// Pass 1: notes the running-line keys and hyphenated compounds of some pages; `whole`
    /// says which are whole pages (not pieces of a cut page).
    public mutating func survey(_ pages: [String], whole: [Bool]) {
        var normalized = pages
        _ = TextCleaner.normalize(&normalized, threads: threads)
        if paged {
            let zones = RunningLines.zones(of: normalized, threads: threads)
            census.add(zip(zones, whole).map { $1 ? $0 : [] })
        }
        for page in normalized where LineEndHyphens.hasLineEndHyphen(page) {
            compounds.formUnion(LineEndHyphens.inlineCompounds([page]))
        }
    }

    /// Pass 2: the cleaned pages of a group, with the cleaning counted in `report`.
    public mutating func clean(_ pages: [String], whole: [Bool], report: inout CleaningReport) -> [String] {
        if running == nil { running = census.running() }
        var texts = pages
        let part = TextCleaner.apply(&texts, threads: threads, whole: whole, running: paged ? .known(running ?? []) : .none,
                                     compounds: compounds).report
        report.softHyphensRemoved += part.softHyphensRemoved
        report.hyphenationsJoined += part.hyphenationsJoined
        report.hyphensKept += part.hyphensKept
        report.repeatedLinesRemoved += part.repeatedLinesRemoved
        // A running line is named once, as it first appeared ("Pagina 1 van 40", not every page's number).
        var named = Set(report.repeatedLines.map(RunningLines.keyHashOfShown))
        for line in part.repeatedLines where named.insert(RunningLines.keyHashOfShown(line)).inserted { report.repeatedLines.append(line) }
        return texts
    }
}

extension TextCleaner {
    /// Removes soft hyphens and applies NFKC to each page, in place; returns how many soft
    /// hyphens each page had.
    static func normalize(_ texts: inout [String], threads: Int) -> [Int] {
        let removed = replaceInBlocks(&texts, threads: threads) { _, page -> (String, Int) in
            var text = page
            var removed = 0
            if containsSoftHyphen(text) {
                let before = text.unicodeScalars.count
                text.unicodeScalars.removeAll { $0.value == 0xAD }
                removed = before - text.unicodeScalars.count
            }
            return (ICUText.nfkc(text), removed)
        }
        return removed
    }
}

/// What cleaning did to one page (for `sturing text --report`).
public struct PageCleaning: Sendable, Equatable, Codable {
    /// The running lines removed from the page (headers, footers, page numbers), as written.
    public var removedLines: [String] = []
    /// Words hyphenated at a line end that were joined.
    public var hyphenationsJoined = 0
    /// Line-end hyphens that were kept.
    public var hyphensKept = 0
    /// Soft hyphens removed.
    public var softHyphensRemoved = 0
}

extension TextCleaner {
    /// What `clean` does to each page, by the same steps.
    public static func cleanByPage(pages: [String], removeRunningLines: Bool) -> [PageCleaning] {
        var texts = pages
        return apply(&texts, threads: 1, running: removeRunningLines ? .fromThesePages : .none, compounds: nil,
                     linesByPage: true).byPage
    }
}
