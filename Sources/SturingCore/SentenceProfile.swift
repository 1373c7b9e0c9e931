/// How a document's signal words fall into its sentences: the number of sentences, and each
/// distinct per-sentence count vector (PA, NPM, NPG, SR) with how many sentences have it. Sentences
/// without signal words are only counted. This is what the bootstrap resamples (sentences with
/// replacement), so intervals cost no re-reading of text.
public struct SentenceProfile: Sendable, Equatable {
    /// With a context model, a sentence's counts are its matches' probabilities in hundredths
    /// (shares are ratios, so the scale cancels; the expected counts are these sums / 100).
    public static let modelScale = 100
    /// One distinct count vector and its multiplicity.
    public struct Vector: Sendable, Equatable, Hashable {
        /// Signal words of PA, NPM, NPG, SR in the sentence.
        public var counts: [Int]
        /// How many sentences have exactly these counts.
        public var times: Int
        /// A key of each of those sentences' words (`SentenceKey`), sorted; empty when not recorded.
        /// Two runs of the same text give the same keys, so `compare` can draw a sentence that
        /// stands in both periods the same number of times in both.
        public var keys: [UInt64]

        /// Creates a vector.
        public init(counts: [Int], times: Int, keys: [UInt64] = []) {
            self.counts = counts
            self.times = times
            self.keys = keys
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

    /// True when every vector carries the keys of its sentences.
    public var hasKeys: Bool { vectors.allSatisfy { $0.keys.count == $0.times } }

    /// The profile of several documents together (a plan of several files). Keys are kept only
    /// when every document has them.
    public static func combined(_ profiles: [SentenceProfile]) -> SentenceProfile {
        let keyed = profiles.allSatisfy(\.hasKeys)
        var keys = [[Int]: [UInt64]]()
        var times = [[Int]: Int]()
        for p in profiles {
            for v in p.vectors {
                times[v.counts, default: 0] += v.times
                if keyed { keys[v.counts, default: []].append(contentsOf: v.keys) }
            }
        }
        return SentenceProfile(sentences: profiles.reduce(0) { $0 + $1.sentences },
                               vectors: keyed ? sorted(keys: keys) : sorted(times))
    }

    /// Vectors from a multiplicity table, in the fixed order.
    public static func sorted(_ times: [[Int]: Int]) -> [Vector] {
        times.map { Vector(counts: $0.key, times: $0.value) }.sorted { $0.counts.lexicographicallyPrecedes($1.counts) }
    }

    /// Vectors from each count vector's sentence keys (their number is the multiplicity), keys
    /// sorted, in the fixed order.
    public static func sorted(keys: [[Int]: [UInt64]]) -> [Vector] {
        keys.map { Vector(counts: $0.key, times: $0.value.count, keys: $0.value.sorted()) }
            .sorted { $0.counts.lexicographicallyPrecedes($1.counts) }
    }

    /// The signal words per perspective over all sentences.
    public var totals: [Int] {
        var t = [0, 0, 0, 0]
        for v in vectors { for p in 0..<4 { t[p] += v.counts[p] * v.times } }
        return t
    }
}
