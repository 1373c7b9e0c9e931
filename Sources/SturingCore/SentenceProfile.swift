/// How a document's signal words fall into its sentences: the number of sentences, and each
/// distinct per-sentence count vector (PA, NPM, NPG, SR) with how many sentences have it. Sentences
/// without signal words are only counted. This is what the bootstrap resamples (sentences with
/// replacement), so intervals cost no re-reading of text.
public struct SentenceProfile: Sendable, Equatable {
    /// One distinct count vector and its multiplicity.
    public struct Vector: Sendable, Equatable, Hashable {
        /// Signal words of PA, NPM, NPG, SR in the sentence.
        public var counts: [Int]
        /// How many sentences have exactly these counts.
        public var times: Int

        /// Creates a vector.
        public init(counts: [Int], times: Int) {
            self.counts = counts
            self.times = times
        }
    }

    /// All sentences of the document (with and without signal words).
    public var sentences: Int
    /// The distinct non-zero vectors, in a fixed order (by counts).
    public var vectors: [Vector]

    /// Creates a profile.
    public init(sentences: Int, vectors: [Vector]) {
        self.sentences = sentences
        self.vectors = vectors
    }

    /// The profile of several documents together (a plan of several files).
    public static func combined(_ profiles: [SentenceProfile]) -> SentenceProfile {
        var times = [[Int]: Int]()
        for p in profiles { for v in p.vectors { times[v.counts, default: 0] += v.times } }
        return SentenceProfile(sentences: profiles.reduce(0) { $0 + $1.sentences }, vectors: sorted(times))
    }

    /// Vectors from a multiplicity table, in the fixed order.
    public static func sorted(_ times: [[Int]: Int]) -> [Vector] {
        times.map { Vector(counts: $0.key, times: $0.value) }.sorted { $0.counts.lexicographicallyPrecedes($1.counts) }
    }

    /// The signal words per perspective over all sentences.
    public var totals: [Int] {
        var t = [0, 0, 0, 0]
        for v in vectors { for p in 0..<4 { t[p] += v.counts[p] * v.times } }
        return t
    }
}
