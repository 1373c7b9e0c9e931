import SturingCore
import Testing
@testable import SturingIngest

@Suite struct TextCleanerTests {
    /// A removed running line is shown trimmed as Foundation's `.whitespaces` trims it.
    @Test func removedLinesTrimmedAsFoundationDoes() {
        for line in ["  Pagina 3 van 20\t", "\u{00A0}Gemeente Één\u{2003}", "\t\t", "", "zorg", " \u{3000}x y\u{0301} "] {
            var bytes = line
            let mine = bytes.withUTF8 { RunningLines.trimmedSpaces($0) }
            #expect(mine == line.trimmingCharacters(in: .whitespaces))
        }
    }

    func clean(_ text: String) -> (String, Int, Int) {
        let (pages, report) = TextCleaner.clean(pages: [text], removeRunningLines: false)
        return (pages[0], report.hyphenationsJoined, report.hyphensKept)
    }

    @Test func joinsLowercaseLineEndHyphenation() {
        #expect(clean("het beleids-\nplan is klaar").0 == "het beleidsplan is klaar")
        #expect(clean("samen-  \n   werken").0 == "samenwerken")
        #expect(clean("samen-\r\nwerken").0 == "samenwerken")
    }

    @Test func keepsHyphenAfterCapitalsDigitsAndBeforeCapitals() {
        #expect(clean("het WWB-\nbestand").0 == "het WWB-bestand")
        #expect(clean("in Noord-\nBrabant").0 == "in Noord-Brabant")
        #expect(clean("de 2015-\nversie").0 == "de 2015-versie")
    }

    @Test func keepsElidedCompoundsBeforeConjunctions() {
        #expect(clean("zorg-\nen welzijn").0 == "zorg- en welzijn")
        #expect(clean("zorg- en welzijn").0 == "zorg- en welzijn")
        #expect(clean("jeugd-\nof ouderenzorg").0 == "jeugd- of ouderenzorg")
    }

    @Test func prefersHyphenatedFormUsedElsewhere() {
        #expect(clean("stuur een e-mail of een e-\nmailbericht").0 == "stuur een e-mail of een e-mailbericht")
        #expect(clean("de zee-eend en de zee-\neend").0 == "de zee-eend en de zee-eend")
    }

    @Test func countsDecisions() {
        let (_, joined, kept) = clean("beleids-\nplan, WWB-\nbestand, zorg-\nen welzijn, samen-\nwerken")
        #expect(joined == 2)
        #expect(kept == 2)
    }

    @Test func dashBetweenSpacesIsNotAHyphenation() {
        #expect(clean("dit is -\nniet iets").0 == "dit is -\nniet iets")
    }

    @Test func nfkcAndSoftHyphens() {
        let (pages, report) = TextCleaner.clean(pages: ["de ﬁnanciële verant\u{AD}woordelijkheid en cre\u{65}\u{308}ren"], removeRunningLines: false)
        #expect(pages[0] == "de financiële verantwoordelijkheid en creëren")
        #expect(report.softHyphensRemoved == 1)
    }

    @Test func removesRunningHeadersFootersAndPageNumbers() {
        let pages = (1...6).map { n in
            "Samenwerken aan zorg\nHoofdstuk \(n * 7 % 5) tekst\nUniek verhaal nummer \(n) over de wijk.\nNog een regel \(String(repeating: "x", count: n)).\nEinde \(String(repeating: "y", count: n))\n\(n)"
        }
        let (cleaned, report) = TextCleaner.clean(pages: pages, removeRunningLines: true)
        #expect(report.repeatedLines.contains("Samenwerken aan zorg"))
        #expect(!cleaned.contains { $0.contains("Samenwerken aan zorg") })
        #expect(cleaned[0].contains("Uniek verhaal nummer 1"))
        #expect(!cleaned[2].hasSuffix("3"))
        #expect(report.repeatedLinesRemoved >= 12)
    }

    @Test func keepsLinesThatRepeatOnFewPages() {
        let pages = (1...6).map { n in n <= 2 ? "Samenwerken\nregel \(String(repeating: "a", count: n))" : "Iets anders \(String(repeating: "b", count: n))\nregel \(String(repeating: "c", count: n))" }
        let (cleaned, report) = TextCleaner.clean(pages: pages, removeRunningLines: true)
        #expect(report.repeatedLinesRemoved == 0)
        #expect(cleaned[0].hasPrefix("Samenwerken"))
    }
}

@Suite struct RunningLineKeyTests {
    /// The running-line key rule written plainly on Characters: the reference the byte and
    /// scalar versions must agree with.
    static func characterKey(_ line: Substring) -> String {
        let masked = digitMaskedKey(line)
        if masked.split(separator: " ").count <= RunningLines.shortLineWords { return masked }
        return line.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
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

    /// The hash made while scanning an ASCII line is the hash of its key, on hand-picked lines
    /// and on random lines of letters, digits, spaces, tabs and punctuation.
    @Test func asciiKeyHashIsTheKeysHash() {
        var lines = ["Pagina 3 van 20", "  Samenwerken   aan ZORG ", "Artikel 3 van de wet regelt de toegang tot de zorg",
                     "- 12 -", "", "   ", "\t12\t", "a b c d e", "a b c d e f", "12 34 56 78 90 11", "x"]
        var rng = SplitMix64(seed: 11)
        let alphabet = Array("aB3 \t9-.,Z0 \r|".utf8)
        for _ in 0..<2000 {
            lines.append(String(decoding: (0..<Int(rng.next() % 40)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }, as: UTF8.self))
        }
        for line in lines {
            var bytes = line
            let fast = bytes.withUTF8 { RunningLines.asciiKeyHash($0) }
            #expect(fast == RunningLines.keyHash(RunningLines.asciiKey(Substring(line))), "\(line.debugDescription)")
        }
    }

    /// The word-at-a-time search for a line's start finds what a byte-by-byte search finds.
    @Test func lineStartFindsThePreviousNewline() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<300 {
            let bytes = (0..<Int(rng.next() % 70)).map { _ in rng.next() % 9 == 0 ? UInt8(0x0A) : UInt8(0x61) }
            bytes.withUnsafeBufferPointer { b in
                for end in 0...b.count {
                    var naive = end
                    while naive > 0 && b[naive - 1] != 0x0A { naive -= 1 }
                    #expect(RunningLines.lineStart(b.baseAddress ?? UnsafePointer(bitPattern: 8)!, before: end) == naive)
                }
            }
        }
    }

    @Test func asciiAndUnicodePathsAgree() {
        for line in ["Pagina 3 van 20", "  Samenwerken   aan ZORG ", "Artikel 3 van de wet regelt de toegang tot de zorg", "- 12 -", ""] {
            #expect(RunningLines.asciiKey(Substring(line)) == RunningLineKeyTests.characterKey(Substring(line)), "\(line)")
        }
        // The scalar path gives what the Character path gives, on lines with diacritics,
        // other digits, non-breaking and ideographic spaces, and capitals that lowercase to two scalars.
        for line in ["Één 2015", "Pagina ٣ van ٢٠", "Beleidsplan Wmo 2015–2018 | Gemeente Súdwest-Fryslân",
                     "Zorg\u{00A0}en   welzijn\u{3000}in ’s-Hertogenbosch, 12 mei", "İstanbul ÇAĞ 7", "  Ünïcödé  ", "",
                     "Artikel 3 van de wet regelt de toegang tot de zorg in Één gemeente"] {
            #expect(RunningLines.scalarKey(Substring(line)) == RunningLineKeyTests.characterKey(Substring(line)), "\(line)")
        }
        #expect(RunningLines.normalizedKey("Pagina 3 van 20") == "pagina # van #")
        #expect(RunningLines.normalizedKey("Pagina 3 van 20 over één ding") == "pagina 3 van 20 over één ding")
        #expect(RunningLines.normalizedKey("Één 2015") == "één #")
        // A paragraph on one long line is never a running line (and costs no key).
        #expect(RunningLines.normalizedKey(Substring(String(repeating: "één regel ", count: 30))) == "")
    }
}
