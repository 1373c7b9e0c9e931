import Foundation
import SturingCore

/// Cleans extracted page texts before tokenizing: soft hyphens, NFKC, running headers/footers and
/// page numbers, and words hyphenated across a line end.
public enum TextCleaner {
    /// Cleans `pages`. Running lines are removed only when `removeRunningLines` and there are
    /// at least three pages with text.
    public static func clean(pages: [String], removeRunningLines: Bool) -> (pages: [String], report: CleaningReport) {
        var report = CleaningReport()
        var texts = pages.map { page -> String in
            var text = page
            if containsSoftHyphen(text) {
                let before = text.unicodeScalars.count
                text.unicodeScalars.removeAll { $0.value == 0xAD }
                report.softHyphensRemoved += before - text.unicodeScalars.count
            }
            return ICUText.nfkc(text)
        }
        if removeRunningLines {
            // Split on bytes, not Characters: this runs over every page of every PDF.
            var lines = texts.map { text in
                text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
                    line.last == 0x0D ? Substring(line.dropLast()) : Substring(line)
                }
            }
            RunningLines.remove(from: &lines, report: &report)
            texts = lines.map { $0.joined(separator: "\n") }
        }
        // Most pages have no line-end hyphen: look for one before copying bytes or collecting the
        // document's hyphenated compounds.
        guard texts.contains(where: LineEndHyphens.hasLineEndHyphen) else { return (texts, report) }
        let hyphenated = LineEndHyphens.inlineCompounds(texts)
        let cleaned = texts.map { LineEndHyphens.hasLineEndHyphen($0) ? LineEndHyphens.join($0, knownCompounds: hyphenated, report: &report) : $0 }
        return (cleaned, report)
    }

    /// True when the UTF-8 text holds U+00AD (bytes C2 AD).
    static func containsSoftHyphen(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            guard b.count > 1 else { return false }
            for i in 0..<(b.count - 1) where b[i] == 0xC2 && b[i + 1] == 0xAD { return true }
            return false
        }
    }
}

/// Detection and removal of lines that repeat at the top or bottom of most pages.
enum RunningLines {
    /// How many non-blank lines at the top and at the bottom of a page are looked at.
    static let zone = 3

    static func remove(from pages: inout [[Substring]], report: inout CleaningReport) {
        let textPages = pages.filter { $0.contains { !isBlank($0) } }.count
        guard textPages >= 3 else { return }
        let threshold = max(3, (textPages * 2 + 4) / 5)  // 40% of the pages with text, at least 3
        var pagesWithKey = [String: Int]()
        var firstSeen = [String: String]()
        // The zone lines of each page with their keys, computed once.
        let zones = pages.map { page in zoneIndices(page).map { (index: $0, key: normalizedKey(page[$0])) } }
        for (page, zone) in zip(pages, zones) {
            var keys = Set<String>()
            for (index, key) in zone where !key.isEmpty {
                keys.insert(key)
                if firstSeen[key] == nil { firstSeen[key] = String(page[index]).trimmingCharacters(in: .whitespaces) }
            }
            for key in keys { pagesWithKey[key, default: 0] += 1 }
        }
        let running = Set(pagesWithKey.filter { $0.value >= threshold }.keys)
        guard !running.isEmpty else { return }
        for p in pages.indices {
            let drop = Set(zones[p].filter { running.contains($0.key) }.map(\.index))
            guard !drop.isEmpty else { continue }
            report.repeatedLinesRemoved += drop.count
            pages[p] = pages[p].enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        }
        report.repeatedLines = running.compactMap { firstSeen[$0] }.sorted()
    }

    /// Indices of the first and last `zone` non-blank lines.
    static func zoneIndices(_ page: [Substring]) -> [Int] {
        var top = [Int](), bottom = [Int]()
        for i in page.indices where !isBlank(page[i]) {
            top.append(i)
            if top.count == zone { break }
        }
        for i in page.indices.reversed() where !isBlank(page[i]) {
            bottom.append(i)
            if bottom.count == zone { break }
        }
        return Array(Set(top + bottom)).sorted()
    }

    /// True for lines of only spaces and tabs (ASCII white space; checked on bytes).
    static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0C }
    }

    /// Most words a line may have for its numbers to be treated as page numbers.
    static let shortLineWords = 5

    /// Lowercased and whitespace-collapsed; in short lines digits are replaced by `#`, so
    /// "Pagina 3 van 20" repeats while "Artikel 3 van de wet regelt ..." in running text does not.
    static func normalizedKey(_ line: Substring) -> String {
        if line.utf8.allSatisfy({ $0 < 0x80 }) { return asciiKey(line) }
        return digitMaskedKeyOrPlain(line)
    }

    /// The general (Unicode) form of `normalizedKey`.
    static func digitMaskedKeyOrPlain(_ line: Substring) -> String {
        let masked = digitMaskedKey(line)
        if masked.split(separator: " ").count <= shortLineWords { return masked }
        return line.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `normalizedKey` for ASCII lines, on bytes (this runs for six lines of every page).
    static func asciiKey(_ line: Substring) -> String {
        var masked = [UInt8](), plain = [UInt8]()
        masked.reserveCapacity(line.utf8.count)
        plain.reserveCapacity(line.utf8.count)
        var lastSpace = true, lastDigit = false, plainSpace = true
        for b in line.utf8 {
            let c = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            let isSpace = c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0C
            if isSpace {
                if !plainSpace { plain.append(0x20) }
                plainSpace = true
            } else {
                plain.append(c)
                plainSpace = false
            }
            if isSpace {
                if !lastSpace { masked.append(0x20) }
                lastSpace = true
                lastDigit = false
            } else if c >= 0x30 && c <= 0x39 {
                if !lastDigit { masked.append(0x23) }
                lastDigit = true
                lastSpace = false
            } else {
                masked.append(c)
                lastSpace = false
                lastDigit = false
            }
        }
        if masked.last == 0x20 { masked.removeLast() }
        if plain.last == 0x20 { plain.removeLast() }
        let maskedWords = masked.split(separator: 0x20).count
        return String(decoding: maskedWords <= shortLineWords ? masked : plain, as: UTF8.self)
    }

    static func digitMaskedKey(_ line: Substring) -> String {
        var out = ""
        var lastWasSpace = true
        var lastWasDigit = false
        for ch in line.lowercased() {
            if ch.isWhitespace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                lastWasDigit = false
            } else if ch.isNumber {
                if !lastWasDigit { out.append("#") }
                lastWasDigit = true
                lastWasSpace = false
            } else {
                out.append(ch)
                lastWasSpace = false
                lastWasDigit = false
            }
        }
        if out.hasSuffix(" ") { out.removeLast() }
        return out
    }
}

/// Joining words hyphenated across a line end, keeping real hyphens.
enum LineEndHyphens {
    /// Conjunctions after which a line-end hyphen is an elided compound part ("zorg- en welzijn").
    static let conjunctions: Set<String> = ["en", "of", "tot", "noch", "als", "dan"]

    /// True when some "-" is followed (after spaces or tabs) by a line end.
    static func hasLineEndHyphen(_ page: String) -> Bool {
        var page = page
        return page.withUTF8 { b in
            var i = 0
            while i < b.count {
                if b[i] == 0x2D {
                    var j = i + 1
                    while j < b.count && (b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0D) { j += 1 }
                    if j < b.count && b[j] == 0x0A { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// Lowercased hyphenated compounds written on one line somewhere ("e-mail", "zee-eend").
    static func inlineCompounds(_ pages: [String]) -> Set<String> {
        var result = Set<String>()
        for page in pages {
            let bytes = Array(page.utf8)
            var i = 1
            while i < bytes.count - 1 {
                if bytes[i] == 0x2D, let left = scalarBefore(bytes, i), left.properties.isAlphabetic,
                   let right = scalarAt(bytes, i + 1), right.scalar.properties.isAlphabetic {
                    let start = wordStart(bytes, before: i)
                    let end = wordEnd(bytes, from: i + 1)
                    result.insert(String(decoding: bytes[start..<end], as: UTF8.self).lowercased())
                }
                i += 1
            }
        }
        return result
    }

    /// Joins or keeps each line-end hyphen in `page`, counting decisions in `report`.
    static func join(_ page: String, knownCompounds: Set<String>, report: inout CleaningReport) -> String {
        let bytes = Array(page.utf8)
        guard bytes.contains(0x2D) else { return page }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x2D, let next = nextLineStart(bytes, afterHyphen: i),
                  let prev = scalarBefore(bytes, i), prev.properties.isAlphabetic || prev.properties.numericType != nil,
                  let after = scalarAt(bytes, next), after.scalar.properties.isAlphabetic || after.scalar.properties.numericType != nil
            else {
                out.append(b)
                i += 1
                continue
            }
            let nextWordEnd = wordEnd(bytes, from: next)
            let nextWord = String(decoding: bytes[next..<nextWordEnd], as: UTF8.self)
            let bothLower = prev.properties.isLowercase && after.scalar.properties.isLowercase
            if bothLower && conjunctions.contains(nextWord) {
                out.append(contentsOf: [0x2D, 0x20])  // "zorg- en"
                report.hyphensKept += 1
            } else if bothLower {
                let start = wordStart(bytes, before: i)
                let hyphenated = String(decoding: bytes[start..<i], as: UTF8.self).lowercased() + "-" + nextWord.lowercased()
                // Keep the hyphen when the document writes this compound (or one it starts with,
                // "e-mail" for "e-mailadres") with a hyphen elsewhere, or when one letter is left
                // before it: Dutch hyphenation never leaves a single letter at a line end.
                let leftLength = i - start
                if leftLength == 1 || knownCompounds.contains(hyphenated)
                    || knownCompounds.contains(where: { hyphenated.hasPrefix($0) && $0.count > leftLength + 1 }) {
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
        return String(decoding: out, as: UTF8.self)
    }

    /// When the hyphen at `i` ends a line (spaces allowed around the newline), the index of the
    /// first non-space byte of the next line.
    static func nextLineStart(_ bytes: [UInt8], afterHyphen i: Int) -> Int? {
        var j = i + 1
        while j < bytes.count && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
        if j < bytes.count && bytes[j] == 0x0D { j += 1 }
        guard j < bytes.count && bytes[j] == 0x0A else { return nil }
        j += 1
        while j < bytes.count && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
        return j < bytes.count ? j : nil
    }

    /// The scalar that ends just before byte index `i`.
    static func scalarBefore(_ bytes: [UInt8], _ i: Int) -> Unicode.Scalar? {
        var s = i - 1
        while s > 0 && bytes[s] & 0xC0 == 0x80 { s -= 1 }
        guard s >= 0 else { return nil }
        return scalarAt(bytes, s)?.scalar
    }

    /// The scalar starting at byte index `i` and its length in bytes.
    static func scalarAt(_ bytes: [UInt8], _ i: Int) -> (scalar: Unicode.Scalar, length: Int)? {
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
    static func wordStart(_ bytes: [UInt8], before i: Int) -> Int {
        var s = i
        while s > 0 {
            var p = s - 1
            while p > 0 && bytes[p] & 0xC0 == 0x80 { p -= 1 }
            guard let sc = scalarAt(bytes, p), sc.scalar.properties.isAlphabetic else { break }
            s = p
        }
        return s
    }

    /// End of the letter run that starts at `i`.
    static func wordEnd(_ bytes: [UInt8], from i: Int) -> Int {
        var e = i
        while let sc = scalarAt(bytes, e), sc.scalar.properties.isAlphabetic { e += sc.length }
        return e
    }
}
