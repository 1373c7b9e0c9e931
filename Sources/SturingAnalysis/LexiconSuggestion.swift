import Foundation
import SturingCore

/// Candidates for new signal words of one perspective, learned from the corpus itself: words and
/// two-word phrases that are over-represented in the sentences where the perspective is counted
/// (keyness: G² and log ratio against the corpus's other sentences) and whose contexts resemble the
/// contexts of the perspective's true matches (cosine of positive PMI context vectors, Levy,
/// Goldberg & Dagan 2015, with context distribution smoothing 0.75). Candidates are ranked by the
/// mean of their two ranks, so a word must do well on both. No model from outside is used.
public enum LexiconSuggestion {
    /// What to count and how many to list.
    public struct Options: Sendable {
        /// Words on each side (within the sentence) that form a word's context.
        public var window = 5
        /// Least occurrences of a candidate in the corpus.
        public var minFrequency = 5
        /// Least documents that use a candidate (lowered to the corpus size).
        public var minDocuments = 2
        /// Candidates to return.
        public var top = 30
        /// Examples per candidate.
        public var examples = 2
        /// Also two-word phrases of content words with only white space between them ("eigen regie").
        public var phrases = true
        /// A sentence is the perspective's when its matches' p add up to at least this.
        public var sentenceThreshold = 0.5
        /// Creates the defaults.
        public init() {}
    }

    /// Where one example of a candidate stands: document, first token, tokens.
    public struct Place: Sendable, Equatable {
        /// Index of the document in the input.
        public var document: Int
        /// Its first token.
        public var token: Int
        /// Its tokens (2 for a phrase).
        public var length: Int
    }

    /// One candidate with every figure it was ranked on.
    public struct Candidate: Sendable, Equatable {
        /// The word or phrase (lower-case, words separated by one space).
        public var text: String
        /// Occurrences in the corpus.
        public var frequency: Int
        /// Documents that use it.
        public var documents: Int
        /// Occurrences in the perspective's sentences and in the other sentences.
        public var target: Int
        public var reference: Int
        /// Log-likelihood G² of target against reference.
        public var g2: Double
        /// log2 of the ratio of relative frequencies (0.5 for a zero reference count).
        public var logRatio: Double
        /// Cosine similarity of its PPMI context vector with the perspective's.
        public var similarity: Double
        /// Its rank by G² and by similarity among the eligible candidates (1 = best).
        public var keynessRank: Int
        public var similarityRank: Int
        /// Where its examples stand (in the perspective's sentences first).
        public var examples: [Place]
    }

    /// What a suggestion rests on.
    public struct Result: Sendable {
        /// The ranked candidates, best first.
        public var candidates: [Candidate]
        /// The perspective's sentences (target) and the corpus's other sentences.
        public var targetSentences: Int
        public var otherSentences: Int
        /// The weight of the true matches the perspective's context profile is built from
        /// (the sum of their p, or the coded true matches given).
        public var profileWeight: Double
        /// Words and phrases that passed the frequency and document limits, before ranking.
        public var eligible: Int
    }

    /// Suggests candidates for `perspective` from `documents`. `leaveOut` says which words are not
    /// content words (stopwords, numbers); `coded`, when given, holds the context words of the
    /// perspective's coded true matches, and the profile is built from them instead of from the
    /// corpus's matches weighed by p.
    public static func suggest(_ documents: [WordSequence], perspective: Perspective, options: Options = Options(),
                               leaveOut: (String) -> Bool, coded: [[String]]? = nil) -> Result {
        // Which tokens are content words, which the lexicon counts, which sentences are the perspective's.
        var content = [[Bool]](), counted = [[Bool]](), inTarget = [[Bool]]()
        var targetSentences = 0, otherSentences = 0, targetTokens = 0, otherTokens = 0
        var stop = [String: Bool]()
        for doc in documents {
            let n = doc.words.count
            var isContent = [Bool](repeating: false, count: n)
            for i in 0..<n {
                let w = doc.words[i]
                if let known = stop[w] { isContent[i] = !known; continue }
                let out = leaveOut(w) || !w.contains(where: \.isLetter) || w.count < 2
                stop[w] = out
                isContent[i] = !out
            }
            var isCounted = [Bool](repeating: false, count: n)
            var weight = [Int32: Double]()
            for m in doc.matches {
                for t in m.token..<min(n, m.token + m.length) { isCounted[t] = true }
                if m.perspective == perspective { weight[doc.sentence[m.token], default: 0] += m.p }
            }
            let sentences = Int(doc.sentence.last ?? -1) + 1
            let target = Set(weight.filter { $0.value >= options.sentenceThreshold }.keys)
            targetSentences += target.count
            otherSentences += sentences - target.count
            var tokenInTarget = [Bool](repeating: false, count: n)
            for i in 0..<n where target.contains(doc.sentence[i]) { tokenInTarget[i] = true }
            for i in 0..<n where !isCounted[i] { if tokenInTarget[i] { targetTokens += 1 } else { otherTokens += 1 } }
            content.append(isContent); counted.append(isCounted); inTarget.append(tokenInTarget)
        }
        // Occurrences of each word and phrase.
        struct Tally { var frequency = 0, target = 0, countedTimes = 0; var documents = Set<Int>(); var places = [Place](), targetPlaces = [Place]() }
        var tallies = [String: Tally]()
        func units(_ d: Int, _ body: (String, Int, Int) -> Void) {
            let doc = documents[d]
            for i in 0..<doc.words.count where content[d][i] {
                body(doc.words[i], i, 1)
                if options.phrases, i + 1 < doc.words.count, content[d][i + 1], doc.followsDirectly[i + 1], doc.sentence[i + 1] == doc.sentence[i] {
                    body(doc.words[i] + " " + doc.words[i + 1], i, 2)
                }
            }
        }
        for d in documents.indices {
            units(d) { text, i, length in
                var t = tallies[text] ?? Tally()
                t.frequency += 1
                t.documents.insert(d)
                if counted[d][i..<(i + length)].contains(true) { t.countedTimes += 1 }
                let place = Place(document: d, token: i, length: length)
                if inTarget[d][i] {
                    t.target += 1
                    if t.targetPlaces.count < options.examples { t.targetPlaces.append(place) }
                } else if t.places.count < options.examples {
                    t.places.append(place)
                }
                tallies[text] = t
            }
        }
        let minDocuments = max(1, min(options.minDocuments, documents.count))
        // A word the lexicon already counts (at least half of its occurrences) is not a candidate.
        let eligible = tallies.filter { $0.value.frequency >= options.minFrequency && $0.value.documents.count >= minDocuments
            && $0.value.countedTimes * 2 < $0.value.frequency }
        // Context vectors of the eligible units and of the perspective's true matches.
        var rows = [String: [String: Double]]()
        var profile = [String: Double]()
        var profileWeight = 0.0
        func context(_ d: Int, _ i: Int, _ length: Int, _ add: (String) -> Void) {
            let doc = documents[d], s = doc.sentence[i]
            var k = i - 1
            while k >= 0 && k >= i - options.window && doc.sentence[k] == s { if content[d][k] { add(doc.words[k]) }; k -= 1 }
            k = i + length
            while k < doc.words.count && k < i + length + options.window && doc.sentence[k] == s { if content[d][k] { add(doc.words[k]) }; k += 1 }
        }
        for d in documents.indices {
            units(d) { text, i, length in
                guard eligible[text] != nil else { return }
                context(d, i, length) { rows[text, default: [:]][$0, default: 0] += 1 }
            }
            if coded == nil {
                for m in documents[d].matches where m.perspective == perspective && m.p > 0 {
                    profileWeight += m.p
                    context(d, m.token, m.length) { profile[$0, default: 0] += m.p }
                }
            }
        }
        if let coded {
            for bag in coded {
                profileWeight += 1
                for w in bag where !(stop[w] ?? (leaveOut(w) || !w.contains(where: \.isLetter))) { profile[w, default: 0] += 1 }
            }
        }
        let similarity = PPMI.cosines(rows: rows, to: profile)
        // Keyness of each eligible unit, over-represented ones only.
        var ranked = [Candidate]()
        for (text, t) in eligible {
            let a = t.target, b = t.frequency - t.target
            guard targetTokens > 0, otherTokens > 0, a > 0, Double(a) / Double(targetTokens) > Double(b) / Double(otherTokens) else { continue }
            ranked.append(Candidate(text: text, frequency: t.frequency, documents: t.documents.count, target: a, reference: b,
                                    g2: Keyness.g2(a, b, targetTokens, otherTokens), logRatio: Keyness.logRatio(a, b, targetTokens, otherTokens),
                                    similarity: similarity[text] ?? 0, keynessRank: 0, similarityRank: 0,
                                    examples: Array((t.targetPlaces + t.places).prefix(options.examples))))
        }
        let byKeyness = ranked.indices.sorted { ranked[$0].g2 != ranked[$1].g2 ? ranked[$0].g2 > ranked[$1].g2 : ranked[$0].text < ranked[$1].text }
        for (r, i) in byKeyness.enumerated() { ranked[i].keynessRank = r + 1 }
        let bySimilarity = ranked.indices.sorted { ranked[$0].similarity != ranked[$1].similarity ? ranked[$0].similarity > ranked[$1].similarity : ranked[$0].text < ranked[$1].text }
        for (r, i) in bySimilarity.enumerated() { ranked[i].similarityRank = r + 1 }
        ranked.sort {
            let a = $0.keynessRank + $0.similarityRank, b = $1.keynessRank + $1.similarityRank
            if a != b { return a < b }
            return $0.g2 != $1.g2 ? $0.g2 > $1.g2 : $0.text < $1.text
        }
        return Result(candidates: Array(ranked.prefix(options.top)), targetSentences: targetSentences, otherSentences: otherSentences,
                      profileWeight: profileWeight, eligible: eligible.count)
    }
}
