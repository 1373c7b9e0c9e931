/// Tells lexicon words that can never match a token: sturing matches the letter words the
/// tokenizer makes (lowercased, compound hyphens dropped), so markup (`<b>`), formulas
/// (`=SUM(A1)`), escape codes, numbers, emoticons and regular expressions (`(a+)+$`) never count.
/// A word can match when the tokenizer reads it as one token with the same key; the core of a
/// glob when it can stand at the start, end or inside (`*kracht*`) of such a token.
final class WordShape {
    private let tokenizer: WordTokenizer
    private var stream = TokenStream()

    init() throws(TextError) {
        tokenizer = try WordTokenizer()
    }

    /// The first word of `term` (a word, glob or phrase, as written in a lexicon) that can never
    /// match, or nil.
    func unmatchableWord(in term: String) -> String? {
        term.split(separator: " ").map(String.init).first { !canMatch($0) }
    }

    /// True when the word or glob can match some token.
    func canMatch(_ word: String) -> Bool {
        let key = WordTokenizer.matchKey(WordTokenizer.normalizeTerm(word))
        var stripped = Substring(key)
        let starts = stripped.first == "*", ends = stripped.last == "*"
        while stripped.first == "*" { stripped.removeFirst() }
        while stripped.last == "*" { stripped.removeLast() }
        let core = String(stripped)
        guard !core.isEmpty else { return true }  // a bare * is the validator's business
        // Letters around the core of a glob stand for the rest of the token.
        let probe = (starts ? "x" : "") + core + (ends ? "x" : "")
        let tokens = tokenize(probe)
        guard tokens.count == 1, let token = tokens.first.map(WordTokenizer.matchKey) else { return false }
        switch (starts, ends) {
        case (false, false): return token == core
        case (false, true): return token.hasPrefix(core)
        case (true, false): return token.hasSuffix(core)
        case (true, true): return token.contains(core)
        }
    }

    /// Why such a word never counts, for a message.
    static let reason = "can never match a word of a text (sturing counts words of letters; markup, numbers, formulas, emoticons and regular expressions never count)"

    private func tokenize(_ text: String) -> [String] {
        stream.removeAll()
        let units = Array(text.utf16)
        units.withUnsafeBufferPointer { tokenizer.tokenize($0, into: &stream) }
        return stream.forms.map { tokenizer.interner.form($0) }
    }
}
