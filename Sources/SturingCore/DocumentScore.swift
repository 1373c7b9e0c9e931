/// The scores of one document: counts, shares and densities per perspective, and per term.
public struct DocumentScore: Sendable, Equatable {
    /// The path as given by the user.
    public var file: String
    /// SHA-256 of the file's bytes.
    public var sha256: String
    /// Letter-word tokens in the cleaned text.
    public var tokens: Int
    /// Page count, nil for a text file without page breaks.
    public var pages: Int?
    /// Encoding of a text file, or "pdf".
    public var encoding: String
    /// Per perspective: count, share, density.
    public var perspectives: [Perspective: PerspectiveScore]
    /// Per perspective, per term: the count and the matched forms.
    public var terms: [Perspective: [TermCount]]
    /// Forms a term would have matched but that its exclude lists kept out, per term.
    public var excluded: [Perspective: [TermCount]]
    /// Word forms that count for more than one perspective.
    public var overlaps: [Overlap]
    /// What cleaning changed.
    public var cleaning: CleaningReport
    /// Problems that did not stop scoring, in English.
    public var warnings: [String]
    /// The warnings with the values a report words them with (see `Notice`).
    public var notices: [Notice] = []
    /// A seeded sample of matches in context per perspective (empty unless requested).
    public var evidence: [Perspective: [KWICLine]] = [:]
    /// The signal words per sentence, for the bootstrap (nil when not recorded).
    public var sentences: SentenceProfile?
    /// The pages read by OCR (nil: none).
    public var ocr: OCRRecord?
    /// What the document says about itself (from government XML or council-data JSON).
    public var metadata: DocumentMetadata?

    /// Creates a score.
    public init(file: String, sha256: String, tokens: Int, pages: Int?, encoding: String,
                perspectives: [Perspective: PerspectiveScore], terms: [Perspective: [TermCount]],
                excluded: [Perspective: [TermCount]] = [:], overlaps: [Overlap] = [],
                cleaning: CleaningReport = CleaningReport(), warnings: [String] = [], ocr: OCRRecord? = nil) {
        self.ocr = ocr
        self.file = file
        self.sha256 = sha256
        self.tokens = tokens
        self.pages = pages
        self.encoding = encoding
        self.perspectives = perspectives
        self.terms = terms
        self.excluded = excluded
        self.overlaps = overlaps
        self.cleaning = cleaning
        self.warnings = warnings
    }

    /// True when a context model weighed the matches (`expected` is set).
    public var isDisambiguated: Bool { perspectives.values.contains { $0.expected != nil } }

    /// The sum of the four perspective counts.
    public var totalSignalWords: Int { Perspective.allCases.reduce(0) { $0 + (perspectives[$1]?.count ?? 0) } }
}

/// One perspective's numbers in one document.
public struct PerspectiveScore: Sendable, Equatable {
    /// Scores for all four perspectives from their counts: share of the total (nil when the total
    /// is 0) and count per 10,000 tokens (0 when there are no tokens).
    ///
    /// With `expectedHundredths` (a context model's expected counts in hundredths), `expected` is set,
    /// share and density are of the expected counts, and the raw share is kept in `shareRaw`.
    public static func from(counts: [Perspective: Int], tokens: Int, expectedHundredths: [Perspective: Int]? = nil) -> [Perspective: PerspectiveScore] {
        let total = counts.values.reduce(0, +)
        var result = [Perspective: PerspectiveScore]()
        for p in Perspective.allCases {
            let c = counts[p] ?? 0
            result[p] = PerspectiveScore(count: c, share: total > 0 ? Double(c) * 100 / Double(total) : nil,
                                         per10kTokens: tokens > 0 ? Double(c) * 10_000 / Double(tokens) : 0)
        }
        guard let expectedHundredths else { return result }
        let expectedTotal = expectedHundredths.values.reduce(0, +)
        for p in Perspective.allCases {
            let m = expectedHundredths[p] ?? 0
            result[p]!.shareRaw = result[p]!.share
            result[p]!.expected = Double(m) / Double(SentenceProfile.modelScale)
            result[p]!.share = expectedTotal > 0 ? Double(m) * 100 / Double(expectedTotal) : nil
            result[p]!.per10kTokens = tokens > 0 ? Double(m) * 10 / Double(tokens) : 0
        }
        return result
    }

    /// Matched signal words.
    public var count: Int
    /// Percent of all signal words in the document; nil when there are none.
    public var share: Double?
    /// Matches per 10,000 letter tokens (0 for an empty document); expected matches with a model.
    public var per10kTokens: Double
    /// With a context model: the sum of the matches' probabilities (nil: no model).
    public var expected: Double?
    /// With a context model: the share of the raw counts (`share` is then of the expected ones).
    public var shareRaw: Double?

    /// Creates a perspective score.
    public init(count: Int, share: Double?, per10kTokens: Double) {
        self.count = count
        self.share = share
        self.per10kTokens = per10kTokens
    }
}

/// A term's count in a document and the word forms that made it up.
public struct TermCount: Sendable, Equatable {
    /// The lexicon term.
    public var term: String
    /// How often it counted.
    public var count: Int
    /// Each matched (or excluded) form with its count, most frequent first.
    public var forms: [(form: String, count: Int)]
    /// With a context model: the sum of its matches' probabilities.
    public var expected: Double?

    /// Creates a term count.
    public init(term: String, count: Int, forms: [(form: String, count: Int)]) {
        self.term = term
        self.count = count
        self.forms = forms
    }

    public static func == (lhs: TermCount, rhs: TermCount) -> Bool {
        lhs.term == rhs.term && lhs.count == rhs.count && lhs.expected == rhs.expected
            && lhs.forms.map(\.form) == rhs.forms.map(\.form) && lhs.forms.map(\.count) == rhs.forms.map(\.count)
    }
}

/// A word form counted for more than one perspective.
public struct Overlap: Sendable, Equatable, Codable {
    /// The word form.
    public var form: String
    /// The claiming terms as "PERSPECTIVE:term".
    public var claimedBy: [String]
    /// How often the form occurred.
    public var count: Int

    /// Creates an overlap record.
    public init(form: String, claimedBy: [String], count: Int) {
        self.form = form
        self.claimedBy = claimedBy
        self.count = count
    }

    enum CodingKeys: String, CodingKey {
        case form
        case claimedBy = "claimed_by"
        case count
    }
}
