import Testing
@testable import SturingText

@Suite struct WordTokenizerTests {
    func tokens(_ text: String) throws -> [String] {
        let t = try WordTokenizer()
        var stream = TokenStream()
        let units = Array(text.utf16)
        units.withUnsafeBufferPointer { t.tokenize($0, into: &stream) }
        return stream.forms.map { t.interner.form($0) }
    }

    @Test func dutchWordsLowercasedNumbersAndPunctuationDropped() throws {
        #expect(try tokens("Zorgaanbod, auto's en IJsselmonde; D66 en G4 in 2015-2019.") ==
                ["zorgaanbod", "auto's", "en", "ijsselmonde", "en", "in"])
    }

    /// Issue 8: a hyphenated compound is one word, as its closed spelling is.
    @Test func hyphenatedCompoundsAreOneToken() throws {
        #expect(try tokens("Zorg-aanbod, maat-regelen, HH2-klanten, Wmo-2015 en e-mail.") ==
                ["zorg-aanbod", "maat-regelen", "hh2-klanten", "wmo-2015", "en", "e-mail"])
        // Non-breaking hyphen and U+2010 as well; a suspended hyphen or a dash keeps words apart.
        #expect(try tokens("zelf\u{2011}redzaam sociale\u{2010}dienst") == ["zelf\u{2011}redzaam", "sociale\u{2010}dienst"])
        #expect(try tokens("zorg- en welzijn, zorg - welzijn, zorg--welzijn, -regels") ==
                ["zorg", "en", "welzijn", "zorg", "welzijn", "zorg", "welzijn", "regels"])
    }

    @Test func compoundsAcrossTheChunkBoundary() throws {
        // More tokens than one ICU chunk (4096): no compound is split or lost at the seam.
        let text = Array(repeating: "maat-regelen", count: 5000).joined(separator: " ")
        let forms = try tokens(text)
        #expect(forms.count == 5000)
        #expect(Set(forms) == ["maat-regelen"])
    }

    @Test func diacriticsAndTypographicApostrophes() throws {
        #expect(try tokens("CREËREN thema’s Één") == ["creëren", "thema's", "één"])
    }

    @Test func offsetsPointIntoTheText() throws {
        let t = try WordTokenizer()
        var stream = TokenStream()
        let units = Array("  Wij meten.".utf16)
        units.withUnsafeBufferPointer { t.tokenize($0, into: &stream) }
        #expect(stream.starts == [2, 6])
        #expect(stream.ends == [5, 11])
    }

    @Test func internerGivesStableIds() throws {
        let t = try WordTokenizer()
        var stream = TokenStream()
        let units = Array("zorg Zorg ZORG welzijn zorg".utf16)
        units.withUnsafeBufferPointer { t.tokenize($0, into: &stream) }
        #expect(stream.forms == [0, 0, 0, 1, 0])
        #expect(t.interner.count == 2)
    }

    @Test func longTokensAndManyForms() throws {
        let long = String(repeating: "a", count: 5000)
        #expect(try tokens("x \(long) y") == ["x", long, "y"])
        let many = (0..<50_000).map { "w\(String($0, radix: 26).map { Character(UnicodeScalar(UInt8(97 + (Int(String($0), radix: 26) ?? 0)))) }.map(String.init).joined())" }
        let t = try WordTokenizer()
        var stream = TokenStream()
        let units = Array(many.joined(separator: " ").utf16)
        units.withUnsafeBufferPointer { t.tokenize($0, into: &stream) }
        #expect(stream.count == 50_000)
        #expect(t.interner.count == Set(many).count)
    }
}
