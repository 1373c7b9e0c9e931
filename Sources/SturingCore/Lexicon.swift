/// A signal-word lexicon: metadata plus entries, as read from a YAML or CSV file.
public struct Lexicon: Sendable, Equatable {
    /// Short name, e.g. "nijdam-2019".
    public var name: String
    /// Version string of the lexicon file.
    public var version: String
    /// Where the terms come from (citation).
    public var source: String
    /// Language code of the terms ("nl").
    public var language: String
    /// Mode for entries that name none.
    public var defaultMatch: MatchMode
    /// Labels per perspective, when the file gives them.
    public var labels: [Perspective: String]
    /// The entries in file order.
    public var entries: [LexiconEntry]
    /// SHA-256 of the file's bytes (hex), recorded in every output.
    public var sha256: String
    /// The path the lexicon was read from.
    public var path: String

    /// Creates a lexicon.
    public init(name: String, version: String, source: String = "", language: String = "nl",
                defaultMatch: MatchMode = .stem, labels: [Perspective: String] = [:],
                entries: [LexiconEntry], sha256: String = "", path: String = "") {
        self.name = name
        self.version = version
        self.source = source
        self.language = language
        self.defaultMatch = defaultMatch
        self.labels = labels
        self.entries = entries
        self.sha256 = sha256
        self.path = path
    }
}

/// One signal word (or phrase) of a lexicon and how it is matched.
public struct LexiconEntry: Sendable, Equatable {
    /// The word or multi-word phrase ("samenwerken", "eigen kracht", "zelfredza*").
    public var term: String
    /// The perspective the term signals.
    public var perspective: Perspective
    /// How the term is matched.
    public var match: MatchMode
    /// Extra forms or globs that count for this entry.
    public var include: [String]
    /// Forms or globs that never count for this entry.
    public var exclude: [String]
    /// Phrases in which a match does not count ("in het kader van").
    public var excludePhrases: [String]
    /// Split forms of a separable verb that count for this entry, each written as
    /// "verb ... particle" ("doe* ... mee" for *meedoen*: "zij doen actief mee"): the words
    /// before "..." and those after it, with up to `LexiconEntry.separableGap` words between,
    /// in one sentence.
    public var separable: [String]
    /// Most words between the two parts of a separable verb.
    public static let separableGap = 8
    /// Why the entry is set up this way.
    public var note: String
    /// Sentences that show the entry's rules: how often the entry must count in each.
    public var tests: [LexiconTest]
    /// The line in the lexicon file where the entry starts (1-based; 0 when unknown).
    public var line: Int

    /// Creates an entry.
    public init(term: String, perspective: Perspective, match: MatchMode, include: [String] = [],
                exclude: [String] = [], excludePhrases: [String] = [], separable: [String] = [], note: String = "",
                tests: [LexiconTest] = [], line: Int = 0) {
        self.separable = separable
        self.term = term
        self.perspective = perspective
        self.match = match
        self.include = include
        self.exclude = exclude
        self.excludePhrases = excludePhrases
        self.note = note
        self.tests = tests
        self.line = line
    }
}

/// A sentence and how many times one lexicon entry must count in it: the executable form of the
/// rule an entry's note states ("Stuur een e-mail naar ons." counts 0 times for sturen).
public struct LexiconTest: Sendable, Equatable {
    /// The sentence (scored alone, as one page).
    public var text: String
    /// How many times the entry must count in it.
    public var count: Int
    /// The line in the lexicon file (1-based; 0 when unknown).
    public var line: Int

    /// Creates a test.
    public init(text: String, count: Int, line: Int = 0) {
        self.text = text
        self.count = count
        self.line = line
    }
}
