/// A document as a sequence of words for learning word contexts (`lexicon suggest`): its word
/// forms in text order (lower-case, as the tokenizer folds them), the sentence each word stands in,
/// and every match the lexicon counted there.
public struct WordSequence: Sendable, Equatable {
    /// One counted match: where it stands, what it counts for and how likely it signals that.
    public struct Match: Sendable, Equatable {
        /// Its first token.
        public var token: Int
        /// Its tokens (more than 1 for a phrase).
        public var length: Int
        /// The perspective it counts for.
        public var perspective: Perspective
        /// The lexicon term.
        public var term: String
        /// The probability that it signals its perspective (1 without a context model).
        public var p: Double
        /// Creates a match.
        public init(token: Int, length: Int, perspective: Perspective, term: String, p: Double) {
            self.token = token; self.length = length; self.perspective = perspective; self.term = term; self.p = p
        }
    }

    /// The word forms, in text order.
    public var words: [String]
    /// The sentence of each word (0, 1, …; words of one sentence share it).
    public var sentence: [Int32]
    /// For each word: true when only white space stands between it and the word before (so the
    /// two can form a phrase; numbers, which are not words here, and punctuation break it).
    public var followsDirectly: [Bool]
    /// The counted matches, in text order.
    public var matches: [Match]

    /// Creates a sequence; `sentence` and `followsDirectly` (all true when not given) have one
    /// entry per word.
    public init(words: [String], sentence: [Int32], followsDirectly: [Bool]? = nil, matches: [Match]) {
        precondition(words.count == sentence.count, "one sentence index per word")
        precondition(followsDirectly.map { $0.count == words.count } ?? true, "one adjacency flag per word")
        self.words = words; self.sentence = sentence; self.matches = matches
        self.followsDirectly = followsDirectly ?? [Bool](repeating: true, count: words.count)
    }
}
