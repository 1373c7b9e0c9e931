import SturingCore

/// Tells a page's text layer that holds words from one that holds none (a PDF whose font has a
/// broken encoding gives text like "Gh jhphhqwh vwhow ndghuv" or symbol soup), so the page can be
/// read by OCR instead of being counted as garbage.
public enum TextLayerCheck {
    /// At least this many word-like or junk tokens before a page is judged.
    public static let minimumTokens = 20
    /// The page is judged on at most this many tokens from its start.
    public static let sampleTokens = 300

    /// Fewer vowels among the letters than this means no language the plans are written in
    /// (Dutch and English prose: about 0.38; shifted or mis-mapped letters: well under 0.2).
    public static let minimumVowelShare = 0.22

    /// True when the text has enough tokens and either at most one in three is word-like
    /// (letters, at least 70 %, with a vowel) or its letters hold too few vowels. Numbers, dates
    /// and amounts are left out, so a table of figures is not unreadable.
    public static func isUnreadable(_ text: String) -> Bool {
        var words = 0, junk = 0
        var allLetters = 0, allVowels = 0
        var letters = 0, other = 0, vowel = false, digitsOnly = true
        func finish() {
            let length = letters + other
            if length >= 2 && !digitsOnly {
                if vowel && letters * 10 >= length * 7 { words += 1 } else { junk += 1 }
            }
            letters = 0; other = 0; vowel = false; digitsOnly = true
        }
        for s in text.unicodeScalars {
            let v = s.value
            if WhiteSpace.contains(s) {
                finish()
                // A few hundred tokens tell; a long page need not be read to its end.
                if words + junk >= sampleTokens { break }
                continue
            }
            if (v >= 0x30 && v <= 0x39) || v == 0x2E || v == 0x2C || v == 0x25 || v == 0x2D || v == 0x2F || v == 0x20AC {
                other += 1
                continue
            }
            digitsOnly = false
            let letter = v < 0x80 ? ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) : s.properties.isAlphabetic
            if letter {
                letters += 1
                allLetters += 1
                if isVowel(s) { vowel = true; allVowels += 1 }
            } else {
                other += 1
            }
        }
        finish()
        guard words + junk >= minimumTokens else { return false }
        return words * 3 <= words + junk || Double(allVowels) < minimumVowelShare * Double(allLetters)
    }

    /// a, e, i, o, u, y and their accented forms (by the first scalar of the lowercase base letter).
    static func isVowel(_ s: Unicode.Scalar) -> Bool {
        switch s.value | 0x20 {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true
        default: break
        }
        guard s.value >= 0xC0 else { return false }
        // Latin-1 and Latin Extended-A vowels with accents: take the decomposed base letter.
        guard let base = String(s).decomposedStringWithCanonicalMapping.unicodeScalars.first, base.value < 0x80 else { return false }
        return isVowel(base)
    }
}
