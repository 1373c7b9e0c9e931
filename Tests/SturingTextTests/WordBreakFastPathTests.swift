import CICU
import SturingCore
import Testing
@testable import SturingText

/// The tokenizer's fast path for simple Latin text must give exactly ICU's words.
@Suite struct WordBreakFastPathTests {
    /// The words of `text` with the fast path on or off, as (start, end, form).
    func words(_ text: String, fast: Bool) throws -> [String] {
        let t = try WordTokenizer()
        t.useFastPath(fast)
        var stream = TokenStream()
        let units = Array(text.utf16)
        units.withUnsafeBufferPointer { t.tokenize($0, into: &stream) }
        return (0..<stream.count).map { "\(stream.starts[$0])-\(stream.ends[$0]) \(t.interner.form(stream.forms[$0]))" }
    }

    /// Every fast-path character alone and between representatives of each class, and every
    /// string of up to five representatives, against ICU's iterator (about five million strings).
    @Test func everyCharacterAndRuleAgreesWithICU() {
        var failure = [UInt16](repeating: 0, count: 16)
        var err: Int32 = 0
        let checked = cicu_wb_check_fast_path(&failure, 16, &err)
        let text = String(decoding: failure.prefix { $0 != 0 }, as: UTF16.self)
        #expect(checked > 5_000_000, "the fast path differs from ICU on \(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    /// Hand-counted cases, including ICU's own quirks the fast path must keep.
    @Test func icuQuirksKept() throws {
        let t = try WordTokenizer()
        func forms(_ s: String) -> [String] {
            var stream = TokenStream()
            let units = Array(s.utf16)
            units.withUnsafeBufferPointer { t.tokenize($0, into: &stream) }
            return stream.forms.map { t.interner.form($0) }
        }
        // "a12" ends in a digit: ICU calls it a number, so it is no word; "12a" is one.
        #expect(forms("a12 12a 1a2 b2b") == ["12a", "b2b"])
        // A full stop or apostrophe between letters stays inside; a colon does not.
        #expect(forms("e.g. auto's thema’s a:b") == ["e.g", "auto's", "thema's", "a", "b"])
        // '@' joins like a letter in ICU (handed to ICU), "3,5" is a number.
        #expect(forms("info@gemeente.nl 3,5%") == ["info@gemeente.nl"])
    }

    /// Real-shaped Dutch text with everything the fast path hands to ICU mixed in.
    @Test func realShapedTextAgreesWithICU() throws {
        let pieces = ["De gemeente", "zet in op", "zelfredzaamheid,", "maat-\nwerk", "Wmo-2015", "2015-2019",
                      "thema’s", "auto's", "e.g.", "€ 12,50", "3.5", "“burgerkracht”", "• wijkteams", "ca\u{0301}fe",
                      "co\u{00AD}operatie", "info@sturing.nl", "regel_1", "a:b", "Één", "ĳsbaan", "Łódź", "ﬁnanciën",
                      "½", "x\u{200D}y", "αβγ", "数据", "\u{0301}begin", "a\u{00A0}b", "—", "…", "§ 2", "(zie ook)",
                      "\t", "\r\n", "\n\n", "  ", "12a", "a12", "1.2.3", "A.B.C.", "’s-Hertogenbosch", "zorg--welzijn"]
        var rng = SplitMix64(seed: 29)
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<40 {
                text += pieces.randomElement(using: &rng)!
                text += ["", " ", "\n", "-", ", ", ". "].randomElement(using: &rng)!
            }
            let fast = try words(text, fast: true), icu = try words(text, fast: false)
            #expect(fast == icu, "differs on: \(text.debugDescription)")
            if fast != icu { return }
        }
    }
}
