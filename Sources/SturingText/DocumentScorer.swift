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

    // The loaded document, read by the counting rules, sentences, evidence and chunks
    // (DocumentScorer+*.swift): its UTF-16 text, where each page starts, its tokens, the counts
    // per form and which forms were seen.
    var units: [UInt16] = []
    var pageStarts: [Int] = []
    /// The page index of each `pageStarts` entry (a chunk may start inside a page).
    var pageIds: [Int] = []
    var stream = TokenStream()
    let table = FormTable()
    var touched: [Int32] = []
    /// Each entry's perspective index and whether it has exclude phrases (read per matched token,
    /// without copying the entry).
    let entryPerspective: [Int]
    let entryHasExcludePhrases: [Bool]
    /// The abbreviations after which a `.` does not end a sentence.
    let abbreviations: Abbreviations

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
    var helpers: [DocumentScorer] = []
    /// The context model that weighs each match by the probability that it signals its
    /// perspective (`--disambiguate`); nil: every match counts 1.
    public var model: ContextModel? {
        didSet { modelTable = model.map { ContextModelTable(model: $0, lexicon: lexicon) } }
    }
    /// The model's weights laid out for this lexicon.
    var modelTable: ContextModelTable?

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
    func load(pieces: [TextChunks.Piece], of pages: [String], sha256: String, cacheTokens: Bool, pageNumbers: [Int]? = nil) {
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
}
