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
        #expect(try tokens("Zorg-aanbod, auto's en IJsselmonde; D66 en G4 in 2015.") ==
                ["zorg", "aanbod", "auto's", "en", "ijsselmonde", "en", "in"])
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
