import SturingCore

/// A lexicon prepared for matching under one match setting: terms normalised, stems computed,
/// globs parsed. Built once per run and shared (read-only) by all worker threads.
public struct CompiledLexicon: Sendable {
    /// One entry ready for matching.
    public struct Entry: Sendable {
        /// Position in the lexicon (counts are reported in this order).
        public var index: Int
        /// The term as written in the lexicon.
        public var term: String
        /// The perspective it signals.
        public var perspective: Perspective
        /// One pattern per word of the term (more than one for a phrase like "eigen kracht").
        public var components: [WordPattern]
        /// Extra forms that count (single-word entries, lexicon setting only).
        public var include: [WordPattern]
        /// Forms that never count (lexicon setting only).
        public var exclude: [WordPattern]
        /// Contexts in which a match does not count (lexicon setting only).
        public var excludePhrases: [[WordPattern]]
        /// The excluded phrases as written, parallel to `excludePhrases`.
        public var excludePhraseTexts: [String]
        /// Split forms of a separable verb: the words before the gap and those after it.
        public var separable: [(before: [WordPattern], after: [WordPattern])] = []

        /// True for multi-word terms.
        public var isPhrase: Bool { components.count > 1 }
    }

    /// The source lexicon (metadata and provenance).
    public let lexicon: Lexicon
    /// The match setting this was compiled for.
    public let setting: MatchSetting
    /// Entries in lexicon order.
    public let entries: [Entry]
    /// Every multi-word pattern (phrases and split separable verbs), longest first.
    public let phrases: [Phrase]
    /// The indices in `phrases` of each entry's phrases (entries without one are absent).
    let phrasesOfEntry: [Int: [Int]]

    /// A pattern of several words: `before` in a row, then (when `after` is not empty) up to
    /// `LexiconEntry.separableGap` other words of the same sentence, then `after` in a row.
    public struct Phrase: Sendable {
        /// The entry it counts for.
        public var entry: Int
        /// The words in a row at the start.
        public var before: [WordPattern]
        /// The words after the gap (empty: no gap).
        public var after: [WordPattern]
        /// True when the phrase may contain a gap (a separable verb).
        public var isSplit: Bool { !after.isEmpty }
    }
    /// True when some pattern needs the stem of a form.
    public let usesStems: Bool
    /// The stemmer identification recorded in outputs.
    public let stemmer: String
    /// Where a form can match: entries by exact word and by stem (term, include and phrase words),
    /// and the entries with a glob somewhere, which are tried for every new form. Lets the matcher
    /// look at a handful of entries per new form instead of all of them.
    let candidates: CandidateIndex

    /// Compiles `lexicon` for `setting`.
    public init(_ lexicon: Lexicon, setting: MatchSetting) throws(TextError) {
        guard let stemmer = SnowballStemmer() else { throw .stemmerUnavailable }
        self.lexicon = lexicon
        self.setting = setting
        self.stemmer = SnowballStemmer.identification
        var entries = [Entry]()
        for (i, e) in lexicon.entries.enumerated() {
            let words = e.term.split(separator: " ").map { WordTokenizer.matchKey(WordTokenizer.normalizeTerm(String($0))) }
            let components: [WordPattern] = words.map { word in
                let bare = String(word.filter { $0 != "*" })
                switch setting {
                case .exact: return .exact(bare)
                case .stem: return .stem(stemmer.stem(bare))
                case .lexicon:
                    if word.contains("*" as Character) { return WordPattern.literalOrGlob(word) }
                    return e.match == .stem ? .stem(stemmer.stem(bare)) : .exact(bare)
                }
            }
            let useLists = setting == .lexicon
            entries.append(Entry(
                index: i, term: e.term, perspective: e.perspective, components: components,
                include: useLists ? e.include.map(WordPattern.literalOrGlob) : [],
                exclude: useLists ? e.exclude.map(WordPattern.literalOrGlob) : [],
                excludePhrases: useLists ? e.excludePhrases.map { $0.split(separator: " ").map { WordPattern.literalOrGlob(String($0)) } } : [],
                excludePhraseTexts: useLists ? e.excludePhrases : [],
                separable: useLists ? e.separable.map { split in
                    let parts = split.components(separatedBy: " ... ")
                    func words(_ s: String) -> [WordPattern] {
                        s.split(separator: " ").map { WordPattern.literalOrGlob(WordTokenizer.matchKey(WordTokenizer.normalizeTerm(String($0)))) }
                    }
                    return (words(parts[0]), words(parts.count > 1 ? parts[1] : ""))
                } : []))
        }
        self.entries = entries
        var phrases = entries.filter(\.isPhrase).map { Phrase(entry: $0.index, before: $0.components, after: []) }
        for e in entries { for s in e.separable where !s.after.isEmpty { phrases.append(Phrase(entry: e.index, before: s.before, after: s.after)) } }
        let sorted = phrases.enumerated().sorted {
            let a = $0.element.before.count + $0.element.after.count, b = $1.element.before.count + $1.element.after.count
            return a != b ? a > b : $0.offset < $1.offset
        }.map(\.element)
        self.phrases = sorted
        var phrasesOfEntry = [Int: [Int]]()
        for (k, phrase) in sorted.enumerated() { phrasesOfEntry[phrase.entry, default: []].append(k) }
        self.phrasesOfEntry = phrasesOfEntry
        self.usesStems = entries.contains { $0.components.contains(where: \.needsStem) }
        self.candidates = CandidateIndex(entries)
    }
}
