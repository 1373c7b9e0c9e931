import SturingCore

/// Large documents scored in chunks on several threads, and documents read a group of pages at a
/// time (streaming), with results that do not depend on either.
extension DocumentScorer {
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
    func scoreInChunks(_ document: Document, plan: TextChunks) throws(ScoringError) -> DocumentScore {
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
}
