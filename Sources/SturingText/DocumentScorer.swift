import SturingCore

/// Scores documents against a compiled lexicon: tokenize, match, count, and explain the counts.
///
/// Counting rules:
/// - a token counts at most once per perspective (the first matching entry in lexicon order gets it);
/// - a multi-word entry matches consecutive tokens separated only by white space, and the tokens it
///   covers are not counted again for its perspective;
/// - a token that entries of two perspectives both claim counts for both and is reported as an overlap;
/// - a form on an entry's exclude list, or a match inside one of its exclude_phrases, never counts and
///   is reported under `excluded`.
///
/// One instance per thread; it reuses its buffers from document to document.
public final class DocumentScorer {
    /// The lexicon this scorer matches.
    public let lexicon: CompiledLexicon
    /// The tokenizer (and its form interner).
    public let tokenizer: WordTokenizer
    /// The per-form match cache.
    public let matcher: FormMatcher

    private var units: [UInt16] = []
    private var stream = TokenStream()
    private var docCounts: [Int32] = []
    private var touched: [Int32] = []
    private var contextFlags: [Int8] = []

    /// A scorer for `lexicon`.
    public init(lexicon: CompiledLexicon) throws(TextError) {
        self.lexicon = lexicon
        self.tokenizer = try WordTokenizer()
        self.matcher = try FormMatcher(lexicon: lexicon, interner: tokenizer.interner)
    }

    /// Scores a cleaned document. Throws `.noWords` when it has no letter words at all.
    public func score(_ document: Document) throws(ScoringError) -> DocumentScore {
        load(document)
        let tokens = stream.count
        if tokens == 0 { throw .noWords }
        var tally = Tally(entryCount: lexicon.entries.count)
        countByForm(&tally)
        if touched.contains(where: { needsContext($0) }) { countInContext(&tally) }
        for id in touched { docCounts[Int(id)] = 0 }
        return tally.score(for: document, tokens: tokens, lexicon: lexicon)
    }

    /// Tokenizes the document's pages into the scorer's buffers (pages separated by a blank line).
    func load(_ document: Document) {
        units.removeAll(keepingCapacity: true)
        for page in document.pages {
            appendUTF16(page)
            units.append(0x0A)
            units.append(0x0A)
        }
        stream.removeAll()
        touched.removeAll(keepingCapacity: true)
        units.withUnsafeBufferPointer { buf in
            tokenizer.tokenize(buf, into: &stream) { id in
                let i = Int(id)
                if i >= docCounts.count { docCounts.append(contentsOf: repeatElement(0, count: max(i + 1 - docCounts.count, 4096))) }
                if docCounts[i] == 0 { touched.append(id) }
                docCounts[i] &+= 1
            }
        }
    }

    private func appendUTF16(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.count > 0 else { return }
            let old = units.count
            units.append(contentsOf: repeatElement(0, count: bytes.count + 1))
            let written = units.withUnsafeMutableBufferPointer { dst in
                bytes.withMemoryRebound(to: CChar.self) { src in
                    var err: Int32 = 0
                    let n = cicuUTF8ToUTF16(dst.baseAddress! + old, Int32(bytes.count + 1), src.baseAddress!, Int32(bytes.count), &err)
                    return err > 0 ? 0 : Int(n)
                }
            }
            units.removeLast(units.count - old - written)
        }
    }

    private func needsContext(_ id: Int32) -> Bool {
        let i = Int(id)
        if i >= contextFlags.count { contextFlags.append(contentsOf: repeatElement(-1, count: max(i + 1 - contextFlags.count, 4096))) }
        if contextFlags[i] < 0 { contextFlags[i] = matcher.info(id).needsContext ? 1 : 0 }
        return contextFlags[i] == 1
    }

    /// Counts forms that need no context, once per distinct form.
    private func countByForm(_ tally: inout Tally) {
        for id in touched where !needsContext(id) {
            let info = matcher.info(id)
            let n = Int(docCounts[Int(id)])
            for e in info.excludedBy { tally.exclude(e, form: info.form, n: n) }
            guard !info.matches.isEmpty else { continue }
            var claimed: UInt8 = 0
            var claims = [Int]()
            for e in info.matches {
                let bit = UInt8(1) << UInt8(lexicon.entries[e].perspective.index)
                if claimed & bit != 0 { continue }
                claimed |= bit
                claims.append(e)
                tally.count(e, form: info.form, n: n)
            }
            if claims.count > 1 { tally.overlap(form: info.form, entries: claims, n: n, lexicon: lexicon) }
        }
    }

    /// Counts forms that take part in phrases or have excluded contexts, token by token.
    private func countInContext(_ tally: inout Tally) {
        var claimedUntil = [Int](repeating: -1, count: Perspective.allCases.count)
        let n = stream.count
        for i in 0..<n {
            let id = stream.forms[i]
            guard needsContext(id) else { continue }
            for pe in lexicon.phraseEntries {
                let entry = lexicon.entries[pe]
                let p = entry.perspective.index
                guard claimedUntil[p] < i, let length = phraseLength(entry.components, at: i) else { continue }
                let form = (i..<(i + length)).map { matcher.info(stream.forms[$0]).form }.joined(separator: " ")
                if let phrase = excludingPhrase(entry, at: i) {
                    tally.exclude(pe, form: "\(form) [\(phrase)]", n: 1)
                    continue
                }
                tally.count(pe, form: form, n: 1)
                claimedUntil[p] = i + length - 1
            }
            let info = matcher.info(id)
            for e in info.excludedBy { tally.exclude(e, form: info.form, n: 1) }
            var claims = [Int]()
            for e in info.matches {
                let entry = lexicon.entries[e]
                let p = entry.perspective.index
                guard claimedUntil[p] < i else { continue }
                if let phrase = excludingPhrase(entry, at: i) {
                    tally.exclude(e, form: "\(info.form) [\(phrase)]", n: 1)
                    continue
                }
                tally.count(e, form: info.form, n: 1)
                claimedUntil[p] = i
                claims.append(e)
            }
            if claims.count > 1 { tally.overlap(form: info.form, entries: claims, n: 1, lexicon: lexicon) }
        }
    }

    /// The number of tokens a phrase covers when it starts at token `i`, or nil.
    private func phraseLength(_ components: [WordPattern], at i: Int) -> Int? {
        guard i + components.count <= stream.count else { return nil }
        for (k, pattern) in components.enumerated() {
            let t = i + k
            if k > 0 && !adjacent(t - 1, t) { return nil }
            let info = matcher.info(stream.forms[t])
            if !pattern.matches(form: info.form, stem: info.stem) { return nil }
        }
        return components.count
    }

    /// The exclude phrase of `entry` that covers token `i`, if any.
    private func excludingPhrase(_ entry: CompiledLexicon.Entry, at i: Int) -> String? {
        for (p, phrase) in entry.excludePhrases.enumerated() {
            for offset in 0..<phrase.count {
                let start = i - offset
                guard start >= 0, start + phrase.count <= stream.count else { continue }
                if phraseLength(phrase, at: start) != nil { return entry.excludePhraseTexts[p] }
            }
        }
        return nil
    }

    /// True when only white space separates token `a` from token `b`.
    private func adjacent(_ a: Int, _ b: Int) -> Bool {
        let from = Int(stream.ends[a]), to = Int(stream.starts[b])
        guard from <= to else { return false }
        for k in from..<to {
            switch units[k] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0xA0: continue
            default: return false
            }
        }
        return true
    }
}

import CICU

@inline(__always)
func cicuUTF8ToUTF16(_ dst: UnsafeMutablePointer<UInt16>, _ cap: Int32, _ src: UnsafePointer<CChar>, _ len: Int32, _ err: inout Int32) -> Int32 {
    cicu_utf8_to_utf16(dst, cap, src, len, &err)
}
