import SturingCore

/// Checks a lexicon for terms that overlap, and (on a corpus's scored documents) for terms that
/// never match, the word forms each term matches, forms that are very frequent words, and terms
/// that carry most of their perspective. Each finding says what to look at.
public struct LexiconCheck: Sendable {
    /// One finding (with the values a report words it with in its own language).
    public typealias Finding = LexiconFinding

    /// A term's matched forms on the corpus.
    public struct TermForms: Sendable {
        /// The term.
        public var term: String
        /// Its perspective.
        public var perspective: Perspective
        /// Its signal words on the corpus.
        public var count: Int
        /// Its share of its perspective's signal words (percent).
        public var shareOfPerspective: Double
        /// The forms it matched, most frequent first.
        public var forms: [(form: String, count: Int)]
        /// The forms its exclude lists kept out.
        public var excluded: [(form: String, count: Int)]
    }

    /// The findings, lexicon problems first.
    public let findings: [Finding]
    /// Per term, on the corpus (empty without one).
    public let terms: [TermForms]

    /// A form that makes up more than this fraction of all tokens is flagged: only function words
    /// are that frequent in Dutch prose (a stem that caught one, like 'met' under 'meten').
    public static let frequentFormFraction = 0.005
    /// The most frequent Dutch function words: a stem or pattern that matches one is flagged
    /// however often it occurs.
    public static let functionWords: Set<String> = [
        "de", "het", "een", "en", "van", "in", "op", "met", "voor", "aan", "te", "is", "zijn", "wordt", "worden", "dat", "die",
        "deze", "dit", "wij", "we", "zij", "ze", "hij", "ook", "niet", "om", "door", "bij", "naar", "als", "of", "over", "uit",
        "tot", "er", "nog", "meer", "dan", "maar", "wel", "al", "kan", "kunnen", "moet", "moeten", "wil", "willen", "heeft",
        "hebben", "had", "was", "waren", "hun", "onze", "ons", "zich", "zo", "waar", "wat", "wie", "hoe", "geen", "alle",
        "andere", "zeer", "veel", "goed", "nu", "toe", "mee", "af", "zelf", "elk", "elke", "ieder", "iedere", "men", "mits",
        "kort", "korte", "zeker", "zekere", "tak", "take", "mark", "behoeft", "rechts", "stuur",
    ]
    /// A term carrying more than this share of its perspective is flagged.
    public static let dominantShare = 40.0
    /// With more terms than this that matched nothing, they are one finding (naming the first
    /// few) rather than one each: a lexicon of 200,000 terms would list nearly all of them.
    public static let neverMatchedListed = 50

    /// Checks `lexicon`, and with `documents` (scored under `setting`) its behaviour on them.
    public init(_ lexicon: Lexicon, setting: MatchSetting = .lexicon, documents: [DocumentScore] = []) throws(TextError) {
        self.init(compiled: try CompiledLexicon(lexicon, setting: setting), documents: documents)
    }

    /// Checks an already compiled lexicon (a run's), and with `documents` its behaviour on them.
    public init(compiled: CompiledLexicon, documents: [DocumentScore] = []) {
        let lexicon = compiled.lexicon
        let stemmer = SnowballStemmer()
        var findings = [Finding]()
        if let note = LexiconLanguageCheck.labelNote(lexicon) {
            findings.append(Finding(kind: "language", term: "", message: note))
        }
        // Words that no token can ever be (markup, formulas, regular expressions).
        if let shape = try? WordShape() {
            for e in lexicon.entries {
                for item in [e.term] + e.include + e.exclude {
                    guard let word = shape.unmatchableWord(in: item) else { continue }
                    let role = item == e.term ? "" : ", in the include/exclude list of '\(e.term)'"
                    findings.append(Finding(kind: "cannot-match", term: e.term,
                                            message: "'\(word)' (\(e.perspective.code)\(role)) \(WordShape.reason): write the word itself, or remove it"))
                }
            }
        }
        // Words each entry stands for: its term (each word) and its exact includes.
        func words(_ e: CompiledLexicon.Entry) -> [String] {
            let own = e.term.split(separator: " ").map { WordTokenizer.matchKey(WordTokenizer.normalizeTerm(String($0))) }
                .filter { !$0.contains("*" as Character) }
            let inc = e.include.compactMap { if case .exact(let w) = $0 { w } else { nil } }
            return own + inc
        }
        let entryWords = compiled.entries.map(words)
        // Each word is compared with the entries that can match it (the matcher's index), not
        // with every entry: linear in the lexicon, not quadratic.
        for e in compiled.entries where !e.isPhrase {
            for w in entryWords[e.index] {
                let stem = stemmer?.stem(w) ?? w
                for index in compiled.candidates.entries(key: w, stem: stem) {
                    let other = compiled.entries[index]
                    guard other.index != e.index && !other.isPhrase else { continue }
                    let hit = other.components[0].matches(form: w, stem: stem) || other.include.contains { $0.matches(form: w, stem: stem) }
                    let excluded = other.exclude.contains { $0.matches(form: w, stem: stem) }
                    guard hit && !excluded else { continue }
                    if other.perspective != e.perspective {
                        findings.append(Finding(kind: "two-perspectives", term: e.term,
                                                message: "'\(w)' (\(e.perspective.code):\(e.term)) also counts for \(other.perspective.code):\(other.term); a token would count for both (exclude it from one of them)"))
                    } else if case .stem = other.components[0], case .stem = e.components[0], other.index > e.index {
                        findings.append(Finding(kind: "duplicate", term: e.term,
                                                message: "'\(e.term)' and '\(other.term)' match the same words (same stem '\(stem)'); the later one never counts (remove one)"))
                    } else if other.components[0].isGlob {
                        findings.append(Finding(kind: "swallows", term: other.term,
                                                message: "the pattern '\(other.term)' also matches '\(w)' of '\(e.term)' (\(e.perspective.code)); only the first in lexicon order counts"))
                    }
                }
            }
        }
        var terms = [TermForms]()
        if !documents.isEmpty {
            if let warning = LexiconLanguageCheck.warning(compiled, documents: documents) {
                findings.append(Finding(kind: "language", term: "", message: warning))
            }
            let tokens = documents.reduce(0) { $0 + $1.tokens }
            var perspectiveTotals = [Perspective: Int]()
            var counts = [String: Int](), forms = [String: [String: Int]](), excluded = [String: [String: Int]]()
            for d in documents {
                for p in Perspective.allCases {
                    for t in d.terms[p] ?? [] {
                        counts[t.term, default: 0] += t.count
                        perspectiveTotals[p, default: 0] += t.count
                        for f in t.forms { forms[t.term, default: [:]][f.form, default: 0] += f.count }
                    }
                    for t in d.excluded[p] ?? [] { for f in t.forms { excluded[t.term, default: [:]][f.form, default: 0] += f.count } }
                }
            }
            func sorted(_ m: [String: Int]) -> [(form: String, count: Int)] {
                m.map { (form: $0.key, count: $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.form < $1.form }
            }
            let neverMatched = compiled.entries.filter { (counts[$0.term] ?? 0) == 0 }
            let listEach = neverMatched.count <= Self.neverMatchedListed
            for e in compiled.entries {
                let c = counts[e.term] ?? 0
                let total = perspectiveTotals[e.perspective] ?? 0
                let share = total > 0 ? Double(c) * 100 / Double(total) : 0
                let f = sorted(forms[e.term] ?? [:])
                terms.append(TermForms(term: e.term, perspective: e.perspective, count: c, shareOfPerspective: share,
                                       forms: f, excluded: sorted(excluded[e.term] ?? [:])))
                if c == 0 && listEach {
                    findings.append(Finding(kind: "never-matched", term: e.term, message: "'\(e.term)' (\(e.perspective.code)) matched nothing in \(documents.count) document(s)",
                                            perspective: e.perspective, documents: documents.count))
                }
                if share > Self.dominantShare && total >= 20 {
                    findings.append(Finding(kind: "dominant-term", term: e.term,
                                            message: "'\(e.term)' carries \(String(format: "%.0f", share)) % of \(e.perspective.code) (\(c) of \(total)): that perspective's share rests mostly on one word (check its forms)",
                                            perspective: e.perspective, count: c, total: total, share: share))
                }
                let own = Set(entryWords[e.index])
                for form in f where !own.contains(WordTokenizer.matchKey(form.form))
                    && (Self.functionWords.contains(WordTokenizer.matchKey(form.form)) || Double(form.count) > Self.frequentFormFraction * Double(tokens)) {
                    findings.append(Finding(kind: "frequent-form", term: e.term,
                                            message: "'\(form.form)' counts \(form.count)x for '\(e.term)' (\(String(format: "%.2f", Double(form.count) * 1000 / Double(max(tokens, 1)))) per 1,000 tokens): a very frequent word; check that it means what the term means, or exclude it",
                                            perspective: e.perspective, count: form.count, form: form.form, perThousand: Double(form.count) * 1000 / Double(max(tokens, 1))))
                }
            }
            if !listEach {
                let examples = neverMatched.prefix(10).map { "'\($0.term)' (\($0.perspective.code))" }
                findings.append(Finding(kind: "never-matched", term: "",
                                        message: "\(neverMatched.count) of the \(compiled.entries.count) terms matched nothing in \(documents.count) document(s), among them \(examples.joined(separator: ", ")) (lexicon check --corpus OUT --format json gives every term's count)",
                                        documents: documents.count, count: neverMatched.count, total: compiled.entries.count, examples: examples))
            }
        }
        self.findings = findings
        self.terms = terms
    }
}

extension WordPattern {
    /// True for prefix, suffix and contains patterns.
    var isGlob: Bool {
        switch self {
        case .prefix, .suffix, .contains: true
        case .exact, .stem: false
        }
    }
}
