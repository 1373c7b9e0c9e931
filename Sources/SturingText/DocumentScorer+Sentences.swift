import SturingCore

/// Sentences: where they end, the signal words each holds (the profile the bootstrap resamples), and
/// each sentence with its matches and their probabilities.
extension DocumentScorer {
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
    func sentenceKeys() -> (sentences: Int, keys: [[Int]: [UInt64]], expected: [Int: Int]?) {
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
    func sentenceIndices() -> [Int32] {
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
    func probability(_ table: ContextModelTable, entry e: Int, form: String, token: Int, length: Int) -> Double {
        stream.forms.withUnsafeBufferPointer {
            table.probability(entry: e, token: token, length: length, phrase: form.isEmpty || length == 1 ? nil : form,
                              forms: $0, interner: tokenizer.interner)
        }
    }

    /// True when a sentence ends between token `a` and the next token `b` (the rule of `sentenceIndices`):
    /// the text between them holds `!`, `?`, a blank line, or a `.` that ends a sentence. A `.`
    /// right after an abbreviation ("art.", "o.a.", "Kst.", "bijv.") or an initial ("J. de Vries")
    /// does not, nor one followed by a digit or a letter ("2.3", "1.000"); after a list-ending
    /// abbreviation ("enz.", "etc.") it does when the next word starts with a capital.
    @inline(__always)
    func sentenceBreak(_ a: Int, _ b: Int, in units: UnsafeBufferPointer<UInt16>) -> Bool {
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
}
