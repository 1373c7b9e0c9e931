import SturingCore

/// Evidence: the context line of a match, samples of them per perspective, and the word lists
/// `kwic`, `keyness` and `suggest` read.
extension DocumentScorer {
    /// The text between two code-unit offsets with white space collapsed to single spaces.
    func collapsed(_ a: Int, _ b: Int) -> String {
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
    func evidenceSample(k: Int, window: Int, file: String, pages: Bool, seed: UInt64) -> (lines: [[KWICLine]], seen: [Int]) {
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
}
