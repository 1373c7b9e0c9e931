/// One finding of a lexicon check: its kind, the term, an English sentence (what `sturing lexicon
/// check` prints), and the values a report needs to say it again in its own language. Stored in
/// scores.json as an object with these fields (the values a kind does not have are left out).
public struct LexiconFinding: Codable, Sendable, Equatable {
    /// language | cannot-match | duplicate | two-perspectives | swallows | never-matched | frequent-form | dominant-term
    public var kind: String
    /// The term it is about ("" when it is about several).
    public var term: String
    /// What was found and what to do, in English.
    public var message: String
    /// The term's perspective.
    public var perspective: Perspective?
    /// Documents checked (never-matched).
    public var documents: Int?
    /// Matches: of the term (dominant-term), of the form (frequent-form), or terms that matched nothing.
    public var count: Int?
    /// What `count` is out of: the perspective's signal words, or the lexicon's terms.
    public var total: Int?
    /// The term's share of its perspective, percent (dominant-term).
    public var share: Double?
    /// The word form (frequent-form).
    public var form: String?
    /// The form's matches per 1,000 tokens (frequent-form).
    public var perThousand: Double?
    /// Terms named as examples, each as "'term' (PA)" (never-matched, when many terms found nothing).
    public var examples: [String]?

    enum CodingKeys: String, CodingKey {
        case kind, term, message, perspective, documents, count, total, share, form, examples
        case perThousand = "per_1000_tokens"
    }

    /// A finding; the values a report words it with are optional.
    public init(kind: String, term: String, message: String, perspective: Perspective? = nil, documents: Int? = nil,
                count: Int? = nil, total: Int? = nil, share: Double? = nil, form: String? = nil, perThousand: Double? = nil,
                examples: [String]? = nil) {
        self.kind = kind; self.term = term; self.message = message; self.perspective = perspective; self.documents = documents
        self.count = count; self.total = total; self.share = share; self.form = form; self.perThousand = perThousand
        self.examples = examples
    }

    /// "kind: message", as the findings were written before they had values.
    public var line: String { "\(kind): \(message)" }
}
