import Foundation
import SturingCore
import Testing
@testable import SturingIngest

@Suite struct TextDecoderTests {
    static let sample = "Wij gaan samenwerken en creëren één café: zelfredzaamheid, €5."

    func utf16(_ s: String, littleEndian: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for u in s.utf16 {
            let hi = UInt8(u >> 8), lo = UInt8(u & 0xFF)
            out += littleEndian ? [lo, hi] : [hi, lo]
        }
        return out
    }

    @Test func utf8WithAndWithoutBOM() throws {
        #expect(try TextDecoder.decode(Array(Self.sample.utf8)).text == Self.sample)
        let bom = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(Self.sample.utf8))
        #expect(bom.text == Self.sample)
        #expect(bom.encoding == "UTF-8 (BOM)")
    }

    /// Plain UTF-8 validated page by page gives the pages that decoding whole and splitting
    /// give; anything else is left to `decode`, and the work alongside runs exactly once.
    @Test func utf8PagesEqualDecodeThenSplit() throws {
        let texts = ["", "één", "Pagina één\u{0C}pagina twee – €5\u{0C}", "\u{0C}\u{0C}café\u{0C}  \n", Self.sample]
        for text in texts {
            for threads in [1, 2, 3] {
                var ran = 0
                let pages = TextDecoder.utf8Pages(Array(text.utf8), threads: threads) { ran += 1 }
                #expect(ran == 1)
                if text.isEmpty { #expect(pages == nil); continue }
                #expect(pages == DocumentReader.splitPages(try TextDecoder.decode(Array(text.utf8)).text))
            }
        }
        var ran = 0
        // Invalid UTF-8 on the second page, a BOM, UTF-16: `decode` decides (and names the encoding).
        #expect(TextDecoder.utf8Pages(Array("één\u{0C}".utf8) + [0xE9, 0x20, 0x61], threads: 2) { ran += 1 } == nil)
        #expect(TextDecoder.utf8Pages([0xEF, 0xBB, 0xBF] + Array("één".utf8), threads: 2) { ran += 1 } == nil)
        #expect(TextDecoder.utf8Pages(utf16(Self.sample, littleEndian: true, bom: false), threads: 2) { ran += 1 } == nil)
        // Mostly control characters: binary, not text.
        #expect(TextDecoder.utf8Pages([UInt8](repeating: 0x01, count: 100) + Array("ab".utf8), threads: 2) { ran += 1 } == nil)
        #expect(ran == 4)
    }

    /// The byte-scan NFKC check says "already NFKC" only when ICU's full check agrees.
    @Test func nfkcByTableAgreesWithICU() {
        let cases = ["zelfredzaamheid", "één café – “quote” € • ’s", "ﬁnanciën", "cafe\u{0301}", "½ jaar", "a\u{00A0}b",
                     "\u{2026}", "x²", "ĳs", "Ångström", "ﬀ", "\u{1F600}", "ｗｍｏ", "\u{00AD}"]
        for c in cases {
            var s = c
            let byTable = s.withUTF8 { ICUText.isNFKCByTable($0) }
            let nfkc = c.precomposedStringWithCompatibilityMapping
            if byTable { #expect(nfkc == c, "\(c) was taken as NFKC") }
            #expect(ICUText.nfkc(c) == nfkc)
        }
        var plain = "één café – “quote” € • ’s"
        #expect(plain.withUTF8 { ICUText.isNFKCByTable($0) })
    }

    @Test func utf16WithBOM() throws {
        let le = try TextDecoder.decode(utf16(Self.sample, littleEndian: true, bom: true))
        let be = try TextDecoder.decode(utf16(Self.sample, littleEndian: false, bom: true))
        #expect(le.text == Self.sample && le.encoding == "UTF-16LE (BOM)")
        #expect(be.text == Self.sample && be.encoding == "UTF-16BE (BOM)")
    }

    @Test func utf16WithoutBOM() throws {
        let le = try TextDecoder.decode(utf16(Self.sample, littleEndian: true, bom: false))
        #expect(le.text == Self.sample)
    }

    @Test func windows1252() throws {
        let data = Self.sample.data(using: .windowsCP1252)!
        let decoded = try TextDecoder.decode([UInt8](data))
        #expect(decoded.text == Self.sample)
        #expect(decoded.encoding == "windows-1252")
    }

    @Test func latin1WithoutEuroSign() throws {
        let text = "Het beleid: coördinatie en financiële middelen voor de zorg, geen café."
        let decoded = try TextDecoder.decode([UInt8](text.data(using: .isoLatin1)!))
        #expect(decoded.text == text)
    }

    @Test func binaryWithNULsIsRejected() {
        #expect(throws: IngestError.binary(kind: nil)) {
            try TextDecoder.decode([0x41, 0x00, 0x00, 0x00, 0x7F, 0x00, 0x13, 0x00, 0x00, 0x01] + Array(repeating: 0x00, count: 50))
        }
    }

    @Test func controlCharacterSoupIsRejected() {
        let bytes = (0..<400).map { UInt8(1 + $0 % 8) }
        #expect(throws: IngestError.undecodable(encoding: "UTF-8")) { try TextDecoder.decode(bytes) }
    }

    /// A budget as another tool extracted it: lines of glyph codes (one character in eight a
    /// control character) between lines of words. It is text, and read as such; the same
    /// controls with few letters around them are not.
    @Test func extractedTextWithGlyphCodesIsReadButControlsAmongSymbolsAreNot() throws {
        let words = "De gemeente stelt in de begroting de kaders voor het sociaal domein vast.\n"
        let glyphs = String(decoding: [0x14, 0x15, 0x12, 0x38, 0x16, 0x17, 0x12, 0x18, 0x19, 0x19, 0x0A] as [UInt8], as: UTF8.self)
        let budget = String(repeating: words + glyphs, count: 200)
        let controls = budget.unicodeScalars.filter { (0x0E...0x1F).contains($0.value) }.count
        #expect(controls * 20 > budget.unicodeScalars.count)
        let decoded = try TextDecoder.decode(Array(budget.utf8))
        #expect(decoded.text.contains("sociaal domein"))
        let symbols = String(repeating: "12 = 34 + 56; " + glyphs, count: 200)
        #expect(throws: IngestError.undecodable(encoding: "UTF-8")) { try TextDecoder.decode(Array(symbols.utf8)) }
    }
}
