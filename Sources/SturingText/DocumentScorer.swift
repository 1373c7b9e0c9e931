import CICU
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
    private var pageStarts: [Int] = []
    /// The page index of each `pageStarts` entry (a chunk may start inside a page).
    private var pageIds: [Int] = []
    private var stream = TokenStream()
    private let table = FormTable()
    private var touched: [Int32] = []
    /// Each entry's perspective index and whether it has exclude phrases (read per matched token,
    /// without copying the entry).
    private let entryPerspective: [Int]
    private let entryHasExcludePhrases: [Bool]
    /// The abbreviations after which a `.` does not end a sentence.
    private let abbreviations: Abbreviations

    /// How many matches in context to keep per perspective in each score (0: none).
    public var evidencePerPerspective = 0
    /// Words of context on each side of an evidence line.
    public var evidenceWindow = 8
    /// Where to keep and find documents' tokens (nil: tokenize every time). Documents scored in
    /// chunks are not kept (tokenizing is the fast part; their text is in the text cache).
    public var tokenCache: TokenCache?
    /// Threads that score the chunks of one large document (see `TextChunks`); 1: one at a time.
    public var threads = 1
    /// Documents with more UTF-8 text than this are scored in chunks of about this size, so
    /// memory stays flat in the size of a file.
    public var chunkBytes = TextChunks.defaultTargetBytes
    /// Scorers for the other threads, made when first needed.
    private var helpers: [DocumentScorer] = []
    /// The context model that weighs each match by the probability that it signals its
    /// perspective (`--disambiguate`); nil: every match counts 1.
    public var model: ContextModel? {
        didSet { modelTable = model.map { ContextModelTable(model: $0, lexicon: lexicon) } }
    }
    private var modelTable: ContextModelTable?

    /// A scorer for `lexicon`.
    public init(lexicon: CompiledLexicon) throws(TextError) {
        self.lexicon = lexicon
        self.entryPerspective = lexicon.entries.map(\.perspective.index)
        self.entryHasExcludePhrases = lexicon.entries.map { !$0.excludePhrases.isEmpty }
        self.tokenizer = try WordTokenizer()
        self.matcher = try FormMatcher(lexicon: lexicon, interner: tokenizer.interner)
        self.abbreviations = Abbreviations(interner: tokenizer.interner)
    }

    /// Scores a cleaned document. Throws `.noWords` when it has no letter words at all.
    public func score(_ document: Document) throws(ScoringError) -> DocumentScore {
        var bytes = 0
        for page in document.pages { bytes += page.utf8.count }
        if bytes > chunkBytes {
            let plan = TextChunks(pages: document.pages, targetBytes: chunkBytes)
            if plan.chunks.count > 1 { return try scoreInChunks(document, plan: plan) }
        }
        load(document)
        let tokens = stream.count
        if tokens == 0 { throw .noWords }
        var tally = Tally()
        countByForm(&tally)
        if touched.contains(where: { needsContext($0) }) { countInContext(&tally) }
        let (sentences, keys, expected) = sentenceKeys()
        tally.expectedHundredths = expected
        var score = tally.score(for: document, tokens: tokens, lexicon: lexicon)
        score.sentences = SentenceProfile(sentences: sentences, vectors: SentenceProfile.sorted(keys: keys))
        if evidencePerPerspective > 0 {
            score.evidence = sampleEvidence(k: evidencePerPerspective, window: evidenceWindow, file: document.file,
                                            pages: document.hasPages, seed: Self.seed(document.sha256))
        }
        return score
    }

    /// The signal words per sentence (call after `load`), with each counted sentence's key. A
    /// sentence ends where the text between two tokens holds `!` or `?`, a `.` that ends a
    /// sentence (not one after an abbreviation or an initial, nor one inside a number), or a blank
    /// line (pages are separated by one); a phrase counts in the sentence where it starts. The
    /// counts equal the document's counts.
    func sentenceProfile() -> SentenceProfile {
        let (sentences, keys, _) = sentenceKeys()
        return SentenceProfile(sentences: sentences, vectors: SentenceProfile.sorted(keys: keys))
    }

    /// The number of sentences and, per non-zero count vector, the keys of the sentences that
    /// have it (call after `load`). With a context model a match adds its probability in
    /// hundredths (`SentenceProfile.modelScale`) instead of 1, and the expected count of each
    /// entry is the sum of those hundredths, so the bootstrap resamples exactly the expected counts.
    private func sentenceKeys() -> (sentences: Int, keys: [[Int]: [UInt64]], expected: [Int: Int]?) {
        let n = stream.count
        guard n > 0 else { return (0, [:], modelTable == nil ? nil : [:]) }
        // The expected count of each entry in hundredths (an array: one add per match).
        var hundredths = [Int](repeating: 0, count: modelTable == nil ? 0 : lexicon.entries.count)
        var matched = [Bool](repeating: false, count: hundredths.count)
        modelTable?.startText()
        // Counts per sentence as four lanes of one value (no array per sentence). The walk meets
        // counted tokens in text order, so the sentence is followed along with it (the rule of
        // `sentenceIndices`), with no sentence number stored per token; only each sentence's
        // first token is kept, to hash the counted ones' words afterwards.
        var perSentence = [Int32: SIMD4<Int32>]()
        var starts: [Int32] = [0]
        var sentence: Int32 = 0
        var cursor = 0
        let table = modelTable, words = tokenizer.interner
        stream.forms.withUnsafeBufferPointer { forms in units.withUnsafeBufferPointer { u in
            walkCounted { event in
                guard case .counted(let e, let form, let token, let length) = event else { return }
                while cursor < token {
                    cursor += 1
                    if sentenceBreak(cursor - 1, cursor, in: u) { sentence += 1; starts.append(Int32(cursor)) }
                }
                if let table {
                    let p = table.probability(entry: e, token: token, length: length, phrase: form.isEmpty || length == 1 ? nil : form,
                                              forms: forms, interner: words)
                    let m = Int((p * Double(SentenceProfile.modelScale)).rounded())
                    hundredths[e] += m
                    matched[e] = true
                    perSentence[sentence, default: .zero][entryPerspective[e]] &+= Int32(m)
                } else {
                    perSentence[sentence, default: .zero][entryPerspective[e]] &+= 1
                }
            }
            while cursor < n - 1 {
                cursor += 1
                if sentenceBreak(cursor - 1, cursor, in: u) { sentence += 1; starts.append(Int32(cursor)) }
            }
        } }
        var keys = [[Int]: [UInt64]]()
        let interner = tokenizer.interner
        stream.forms.withUnsafeBufferPointer { forms in
            for (s, v) in perSentence {
                let from = Int(starts[Int(s)]), to = Int(s) + 1 < starts.count ? Int(starts[Int(s) + 1]) : n
                var key: UInt64 = 0xCBF2_9CE4_8422_2325
                for t in from..<to { key = SentenceKey.add(key, word: interner.hash(forms[t])) }
                keys[[Int(v[0]), Int(v[1]), Int(v[2]), Int(v[3])], default: []].append(SentenceKey.finish(key))
            }
        }
        let expected = modelTable == nil ? nil : Dictionary(uniqueKeysWithValues: hundredths.indices.filter { matched[$0] }.map { ($0, hundredths[$0]) })
        return (Int(sentence) + 1, keys, expected)
    }

    /// The sentence of every token (see `sentenceProfile` for where a sentence ends).
    private func sentenceIndices() -> [Int32] {
        let n = stream.count
        var sentenceOf = [Int32](repeating: 0, count: n)
        var current: Int32 = 0
        units.withUnsafeBufferPointer { u in
            for i in 1..<max(n, 1) {
                if sentenceBreak(i - 1, i, in: u) { current += 1 }
                sentenceOf[i] = current
            }
        }
        return sentenceOf
    }

    /// One sentence of a document, for coding: its text (white space collapsed, from its first
    /// to its last word), its page and the perspectives the tool counted in it.
    public struct Sentence: Sendable {
        /// The text.
        public var text: String
        /// The page (nil for a text without pages).
        public var page: Int?
        /// The perspectives counted in it; with a context model, those whose expected count
        /// (the sum of its matches' p) is at least `DocumentScorer.sentenceFoundThreshold`.
        public var found: Set<Perspective>
        /// With a context model: the expected count per perspective (sum of p), else empty.
        public var expected: [Perspective: Double] = [:]
    }

    /// With a context model, a sentence counts as expressing a perspective when its matches' p
    /// add up to at least this (one match more likely true than not, or two half-likely ones).
    public static let sentenceFoundThreshold = 0.5

    /// Every sentence of `document` with what was counted in it.
    public func sentences(_ document: Document) -> [Sentence] {
        load(document)
        let n = stream.count
        guard n > 0 else { return [] }
        let sentenceOf = sentenceIndices()
        var found = [Int32: Set<Perspective>]()
        var expected = [Int32: [Perspective: Double]]()
        modelTable?.startText()
        walkCounted { event in
            guard case .counted(let e, let form, let token, let length) = event else { return }
            let perspective = lexicon.entries[e].perspective
            if let table = modelTable {
                let p = probability(table, entry: e, form: form, token: token, length: length)
                expected[sentenceOf[token], default: [:]][perspective, default: 0] += p
            } else {
                found[sentenceOf[token], default: []].insert(perspective)
            }
        }
        var result = [Sentence]()
        var first = 0
        for i in 0..<n where i == n - 1 || sentenceOf[i + 1] != sentenceOf[i] {
            let start = Int(stream.starts[first]), end = Int(stream.ends[i])
            let pageIndex = pageStarts.lastIndex { $0 <= start } ?? 0
            let weights = expected[sentenceOf[i]] ?? [:]
            let foundHere = modelTable == nil ? found[sentenceOf[i]] ?? [] : Set(weights.filter { $0.value >= Self.sentenceFoundThreshold }.keys)
            result.append(Sentence(text: collapsed(start, end), page: document.hasPages ? pageIds[pageIndex] + 1 : nil,
                                   found: foundHere, expected: weights))
            first = i + 1
        }
        return result
    }

    /// The probability `table` gives the counted match of entry `e` at `token` (`form` is a
    /// phrase's matched words, empty for one word): the one call of the model outside the hot
    /// path of `sentenceKeys`.
    private func probability(_ table: ContextModelTable, entry e: Int, form: String, token: Int, length: Int) -> Double {
        stream.forms.withUnsafeBufferPointer {
            table.probability(entry: e, token: token, length: length, phrase: form.isEmpty || length == 1 ? nil : form,
                              forms: $0, interner: tokenizer.interner)
        }
    }

    /// The text between two code-unit offsets with white space collapsed to single spaces.
    private func collapsed(_ a: Int, _ b: Int) -> String {
        guard a < b else { return "" }
        var out = [UInt16]()
        out.reserveCapacity(b - a)
        var space = false
        for k in a..<b {
            let u = units[k]
            if WhiteSpace.contains(u) {
                space = !out.isEmpty
            } else {
                if space { out.append(0x20); space = false }
                out.append(u)
            }
        }
        return UTF16Text.string(out)
    }

    /// Clears the previous document's form counts.
    private func resetCounts() {
        let rows = table.base
        for id in touched { rows[Int(id)].count = 0 }
        touched.removeAll(keepingCapacity: true)
    }

    /// A sampling seed from a document's hash (fixed per document, so re-runs agree).
    static func seed(_ sha256: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in sha256.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// Tokenizes the document's pages into the scorer's buffers (pages separated by a blank line)
    /// and counts each form's tokens (the previous document's counts are cleared first).
    func load(_ document: Document) {
        let whole = document.pages.indices.map {
            TextChunks.Piece(page: $0, start: 0, end: document.pages[$0].utf8.count, startsPage: true, endsPage: true)
        }
        load(pieces: whole, of: document.pages, sha256: document.sha256, cacheTokens: true)
    }

    /// Tokenizes `pieces` of `pages` (a whole document, or one chunk of it): each page that ends
    /// is followed by a blank line.
    private func load(pieces: [TextChunks.Piece], of pages: [String], sha256: String, cacheTokens: Bool, pageNumbers: [Int]? = nil) {
        units.removeAll(keepingCapacity: true)
        pageStarts.removeAll(keepingCapacity: true)
        pageIds.removeAll(keepingCapacity: true)
        for piece in pieces {
            pageStarts.append(units.count)
            pageIds.append(pageNumbers?[piece.page] ?? piece.page)
            appendUTF16(pages[piece.page], from: piece.start, to: piece.end)
            if piece.endsPage {
                units.append(0x0A)
                units.append(0x0A)
            }
        }
        stream.removeAll()
        resetCounts()
        let cached = cacheTokens ? tokenCache?.load(sha256: sha256, textLength: units.count) : nil
        if let cached {
            let ids = cached.vocabulary.map { form in form.withUnsafeBufferPointer { tokenizer.interner.intern($0.baseAddress!, $0.count) } }
            stream.forms = cached.forms.map { ids[Int($0)] }
            stream.starts = cached.starts.map { Int32($0) }
            stream.ends = cached.ends.map { Int32($0) }
        } else {
            units.withUnsafeBufferPointer { buf in tokenizer.tokenize(buf, into: &stream) }
        }
        table.reserve(tokenizer.interner.count)
        let rows = table.base
        stream.forms.withUnsafeBufferPointer { ids in
            for id in ids {
                if rows[Int(id)].count == 0 { touched.append(id) }
                rows[Int(id)].count &+= 1
            }
        }
        if cacheTokens, let tokenCache, cached == nil { storeTokens(tokenCache, sha256: sha256) }
    }

    /// Writes the document's tokens to the cache, with form indices local to the document.
    private func storeTokens(_ cache: TokenCache, sha256: String) {
        var local = [Int32: UInt32]()
        var vocabulary = [[UInt8]]()
        vocabulary.reserveCapacity(touched.count)
        for id in touched {
            local[id] = UInt32(vocabulary.count)
            vocabulary.append(Array(tokenizer.interner.form(id).utf8))
        }
        cache.store(sha256: sha256, TokenCache.Tokens(
            vocabulary: vocabulary, forms: stream.forms.map { local[$0]! },
            starts: stream.starts.map { UInt32($0) }, ends: stream.ends.map { UInt32($0) }))
    }

    /// Appends the UTF-16 of UTF-8 bytes `from..<to` of `text` (cut at scalar boundaries).
    private func appendUTF16(_ text: String, from: Int, to: Int) {
        var text = text
        text.withUTF8 { whole in
            let count = to - from
            guard count > 0 else { return }
            let old = units.count
            units.append(contentsOf: repeatElement(0, count: count + 1))
            let written = units.withUnsafeMutableBufferPointer { dst in
                UnsafeRawPointer(whole.baseAddress! + from).withMemoryRebound(to: CChar.self, capacity: count) { src in
                    var err: Int32 = 0
                    let n = cicu_utf8_to_utf16(dst.baseAddress! + old, Int32(count + 1), src, Int32(count), &err)
                    return err > 0 ? 0 : Int(n)
                }
            }
            units.removeLast(units.count - old - written)
        }
    }

    /// How form `id` counts (computed once per form, then read from the table).
    @inline(__always)
    private func kind(_ id: Int32) -> FormTable.Kind {
        let k = table.base[Int(id)].kind
        return k == .unknown ? classify(id) : k
    }

    private func classify(_ id: Int32) -> FormTable.Kind {
        let info = matcher.info(id)
        var seen: UInt8 = 0
        var claims = [Int]()
        for e in info.matches {
            let bit = UInt8(1) << UInt8(entryPerspective[e])
            if seen & bit == 0 { seen |= bit; claims.append(e) }
        }
        let k: FormTable.Kind = info.needsContext ? .context : (claims.isEmpty ? .none : .direct)
        table.set(Int(id), kind: k, claims: claims, excluded: !info.excludedBy.isEmpty)
        return k
    }

    private func needsContext(_ id: Int32) -> Bool { kind(id) == .context }

    /// Counts forms that need no context, once per distinct form.
    private func countByForm(_ tally: inout Tally) {
        for id in touched {
            let k = kind(id)
            // Most forms match nothing: no need to look at what the lexicon says of them.
            if k == .context || (k == .none && !table.base[Int(id)].excluded) { continue }
            let info = matcher.info(id)
            let n = Int(table.base[Int(id)].count)
            for e in info.excludedBy { tally.exclude(e, form: info.form, n: n) }
            guard !info.matches.isEmpty else { continue }
            var claimed: UInt8 = 0
            var claims = [Int]()
            for e in info.matches {
                let bit = UInt8(1) << UInt8(entryPerspective[e])
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
        walk(where: { needsContext($0) }) { event in
            switch event {
            case .counted(let e, let form, _, _): tally.count(e, form: form, n: 1)
            case .excluded(let e, let form): tally.exclude(e, form: form, n: 1)
            case .overlap(let form, let entries): tally.overlap(form: form, entries: entries, n: 1, lexicon: lexicon)
            }
        }
    }

    /// What the token walk finds.
    enum WalkEvent {
        /// Entry `entry` counted `form` at tokens `token..<token+length`.
        case counted(entry: Int, form: String, token: Int, length: Int)
        /// Entry `entry` would have counted, but an exclude list or phrase kept `form` out.
        case excluded(entry: Int, form: String)
        /// Tokens of `form` counted for the perspectives of several entries.
        case overlap(form: String, entries: [Int])
    }

    /// Applies the counting rules token by token to the tokens whose form passes `include`:
    /// phrases first (longest first), then single-word entries; a token counts at most once per
    /// perspective. Counting (for forms that need context) and evidence share these rules, so a
    /// context line always shows a match that was counted.
    private func walk(where include: (Int32) -> Bool, _ emit: (WalkEvent) -> Void) {
        var claims = Claims()
        for i in 0..<stream.count where include(stream.forms[i]) {
            step(i, claims: &claims, emit)
        }
    }

    /// The tokens already counted per perspective: every token up to `until[p]`, and the
    /// particles of split verbs further on (`later[p]`).
    struct Claims {
        var until = [Int](repeating: -1, count: Perspective.allCases.count)
        var later = [[Int]](repeating: [], count: Perspective.allCases.count)

        /// True when token `i` already counts for perspective `p`.
        mutating func has(_ i: Int, _ p: Int) -> Bool {
            if until[p] >= i { return true }
            if later[p].isEmpty { return false }
            later[p].removeAll { $0 < i }
            return later[p].contains(i)
        }
    }

    /// Walks every token that can count. Tokens of forms that need no context count for their
    /// claims directly (one per perspective, first entry in lexicon order), without the rule
    /// machinery; the others go through `step`. Emits only `.counted` events.
    private func walkCounted(_ emit: (WalkEvent) -> Void) {
        var claims = Claims()
        let ids = stream.forms
        for i in 0..<ids.count {
            let id = ids[i]
            switch kind(id) {
            case .none, .unknown:
                continue
            case .context:
                step(i, claims: &claims) { if case .counted = $0 { emit($0) } }
            case .direct:
                let row = table.base[Int(id)]
                for c in 0..<Int(row.claimCount) {
                    emit(.counted(entry: Int(table.claims[Int(row.claimStart) + c]), form: "", token: i, length: 1))
                }
            }
        }
    }

    /// The counting rules at token `i`.
    private func step(_ i: Int, claims: inout Claims, _ emit: (WalkEvent) -> Void) {
        let id = stream.forms[i]
        if needsContext(id) {
            for k in matcher.info(id).phraseStarts {
                let phrase = lexicon.phrases[k]
                let pe = phrase.entry
                let p = entryPerspective[pe]
                guard !claims.has(i, p), let found = phraseMatch(phrase, at: i) else { continue }
                let words = { (r: Range<Int>) in r.map { self.matcher.info(self.stream.forms[$0]).form }.joined(separator: " ") }
                let form = found.after.isEmpty ? words(found.before) : words(found.before) + " ... " + words(found.after)
                if entryHasExcludePhrases[pe], let excluded = excludingPhrase(lexicon.entries[pe], at: i) {
                    emit(.excluded(entry: pe, form: "\(form) [\(excluded)]"))
                    continue
                }
                let end = found.after.isEmpty ? found.before.upperBound : found.after.upperBound
                emit(.counted(entry: pe, form: form, token: i, length: end - i))
                claims.until[p] = found.before.upperBound - 1
                claims.later[p].append(contentsOf: found.after)
            }
        }
        let info = matcher.info(id)
        for e in info.excludedBy { emit(.excluded(entry: e, form: info.form)) }
        var counted = [Int]()
        for e in info.matches {
            let p = entryPerspective[e]
            guard !claims.has(i, p) else { continue }
            if entryHasExcludePhrases[e], let phrase = excludingPhrase(lexicon.entries[e], at: i) {
                emit(.excluded(entry: e, form: "\(info.form) [\(phrase)]"))
                continue
            }
            emit(.counted(entry: e, form: info.form, token: i, length: 1))
            claims.until[p] = i
            counted.append(e)
        }
        if counted.count > 1 { emit(.overlap(form: info.form, entries: counted)) }
    }

    /// Where `phrase` matches from token `i`: the tokens of its first words and, for a split
    /// verb, of the words after the gap (the nearest, at most `separableGap` tokens on, in the
    /// same sentence).
    private func phraseMatch(_ phrase: CompiledLexicon.Phrase, at i: Int) -> (before: Range<Int>, after: Range<Int>)? {
        guard let n = phraseLength(phrase.before, at: i) else { return nil }
        let before = i..<(i + n)
        guard phrase.isSplit else { return (before, before.upperBound..<before.upperBound) }
        var j = before.upperBound
        while j < stream.count && j - before.upperBound <= LexiconEntry.separableGap {
            if units.withUnsafeBufferPointer({ sentenceBreak(j - 1, j, in: $0) }) { return nil }
            if let m = phraseLength(phrase.after, at: j) { return (before, j..<(j + m)) }
            j += 1
        }
        return nil
    }

    /// True when a sentence ends between token `a` and the next token `b` (the rule of `sentenceIndices`):
    /// the text between them holds `!`, `?`, a blank line, or a `.` that ends a sentence. A `.`
    /// right after an abbreviation ("art.", "o.a.", "Kst.", "bijv.") or an initial ("J. de Vries")
    /// does not, nor one followed by a digit or a letter ("2.3", "1.000"); after a list-ending
    /// abbreviation ("enz.", "etc.") it does when the next word starts with a capital.
    @inline(__always)
    private func sentenceBreak(_ a: Int, _ b: Int, in units: UnsafeBufferPointer<UInt16>) -> Bool {
        var newlines = 0
        let from = Int(stream.ends[a]), to = max(from, Int(stream.starts[b]))
        var k = from
        while k < to {
            switch units[k] {
            case 0x21, 0x3F: return true
            case 0x2E:
                if k + 1 < units.count, Self.isDigitOrLetter(units[k + 1]) { newlines = 0; break }
                if k == from, let kind = abbreviations.kind(stream.forms[a], interner: tokenizer.interner) {
                    switch kind {
                    case .inner: break
                    case .listEnd: if Self.isCapital(units[Int(stream.starts[b])]) { return true }
                    case .letter: if !Self.isCapital(units[Int(stream.starts[a])]) { return true }
                    }
                    newlines = 0
                    break
                }
                return true
            case 0x0A: newlines += 1; if newlines >= 2 { return true }
            case 0x20, 0x09, 0x0D: break
            default: newlines = 0
            }
            k += 1
        }
        return false
    }

    @inline(__always)
    private static func isDigitOrLetter(_ u: UInt16) -> Bool {
        (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) || (u >= 0xC0 && u <= 0x24F && u != 0xD7 && u != 0xF7)
    }

    @inline(__always)
    private static func isCapital(_ u: UInt16) -> Bool {
        (u >= 0x41 && u <= 0x5A) || (u >= 0xC0 && u <= 0xDE && u != 0xD7)
    }

    /// Every word form of `document` with its count, whether the lexicon counts it, and the
    /// context of its first occurrence (for keyness: which words does a group of plans use?).
    public func formCounts(_ document: Document, window: Int = 8) -> [String: (count: Int, inLexicon: Bool, context: String)] {
        load(document)
        var first = [Int32: Int]()
        for (i, id) in stream.forms.enumerated() where first[id] == nil { first[id] = i }
        var out = [String: (count: Int, inLexicon: Bool, context: String)]()
        for id in touched {
            let info = matcher.info(id)
            let i = first[id] ?? 0
            let from = max(0, i - window), to = min(stream.count - 1, i + window)
            let context = collapsed(Int(stream.starts[from]), Int(stream.starts[i])) + " [" + collapsed(Int(stream.starts[i]), Int(stream.ends[i])) + "] "
                + (i < to ? collapsed(Int(stream.ends[i]), Int(stream.ends[to])) : "")
            out[info.form] = (Int(table.base[Int(id)].count), !info.matches.isEmpty, context)
        }
        return out
    }

    /// Every counted match of the entries that pass `entryFilter`, in context, in text order.
    /// `window` is the number of words shown on each side.
    public func occurrences(_ document: Document, window: Int = 8, entryFilter: (CompiledLexicon.Entry) -> Bool) -> [KWICLine] {
        load(document)
        var lines = [KWICLine]()
        modelTable?.startText()
        walkCounted { event in
            guard case .counted(let e, let form, let token, let length) = event, entryFilter(lexicon.entries[e]) else { return }
            var line = kwic(entry: e, token: token, length: length, window: window, file: document.file, pages: document.hasPages)
            // With a context model, each line carries its match's probability (as counted).
            if let table = modelTable {
                let p = probability(table, entry: e, form: form, token: token, length: length)
                line.p = (p * Double(SentenceProfile.modelScale)).rounded() / Double(SentenceProfile.modelScale)
            }
            lines.append(line)
        }
        return lines
    }

    /// `document` as words for learning their contexts: every word form in text order, its
    /// sentence, whether it follows the word before directly, and every counted match with its p
    /// (1 without a context model).
    public func wordSequence(_ document: Document) -> WordSequence {
        load(document)
        let n = stream.count
        guard n > 0 else { return WordSequence(words: [], sentence: [], matches: []) }
        var names = [Int32: String]()
        var words = [String]()
        words.reserveCapacity(n)
        for id in stream.forms {
            if let known = names[id] { words.append(known); continue }
            let form = tokenizer.interner.form(id)
            names[id] = form
            words.append(form)
        }
        var matches = [WordSequence.Match]()
        modelTable?.startText()
        walkCounted { event in
            guard case .counted(let e, let form, let token, let length) = event else { return }
            var p = 1.0
            if let table = modelTable {
                p = probability(table, entry: e, form: form, token: token, length: length)
            }
            matches.append(.init(token: token, length: length, perspective: lexicon.entries[e].perspective, term: lexicon.entries[e].term, p: p))
        }
        let follows = (0..<n).map { $0 > 0 && adjacent($0 - 1, $0) }
        return WordSequence(words: words, sentence: sentenceIndices(), followsDirectly: follows, matches: matches)
    }

    /// The contexts of the given word spans of `document` (token indices as in `wordSequence`),
    /// as KWIC lines counted for `perspective` under the name `term`: examples of a word that is
    /// not (yet) in the lexicon.
    public func contexts(_ document: Document, spans: [(token: Int, length: Int)], perspective: Perspective, term: String, window: Int = 8) -> [KWICLine] {
        load(document)
        return spans.compactMap { span in
            guard span.token >= 0, span.length > 0, span.token + span.length <= stream.count else { return nil }
            return kwic(token: span.token, length: span.length, window: window, file: document.file, pages: document.hasPages,
                        perspective: perspective, term: term)
        }
    }

    /// A seeded random sample of at most `k` counted matches per perspective (reservoir sampling;
    /// the same document and seed always give the same sample). Call after `load`.
    func sampleEvidence(k: Int, window: Int, file: String, pages: Bool, seed: UInt64) -> [Perspective: [KWICLine]] {
        let (lines, _) = evidenceSample(k: k, window: window, file: file, pages: pages, seed: seed)
        var result = [Perspective: [KWICLine]]()
        for p in Perspective.allCases where !lines[p.index].isEmpty { result[p] = lines[p.index] }
        return result
    }

    /// `sampleEvidence` per perspective index, with how many counted matches each sample was drawn from.
    private func evidenceSample(k: Int, window: Int, file: String, pages: Bool, seed: UInt64) -> (lines: [[KWICLine]], seen: [Int]) {
        var rng = SplitMix64(seed: seed)
        var seen = [Int](repeating: 0, count: Perspective.allCases.count)
        var chosen = [[(entry: Int, token: Int, length: Int)]](repeating: [], count: Perspective.allCases.count)
        walkCounted { event in
            guard case .counted(let e, _, let token, let length) = event else { return }
            let p = entryPerspective[e]
            seen[p] += 1
            if chosen[p].count < k {
                chosen[p].append((e, token, length))
            } else {
                let j = Int(rng.next() % UInt64(seen[p]))
                if j < k { chosen[p][j] = (e, token, length) }
            }
        }
        let lines = chosen.map { picks in
            picks.sorted { $0.token < $1.token }
                .map { kwic(entry: $0.entry, token: $0.token, length: $0.length, window: window, file: file, pages: pages) }
        }
        return (lines, seen)
    }

    // MARK: Large documents, in chunks

    /// What one chunk contributes to a document's score.
    fileprivate struct ChunkResult {
        var tally: Tally
        var tokens: Int
        var sentences: Int
        var keys: [[Int]: [UInt64]]
        var evidence: [[KWICLine]]
        var seen: [Int]
    }

    /// Scores a large document chunk by chunk (on `threads` threads), holding one chunk's
    /// tokens per thread, and merges the chunks' counts, sentence profiles and evidence samples.
    /// The result does not depend on the number of threads.
    private func scoreInChunks(_ document: Document, plan: TextChunks) throws(ScoringError) -> DocumentScore {
        let seed = Self.seed(document.sha256)
        let parts = runChunks(plan.chunks, of: document, pageNumbers: nil, firstIndex: 0, seed: seed)
        return try merge(parts, document: document, seed: seed)
    }

    /// Scores `chunks` of `document` on up to `threads` threads; chunk `i` is numbered
    /// `firstIndex + i` (its evidence seed).
    private func runChunks(_ chunks: [[TextChunks.Piece]], of document: Document, pageNumbers: [Int]?,
                           firstIndex: Int, seed: UInt64) -> [ChunkResult] {
        let workers = max(1, min(threads, chunks.count))
        while helpers.count < workers - 1 {
            guard let helper = try? DocumentScorer(lexicon: lexicon) else { break }
            helpers.append(helper)
        }
        let scorers = [self] + helpers.prefix(workers - 1)
        for h in scorers.dropFirst() {
            h.evidencePerPerspective = evidencePerPerspective
            h.evidenceWindow = evidenceWindow
            if h.model != model { h.model = model }
        }
        return ParallelMap.map(chunks.count, threads: scorers.count, state: { scorers[$0] }) { scorer, i in
            scorer.scoreChunk(firstIndex + i, chunks[i], of: document, pageNumbers: pageNumbers, seed: seed)
        }.map { $0! }
    }

    /// The document's score from its chunks' counts, sentence profiles and evidence samples.
    private func merge(_ parts: [ChunkResult], document: Document, seed: UInt64) throws(ScoringError) -> DocumentScore {
        var tally = Tally()
        var tokens = 0, sentences = 0
        var keys = [[Int]: [UInt64]]()
        for part in parts {
            tally.add(part.tally)
            tokens += part.tokens
            sentences += part.sentences
            for (v, k) in part.keys { keys[v, default: []].append(contentsOf: k) }
        }
        if tokens == 0 { throw .noWords }
        var score = tally.score(for: document, tokens: tokens, lexicon: lexicon)
        score.sentences = SentenceProfile(sentences: sentences, vectors: SentenceProfile.sorted(keys: keys))
        if evidencePerPerspective > 0 {
            var rng = SplitMix64(seed: seed)
            var evidence = [Perspective: [KWICLine]]()
            for p in Perspective.allCases {
                let lines = Self.mergeSamples(parts.map { ($0.evidence[p.index], $0.seen[p.index]) }, k: evidencePerPerspective, rng: &rng)
                if !lines.isEmpty { evidence[p] = lines }
            }
            score.evidence = evidence
        }
        return score
    }

    // MARK: Documents read a group of pages at a time

    /// A document being scored as its cleaned pages arrive (see `push`).
    public struct Stream {
        fileprivate var document: Document
        fileprivate var numbers: [Int] = []
        fileprivate var parts: [ChunkResult] = []
        fileprivate var chunksDone = 0
    }

    /// Starts scoring `document` (its file, hash, encoding and cleaning; its pages come by `push`).
    public func beginStream(_ document: Document) -> Stream {
        var d = document
        d.pages = []
        return Stream(document: d)
    }

    /// Adds cleaned pages (with their 0-based page numbers; the pieces of a cut page share one)
    /// and scores every chunk that can no longer change, so about one chunk per thread and the
    /// pages of the last chunk are held.
    public func push(_ pages: [String], pageNumbers: [Int], to stream: inout Stream) {
        var pages = pages, pageNumbers = pageNumbers
        // The rest of a page cut between groups joins its first part, so no page break is
        // put where the page was cut.
        if let first = pageNumbers.first, first == stream.numbers.last {
            stream.document.pages[stream.document.pages.count - 1] += pages.removeFirst()
            pageNumbers.removeFirst()
        }
        stream.document.pages.append(contentsOf: pages)
        stream.numbers.append(contentsOf: pageNumbers)
        let pending = stream.document.pages.reduce(0) { $0 + $1.utf8.count }
        if pending >= chunkBytes * max(2, threads + 1) { scorePending(&stream, final: false) }
    }

    /// Scores what is left and returns the document's score: `pageCount` pages in all, cleaned
    /// as `cleaning` says (known only after the last page).
    public func finish(_ stream: inout Stream, pageCount: Int, cleaning: CleaningReport) throws(ScoringError) -> DocumentScore {
        scorePending(&stream, final: true)
        var document = stream.document
        document.pages = []
        document.cleaning = cleaning
        var score = try merge(stream.parts, document: document, seed: Self.seed(document.sha256))
        score.pages = document.hasPages ? pageCount : nil
        return score
    }

    /// Scores the pending pages' chunks but (unless `final`) the last, which the next pages may continue.
    private func scorePending(_ stream: inout Stream, final: Bool) {
        guard !stream.document.pages.isEmpty else { return }
        var chunks = TextChunks(pages: stream.document.pages, targetBytes: chunkBytes).chunks
        let keep = final ? [] : chunks.removeLast()
        guard !chunks.isEmpty else { return }
        let seed = Self.seed(stream.document.sha256)
        stream.parts += runChunks(chunks, of: stream.document, pageNumbers: stream.numbers, firstIndex: stream.chunksDone, seed: seed)
        stream.chunksDone += chunks.count
        var pages = [String](), numbers = [Int]()
        for piece in keep {
            var page = stream.document.pages[piece.page]
            pages.append(piece.start == 0 ? page : page.withUTF8 {
                String(decoding: UnsafeBufferPointer(rebasing: $0[piece.start..<piece.end]), as: UTF8.self)
            })
            numbers.append(stream.numbers[piece.page])
        }
        stream.document.pages = pages
        stream.numbers = numbers
    }

    /// Counts one chunk.
    private func scoreChunk(_ index: Int, _ pieces: [TextChunks.Piece], of document: Document, pageNumbers: [Int]?,
                            seed: UInt64) -> ChunkResult {
        load(pieces: pieces, of: document.pages, sha256: document.sha256, cacheTokens: false, pageNumbers: pageNumbers)
        var tally = Tally()
        countByForm(&tally)
        if touched.contains(where: { needsContext($0) }) { countInContext(&tally) }
        let (sentences, keys, expected) = sentenceKeys()
        tally.expectedHundredths = expected
        var evidence = [[KWICLine]](repeating: [], count: Perspective.allCases.count)
        var seen = [Int](repeating: 0, count: Perspective.allCases.count)
        if evidencePerPerspective > 0 {
            (evidence, seen) = evidenceSample(k: evidencePerPerspective, window: evidenceWindow, file: document.file,
                                              pages: document.hasPages, seed: seed ^ (UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15))
        }
        return ChunkResult(tally: tally, tokens: stream.count, sentences: sentences, keys: keys, evidence: evidence, seen: seen)
    }

    /// A uniform sample of at most `k` from the union of several samples, each a uniform sample
    /// of `seen` items: how many come from each part is drawn as without replacement from the
    /// parts' sizes, then that many are taken at random from the part's sample. In text order.
    static func mergeSamples(_ parts: [(lines: [KWICLine], seen: Int)], k: Int, rng: inout SplitMix64) -> [KWICLine] {
        var left = parts.map(\.seen)
        var take = [Int](repeating: 0, count: parts.count)
        var total = left.reduce(0, +)
        for _ in 0..<min(k, total) {
            var r = Int(rng.next() % UInt64(total))
            var part = 0
            while r >= left[part] { r -= left[part]; part += 1 }
            take[part] += 1
            left[part] -= 1
            total -= 1
        }
        var merged = [KWICLine]()
        for (i, part) in parts.enumerated() where take[i] > 0 {
            var lines = part.lines
            // A random subset of the part's sample, kept in text order.
            var keep = Array(lines.indices)
            for j in stride(from: keep.count - 1, to: 0, by: -1) { keep.swapAt(j, Int(rng.next() % UInt64(j + 1))) }
            let chosen = Set(keep.prefix(take[i]))
            lines = lines.indices.filter { chosen.contains($0) }.map { lines[$0] }
            merged.append(contentsOf: lines)
        }
        return merged
    }

    /// The context line of a match at tokens `token..<token+length`.
    private func kwic(entry: Int, token: Int, length: Int, window: Int, file: String, pages: Bool) -> KWICLine {
        let e = lexicon.entries[entry]
        return kwic(token: token, length: length, window: window, file: file, pages: pages, perspective: e.perspective, term: e.term)
    }

    /// The context line of the tokens `token ..< token + length`, labelled with `perspective` and `term`.
    private func kwic(token: Int, length: Int, window: Int, file: String, pages: Bool, perspective: Perspective, term: String) -> KWICLine {
        let last = token + length - 1
        let matchStart = Int(stream.starts[token]), matchEnd = Int(stream.ends[last])
        // Context stays on the match's page.
        let pageIndex = pageStarts.lastIndex { $0 <= matchStart } ?? 0
        let pageStart = pageStarts.isEmpty ? 0 : pageStarts[pageIndex]
        let pageEnd = pageIndex + 1 < pageStarts.count ? pageStarts[pageIndex + 1] : units.count
        var first = token
        while first > 0 && token - first < window && Int(stream.starts[first - 1]) >= pageStart { first -= 1 }
        var end = last
        while end + 1 < stream.count && end - last < window && Int(stream.ends[end + 1]) <= pageEnd { end += 1 }
        let leftStart = Int(stream.starts[first])
        let rightEnd = Int(stream.ends[end])
        // White space collapsed to one space, on code units (no Character work per line).
        func text(_ a: Int, _ b: Int) -> String { collapsed(a, b) }
        let page = pages ? pageIds[pageIndex] + 1 : nil
        return KWICLine(file: file, page: page, perspective: perspective, term: term,
                        left: text(leftStart, matchStart), match: text(matchStart, matchEnd), right: text(matchEnd, rightEnd))
    }

    /// The number of tokens a phrase covers when it starts at token `i`, or nil.
    private func phraseLength(_ components: [WordPattern], at i: Int) -> Int? {
        guard i + components.count <= stream.count else { return nil }
        for (k, pattern) in components.enumerated() {
            let t = i + k
            if k > 0 && !adjacent(t - 1, t) { return nil }
            let info = matcher.info(stream.forms[t])
            if !pattern.matches(form: info.key, stem: info.stem) { return nil }
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
        for k in from..<to where !WhiteSpace.contains(units[k]) { return false }
        return true
    }
}
