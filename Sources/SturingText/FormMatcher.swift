/// Decides once per word form which lexicon entries it matches, and caches the answer.
/// One instance per thread, tied to one tokenizer's interner.
public final class FormMatcher {
    /// What the lexicon says about one word form.
    public struct FormInfo {
        /// The lowercased form, as written (hyphens of a compound kept: "zelf-redzaamheid").
        public var form: String
        /// What patterns compare: the form without compound hyphens ("zelfredzaamheid").
        public var key: String
        /// Its Snowball stem (empty when the lexicon needs no stems).
        public var stem: String
        /// Single-word entries the form counts for, in lexicon order.
        public var matches: [Int]
        /// Single-word entries the form would count for but that exclude it.
        public var excludedBy: [Int]
        /// True when counting needs the surrounding tokens (phrases, excluded contexts).
        public var needsContext: Bool
        /// The phrases (indices in `CompiledLexicon.phrases`, in that order) whose first word the
        /// form matches: the only ones that can start at a token of this form.
        public var phraseStarts: [Int] = []
    }

    /// The compiled lexicon.
    public let lexicon: CompiledLexicon
    private let interner: FormInterner
    private let stemmer: SnowballStemmer
    private var infos: [FormInfo?] = []

    /// Creates a matcher for the forms of `interner`.
    public init(lexicon: CompiledLexicon, interner: FormInterner) throws(TextError) {
        guard let s = SnowballStemmer() else { throw .stemmerUnavailable }
        self.lexicon = lexicon
        self.interner = interner
        self.stemmer = s
    }

    /// The (cached) information for form id `id`.
    public func info(_ id: Int32) -> FormInfo {
        let i = Int(id)
        if i >= infos.count { infos.append(contentsOf: repeatElement(nil, count: max(i + 1 - infos.count, infos.count))) }
        if let known = infos[i] { return known }
        let computed = compute(interner.form(id))
        infos[i] = computed
        return computed
    }

    /// Matches the form by its key (a hyphenated compound as its closed spelling).
    private func compute(_ token: String) -> FormInfo {
        let form = WordTokenizer.matchKey(token)
        let stem = lexicon.usesStems ? stemmer.stem(form) : ""
        var matches = [Int](), excluded = [Int]()
        var needsContext = false
        var phraseStarts = [Int]()
        for index in lexicon.candidates.entries(key: form, stem: stem) {
            let entry = lexicon.entries[index]
            for k in lexicon.phrasesOfEntry[index] ?? [] where lexicon.phrases[k].before[0].matches(form: form, stem: stem) {
                phraseStarts.append(k)
            }
            if entry.separable.contains(where: { ($0.before + $0.after).contains { $0.matches(form: form, stem: stem) } }) { needsContext = true }
            if entry.isPhrase {
                if entry.components.contains(where: { $0.matches(form: form, stem: stem) }) { needsContext = true }
                continue
            }
            let hit = entry.components[0].matches(form: form, stem: stem)
                || entry.include.contains { $0.matches(form: form, stem: stem) }
            guard hit else { continue }
            if entry.exclude.contains(where: { $0.matches(form: form, stem: stem) }) {
                excluded.append(entry.index)
            } else {
                matches.append(entry.index)
                if !entry.excludePhrases.isEmpty { needsContext = true }
            }
        }
        return FormInfo(form: token, key: form, stem: stem, matches: matches, excludedBy: excluded, needsContext: needsContext,
                        phraseStarts: phraseStarts.sorted())
    }
}
